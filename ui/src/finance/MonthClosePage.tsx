import { useState } from 'react';
import { addMonths, monthOf } from '@sss/contracts/domain/months';
import { todayInJapan } from '@sss/contracts/domain/dates';
import type { AccountingPeriodView } from '@sss/contracts/finance/period-schemas';
import { closeMonth, reopenMonth } from '../api/finance.ts';
import { may, useSession } from '../auth/index.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { monthCloseLabels } from '../i18n/monthClose.ts';
import { confirmLabels } from '../i18n/confirmations.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useFinanceCommand, usePeriods } from './queries.ts';
import { useMonthLabel } from './monthLabel.ts';
import { requires } from '../auth/index.ts';

/** The months offered: this one and the eleven before it, and any older month ever closed. */
function monthsShown(rows: readonly AccountingPeriodView[]): string[] {
  const current = monthOf(todayInJapan());
  const recent = Array.from({ length: 12 }, (_, i) => addMonths(current, -i));
  return [...new Set([...recent, ...rows.map((r) => r.month)])].sort().reverse();
}

/** 月次締め (docs/finance.md §Month-end close): finance closes a month, or reopens it with a reason. */
export function MonthClosePage() {
  const l = useLabels(monthCloseLabels);
  const monthLabel = useMonthLabel();
  useDocumentTitle(l('title'));
  const { data: user } = useSession();
  const periods = usePeriods();
  const [asking, setAsking] = useState<{ month: string; action: 'close' | 'reopen' } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const rows = periods.data?.rows ?? [];
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const mayClose = may(user, 'POST', '/api/accounting-periods/:month/close');
  const mayReopen = may(user, 'POST', '/api/accounting-periods/:month/reopen');
  return (
    <section className="page" data-testid="month-close">
      <div className="page-header"><h1>{l('title')}</h1></div>
      <ProblemMessage error={periods.error} onRetry={() => void periods.refetch()} />
      {done && <p className="alert success" role="status" data-testid="month-close-done">{done}</p>}
      {periods.data && (
        <table className="table" data-testid="period-table">
          <thead><tr><th>{l('month')}</th><th>{l('state')}</th><th>{l('closedAt')}</th><th /></tr></thead>
          <tbody>
            {monthsShown(rows).map((month) => {
              const period = byMonth.get(month);
              const closed = period?.closed === true;
              return (
                <tr key={month} data-testid="period-row" data-month={month} data-closed={closed}>
                  <td>{monthLabel(month)}</td>
                  <td>{closed ? <span className="badge">{l('closed')}</span> : l('open')}
                    {period?.reopenedAt && !closed && <div className="hint">{l('reopened', { at: new Date(period.reopenedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }), reason: period.reopenReason ?? '' })}</div>}
                  </td>
                  <td>{closed && period?.closedAt ? new Date(period.closedAt).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) : ''}</td>
                  <td>
                    {!closed && mayClose && <button type="button" className="button" data-testid="period-close" {...requires('POST', '/api/accounting-periods/:month/close')} onClick={() => { setDone(null); setAsking({ month, action: 'close' }); }}>{l('close')}</button>}
                    {closed && mayReopen && <button type="button" className="button" data-testid="period-reopen" {...requires('POST', '/api/accounting-periods/:month/reopen')} onClick={() => { setDone(null); setAsking({ month, action: 'reopen' }); }}>{l('reopen')}</button>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {asking?.action === 'close' && <CloseDialog month={asking.month} onClose={() => setAsking(null)} onDone={() => { setDone(l('closedDone', { month: monthLabel(asking.month) })); setAsking(null); }} />}
      {asking?.action === 'reopen' && <ReopenDialog month={asking.month} onClose={() => setAsking(null)} onDone={() => { setDone(l('reopenedDone', { month: monthLabel(asking.month) })); setAsking(null); }} />}
    </section>
  );
}

function CloseDialog({ month, onClose, onDone }: { month: string; onClose: () => void; onDone: () => void }) {
  const l = useLabels(monthCloseLabels);
  const monthLabel = useMonthLabel();
  const close = useFinanceCommand(() => closeMonth(month, newIdempotencyKey()));
  // A refusal (already closed by someone else) is shown in the dialog, beside what to do: cancel and look again.
  return (
    <ConfirmDialog
      title={l('closeTitle', { month: monthLabel(month) })}
      testId="close-confirm"
      facts={[[l('month'), monthLabel(month)], ...(close.error ? [[l('state'), <ProblemMessage key="e" error={close.error} testId="close-error" />] as const] : [])]}
      consequence={l('closeConsequence', { month: monthLabel(month) })}
      confirmLabel={l('closeConfirm')}
      pending={close.isPending}
      onConfirm={() => close.mutate(undefined, { onSuccess: onDone })}
      onClose={onClose}
    />
  );
}

function ReopenDialog({ month, onClose, onDone }: { month: string; onClose: () => void; onDone: () => void }) {
  const l = useLabels(monthCloseLabels);
  const c = useLabels(confirmLabels);
  const monthLabel = useMonthLabel();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reopen = useFinanceCommand(() => reopenMonth(month, reason, newIdempotencyKey()));
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    reopen.mutate(undefined, { onSuccess: onDone });
  };
  return (
    <Dialog title={l('reopenTitle', { month: monthLabel(month) })} testId="reopen-dialog" onClose={onClose}>
      <p className="alert info">{l('reopenConsequence', { month: monthLabel(month) })}</p>
      <TextField label={l('reason')} name="reason" value={reason} onChange={(v) => { setReason(v); setMissing(false); }} required maxLength={500} error={missing ? l('reasonRequired') : undefined} autoFocus />
      <ProblemMessage error={reopen.error} shownFields={['reason']} testId="reopen-error" />
      <div className="form-actions">
        <button type="button" className="button" data-testid="reopen-cancel" onClick={onClose}>{c('cancel')}</button>
        <button type="button" className="button primary" data-testid="reopen-confirm" disabled={reopen.isPending} onClick={submit}>{l('reopenConfirm')}</button>
      </div>
    </Dialog>
  );
}
