import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { formatDateTime } from '../lib/format.ts';
import { userLabels } from '../i18n/users.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { userQueries } from './queries.ts';
import { useCheckRowText } from './CheckRowText.tsx';

/**
 * コラボフロー設定チェック on the user-administration screen (issue #18 item 2): each check the 稟議
 * gate makes, with what to fix, so an administrator sees why a 稟議 type is not filed — and which
 * users still need a CollaboFlow login — without reading the server log.
 */
export function CollaboflowCheckSection() {
  const l = useLabels(userLabels);
  const [round, setRound] = useState(0);
  const check = useQuery(userQueries.collaboflowCheck(round));
  const report = check.data;
  const rowText = useCheckRowText();
  return (
    <section className="collaboflow-check" data-testid="collaboflow-check" aria-busy={check.isFetching}>
      <div className="page-header">
        <h2>{l('checkTitle')}</h2>
        <button type="button" className="button" data-testid="collaboflow-recheck" disabled={check.isFetching} onClick={() => setRound((n) => n + 1)}>
          {check.isFetching ? l('checking') : l('recheck')}
        </button>
      </div>
      <ProblemMessage error={check.error} onRetry={() => void check.refetch()} />
      {report && (
        <>
          <p data-testid="collaboflow-check-summary" data-ok={report.ok}>
            {report.ok ? l('checkAllOk') : l('checkSomeNg')} <span className="subtle">（{l('checkedAt')}: {formatDateTime(report.checkedAt)}）</span>
          </p>
          <ul className="check-list">
            {report.checks.map((row) => {
              const text = rowText(row, report);
              return (
                <li key={row.id} data-testid="collaboflow-check-row" data-check={row.id} data-ok={row.ok}>
                  <span className={`badge ${row.ok ? 'ok' : 'danger'}`}>{row.ok ? l('checkOk') : l('checkNg')}</span> <strong>{text.name}</strong>: {text.message}
                  {text.fixes.length > 0 && <ul>{text.fixes.map((fix, i) => <li key={i}>{fix}</li>)}</ul>}
                </li>
              );
            })}
          </ul>
          {report.webhookSettings.length > 0 && (
            <details>
              <summary>{l('webhookSettings')}</summary>
              <ul>{report.webhookSettings.map((w) => <li key={w}>{w}</li>)}</ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
