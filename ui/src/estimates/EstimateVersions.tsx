import type { EstimateView } from '@sss/contracts/project/views';
import { documentUrls } from '../api/projects.ts';
import { formatDate } from '../format/date.ts';
import { formatYen } from '../format/yen.ts';

/** Every version, newest first, with its number, total and the 見積書 files of issued versions. */
export function EstimateVersions({ estimate }: { estimate: EstimateView }) {
  return (
    <section className="panel" data-testid="estimate-versions">
      <h2>版</h2>
      <table className="table compact">
        <tbody>
          {estimate.versions.map((v) => (
            <tr key={v.version} data-testid="estimate-version" data-version={v.version} data-status={v.status}>
              <td>第{v.version}版</td>
              <td>{v.status === 'issued' ? '発行済' : '下書き'}</td>
              <td className="mono" data-testid="estimate-number">
                {v.estimateNumber ?? '—'}
              </td>
              <td className="date">{formatDate(v.issuedOn)}</td>
              <td className="num">{formatYen(v.total)}</td>
              <td>{v.revisionReason}</td>
              <td>
                {v.status === 'issued' && (
                  <>
                    <a href={documentUrls.estimateXlsx(estimate.id, v.version)} download data-testid="version-xlsx">
                      Excel
                    </a>{' '}
                    <a href={documentUrls.estimatePdf(estimate.id, v.version)} download data-testid="version-pdf">
                      PDF
                    </a>
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
