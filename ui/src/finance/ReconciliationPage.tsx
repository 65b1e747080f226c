import { useState } from 'react';
import { formatYen } from '@sss/contracts/domain/money';
import type { BankFileImported } from '@sss/contracts/finance/schemas';
import type { Suggestion } from '@sss/contracts/finance/views';
import { confirmMatch, importBankFile } from '../api/finance.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { financeLabels } from '../i18n/finance.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useDeposits, useFinanceCommand, useSuggestions, useSuspense } from './queries.ts';
import { FeeToleranceField } from './FeeToleranceField.tsx';
import { requires } from '../auth/index.ts';
import { RequirePermission } from '../auth/index.ts';

/** 入金消込 (docs/finance.md): import a bank file, see each deposit's suggestions with their reasons, confirm; the 仮受金 queue below. */
export function ReconciliationPage() {
  const l = useLabels(financeLabels);
  useDocumentTitle(l('title'));
  const [selected, setSelected] = useState<string | null>(null);
  const deposits = useDeposits(undefined);
  const open = deposits.data?.items.filter((d) => d.unapplied > 0) ?? [];
  return (
    <section className="page" data-testid="reconciliation">
      <div className="page-header"><h1>{l('title')}</h1></div>
      <RequirePermission method="POST" route="/api/bank-files"><BankFileUpload /></RequirePermission>
      <h2>{l('unmatched')}</h2>
      <ProblemMessage error={deposits.error} onRetry={() => void deposits.refetch()} />
      <table className="table" data-testid="deposit-table">
        <thead><tr><th>{l('valueDate')}</th><th>{l('payer')}</th><th className="num">{l('amount')}</th><th className="num">{l('unapplied')}</th><th /></tr></thead>
        <tbody>
          {open.length === 0 && <tr><td colSpan={5} className="empty">{l('none')}</td></tr>}
          {open.map((d) => (
            <tr key={d.depositId} data-testid="deposit-row" data-payer={d.payerName} aria-selected={selected === d.depositId}>
              <td>{d.valueDate}</td><td className="mono">{d.payerName}</td><td className="num">{formatYen(d.amount)}</td><td className="num">{formatYen(d.unapplied)}</td>
              <td><button type="button" className="button" data-testid="deposit-show" onClick={() => setSelected(d.depositId)}>{l('show')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && <SuggestionPanel depositId={selected} onDone={() => setSelected(null)} />}
      <SuspenseQueuePanel />
    </section>
  );
}

function BankFileUpload() {
  const l = useLabels(financeLabels);
  const [format, setFormat] = useState<'zengin' | 'csv'>('zengin');
  const [mapping, setMapping] = useState({ date: 0, amount: 3, payer: 1 });
  const [result, setResult] = useState<BankFileImported | null>(null);
  const upload = useFinanceCommand(async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return importBankFile({ fileName: file.name, format, content: btoa(binary), ...(format === 'csv' ? { csvMapping: mapping } : {}) }, newIdempotencyKey());
  });
  return (
    <fieldset className="card" data-testid="bank-upload" {...requires('POST', '/api/bank-files')}>
      <legend>{l('upload')}</legend>
      <label>{l('format')}{' '}
        <select data-testid="bank-format" value={format} onChange={(e) => setFormat(e.target.value as 'zengin' | 'csv')}>
          <option value="zengin">{l('zengin')}</option><option value="csv">{l('csv')}</option>
        </select>
      </label>
      {format === 'csv' && (['date', 'amount', 'payer'] as const).map((k) => (
        <label key={k}> {l(k === 'date' ? 'csvDate' : k === 'amount' ? 'csvAmount' : 'csvPayer')}{' '}
          <input type="number" min={1} max={64} data-testid={`csv-${k}`} value={mapping[k] + 1} onChange={(e) => setMapping({ ...mapping, [k]: Math.max(0, Number(e.target.value) - 1) })} />
        </label>
      ))}
      {' '}<input type="file" data-testid="bank-file" disabled={upload.isPending} onChange={(e) => { const file = e.target.files?.[0]; if (file) upload.mutate(file, { onSuccess: setResult }); e.target.value = ''; }} />
      <ProblemMessage error={upload.error} testId="bank-upload-error" />
      {result && <p data-testid="bank-upload-result">{l('importedSummary', { records: result.records, imported: result.imported, already: result.alreadyImported })}</p>}
    </fieldset>
  );
}

function SuggestionPanel({ depositId, onDone }: { depositId: string; onDone: () => void }) {
  const l = useLabels(financeLabels);
  const suggestions = useSuggestions(depositId);
  const confirm = useFinanceCommand((s: Suggestion) =>
    confirmMatch(depositId, { customerId: s.customerId, differenceAs: s.differenceAs, reasons: s.reasons.slice(0, 20).map((r) => r.slice(0, 200)), allocations: s.allocations.map(({ projectId, month, amount, difference }) => ({ projectId, month, amount, difference })) }, newIdempotencyKey()));
  return (
    <section className="card" data-testid="suggestions">
      <h2>{l('suggestions')}: <span className="mono">{suggestions.data?.deposit.payerName}</span> {suggestions.data && formatYen(suggestions.data.deposit.unapplied)}</h2>
      <ProblemMessage error={suggestions.error ?? confirm.error} />
      {suggestions.data?.suggestions.length === 0 && <p>{l('noSuggestion')}</p>}
      {suggestions.data?.suggestions.map((s, i) => (
        <div key={i} className="card" data-testid="suggestion">
          <p><strong>{s.customerName}</strong> {l('score')}: {s.score}</p>
          <FeeToleranceField key={`${s.customerId}-${s.feeTolerance}`} customerId={s.customerId} tolerance={s.feeTolerance} />
          <ul data-testid="suggestion-reasons">{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
          <table className="table">
            <thead><tr><th>{l('invoice')}</th><th className="num">{l('unapplied')}</th><th className="num">{l('applied')}</th><th className="num">{l('difference')}</th></tr></thead>
            <tbody>{s.allocations.map((a) => <tr key={a.invoiceNumber} data-testid="suggestion-allocation"><td className="mono">{a.invoiceNumber}</td><td className="num">{formatYen(a.outstanding)}</td><td className="num">{formatYen(a.amount)}</td><td className="num">{formatYen(a.difference)}</td></tr>)}</tbody>
          </table>
          {s.remainder > 0 && <p>{l('remainder')}: {formatYen(s.remainder)}</p>}
          <RequirePermission method="POST" route="/api/deposits/:id/match"><button type="button" className="button primary" data-testid="suggestion-confirm" {...requires('POST', '/api/deposits/:id/match')} disabled={confirm.isPending} onClick={() => confirm.mutate(s, { onSuccess: onDone })}>{l('confirm')}</button></RequirePermission>
        </div>
      ))}
    </section>
  );
}

function SuspenseQueuePanel() {
  const l = useLabels(financeLabels);
  const queue = useSuspense();
  return (
    <section>
      <h2>{l('suspense')}</h2>
      <ProblemMessage error={queue.error} onRetry={() => void queue.refetch()} />
      {queue.data && (
        <table className="table" data-testid="suspense-table">
          <thead><tr><th>{l('valueDate')}</th><th>{l('payer')}</th><th className="num">{l('amount')}</th><th className="num">{l('unapplied')}</th><th className="num">{l('ageDays')}</th></tr></thead>
          <tbody>
            {queue.data.rows.map((r) => <tr key={r.depositId} data-testid="suspense-row"><td>{r.valueDate}</td><td className="mono">{r.payerName}</td><td className="num">{formatYen(r.amount)}</td><td className="num">{formatYen(r.unapplied)}</td><td className="num">{r.ageDays}</td></tr>)}
            <tr><td colSpan={3}>{l('total')}</td><td className="num" data-testid="suspense-total">{formatYen(queue.data.total)}</td><td /></tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
