import type { ProjectDetail } from '@sss/contracts/project/views';
import { systemActorName } from '@sss/contracts/history/system-actors';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useSystemReason } from '../i18n/statusReasons.ts';
import { approvalKindLabels, approvalOutcomeLabels, projectStatusLabels } from '../i18n/codes.ts';
import { formatDateTime } from '../lib/format.ts';

/** ステータス履歴 and the 稟議 of the project: who moved it, when, why, and which 稟議 did. */
export function StatusHistoryPanel({ project }: { project: ProjectDetail }) {
  const text = useLabels(projectLabels);
  const { language } = useI18n();
  const status = useLabels(projectStatusLabels);
  const outcome = useLabels(approvalOutcomeLabels);
  const approvalKind = useLabels(approvalKindLabels);
  const systemReason = useSystemReason();
  return (
    <section className="panel" data-testid="status-history">
      <div className="panel-header">
        <h2>{text('statusHistory')}</h2>
      </div>
      <table className="table compact" data-testid="status-history-table">
        <thead>
          <tr>
            <th>{text('at')}</th>
            <th>{text('from')}</th>
            <th>{text('to')}</th>
            <th>{text('reason')}</th>
            <th>{text('by')}</th>
          </tr>
        </thead>
        <tbody>
          {project.statusHistory.map((h, i) => (
            <tr key={`${h.at}-${i}`} data-testid="status-history-row" data-to={h.to}>
              <td className="date">{formatDateTime(h.at)}</td>
              <td>{h.from ? status(h.from) : '—'}</td>
              <td>{status(h.to)}</td>
              <td>{systemReason(h.reason) ?? <span data-user-data>{h.reason}</span>}</td>
              <td data-user-data>{systemActorName(h.by)?.[language] ?? (h.byName || h.by)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {project.approvals.length > 0 && (
        <>
          <h3>{text('approvals')}</h3>
          <table className="table compact" data-testid="approval-table">
            <tbody>
              {project.approvals.map((a) => (
                <tr key={a.ringiId} data-testid="approval-row" data-kind={a.kind} data-outcome={a.outcome ?? 'pending'}>
                  <td>{approvalKind(a.kind)}</td>
                  <td className="date">{formatDateTime(a.requestedAt)}</td>
                  <td>{a.outcome ? outcome(a.outcome) : text('inRingi')}</td>
                  <td className="mono">{a.ringiNumber}</td>
                  <td data-user-data>{a.decisionComment || a.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
