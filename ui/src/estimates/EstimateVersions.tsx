import type { EstimateView } from '@sss/contracts/project/views';
import { documentUrls } from '../api/projects.ts';
import { formatDate } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { estimateApprovalLabels } from '../i18n/estimates.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';

/** Every version, newest first, with its number, total, the 見積稟議 that approved it and the 見積書 files of issued versions. */
export function EstimateVersions({ estimate }: { estimate: EstimateView }) {
  const text = useLabels(projectLabels);
  const approvalText = useLabels(estimateApprovalLabels);
  return (
    <section className="panel" data-testid="estimate-versions">
      <h2>{text('versions')}</h2>
      <table className="table compact">
        <tbody>
          {estimate.versions.map((v) => (
            <tr key={v.version} data-testid="estimate-version" data-version={v.version} data-status={v.status}>
              <td>{text('versionLabel', { version: v.version })}</td>
              <td>{v.status === 'issued' ? text('issued') : text('draft')}</td>
              <td className="mono" data-testid="estimate-number">
                {v.estimateNumber ?? '—'}
              </td>
              <td className="date">{formatDate(v.issuedOn)}</td>
              <td className="num">{formatYen(v.total)}</td>
              <td data-testid="estimate-approval" data-approved={v.approval ? 'true' : 'false'}>
                {v.approval ? (v.approval.ringiNumber ? approvalText('approvedBy', { ringi: v.approval.ringiNumber }) : approvalText('approvedNoNumber')) : v.status === 'draft' ? approvalText('notApproved') : ''}
              </td>
              <td>{v.revisionReason}</td>
              <td>
                {v.status === 'issued' && (
                  <>
                    <DownloadLink href={documentUrls.estimateXlsx(estimate.id, v.version)} testId="version-xlsx">
                      Excel
                    </DownloadLink>{' '}
                    <DownloadLink href={documentUrls.estimatePdf(estimate.id, v.version)} testId="version-pdf">
                      PDF
                    </DownloadLink>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
