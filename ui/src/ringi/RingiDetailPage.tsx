import { Link, useParams } from 'react-router';
import { DetailList } from '../components/DetailList.tsx';
import { formatDateTime } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { ringiLabels, ringiKindLabels, ringiDecisionLabels } from '../i18n/ringi.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useRingi } from './queries.ts';
import './ringi.css';
import { RingiStatusBadge } from './RingiStatusBadge.tsx';
import { RetryButton } from './RetryButton.tsx';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { TimelineText } from './TimelineText.tsx';

/** One 稟議: where it stands, the approval route with each decision and comment, and everything that happened. */
export function RingiDetailPage() {
  const { id = '' } = useParams();
  const l = useLabels(ringiLabels);
  const kind = useLabels(ringiKindLabels);
  const decision = useLabels(ringiDecisionLabels);
  const ringi = useRingi(id);
  const r = ringi.data;
  useDocumentTitle(r ? r.title : l('detailTitle'));

  return (
    <section className="page" data-testid="ringi-detail">
      <p>
        <Link to="/ringi">← {l('back')}</Link>
      </p>
      <ProblemMessage error={ringi.error} onRetry={() => void ringi.refetch()} />
      {r && (
        <>
          <div className="page-header">
            {/* the title is the document's, as filed in CollaboFlow: data, not a label */}
            <h1 data-testid="ringi-title" data-user-data>
              {r.title}
            </h1>
            {r.link && (
              <a className="button" href={r.link} target="_blank" rel="noreferrer" data-testid="ringi-open-collaboflow">
                {l('openInCollaboflow')}
              </a>
            )}
          </div>
          <DetailList
            rows={[
              { label: l('kind'), value: kind(r.kind), testId: 'kind' },
              {
                label: l('status'),
                value: (
                  <>
                    <RingiStatusBadge status={r.status} stuck={r.stuck} />
                    {r.stuck && <span className="subtle" data-testid="ringi-stuck-reason"> {r.stuck}</span>}
                    {r.stuck && <RetryButton ringiId={r.id} />}
                  </>
                ),
                testId: 'status',
              },
              { label: l('project'), value: <span data-user-data>{`${r.projectNumber} ${r.projectName}${r.month ? ` (${r.month})` : ''}`}</span>, testId: 'project' },
              { label: l('effect'), value: r.effect && <TimelineText entry={{ at: '', kind: 'business', text: r.effect }} />, testId: 'effect' },
              { label: l('documentNumber'), value: r.documentNumber, testId: 'document-number' },
              { label: l('applicant'), value: r.applicant && <span data-user-data>{r.applicant}</span>, testId: 'applicant' },
              { label: l('waitingFor'), value: r.waitingFor.length > 0 && <span data-user-data>{r.waitingFor.join(', ')}</span>, testId: 'waiting-for' },
              { label: l('retries'), value: String(r.failures), testId: 'retries' },
            ]}
          />

          <h2>{l('approvers')}</h2>
          <div className="table-wrap">
            <table className="table" data-testid="ringi-approvers">
              <thead>
                <tr>
                  <th>{l('phase')}</th>
                  <th>{l('approver')}</th>
                  <th>{l('decision')}</th>
                  <th>{l('comment')}</th>
                  <th>{l('decidedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {r.approvers.map((a) => (
                  <tr key={`${a.phase}-${a.approverName}`} className={a.current ? 'current' : ''}>
                    {/* the route's steps and people are CollaboFlow's */}
                    <td data-user-data>{a.phaseTitle}</td>
                    <td data-user-data>{a.approverName}</td>
                    <td>{decision(a.status)}</td>
                    <td data-user-data>{a.comment || '—'}</td>
                    <td className="date">{formatDateTime(a.decidedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2>{l('timeline')}</h2>
          <ol className="ringi-timeline" data-testid="ringi-timeline">
            {r.timeline.map((t, i) => (
              <li key={i} data-kind={t.kind}>
                <span className="date subtle">{formatDateTime(t.at)}</span> <TimelineText entry={t} />
              </li>
            ))}
          </ol>
        </>
      )}
      <HistoryPanel route="/api/ringis/:id/history" params={{ id }} />
    </section>
  );
}
