import { DomainError } from '@sss/contracts/http/problem';
import { formatYenJapanese } from '@sss/contracts/domain/money';
import { TAX_RATES, type InvoiceTotals, type RateTotal } from '@sss/contracts/sales/tax';

/**
 * Approval covers what is issued (issue #11 item 10): the 売上実績・請求確認 稟議 shows the approver the
 * invoice's totals per tax rate, `SalesCheckApproved` records them, and an invoice whose totals differ
 * in any rate is refused. Without this the approver could see 1 yen and the invoice go out at 1,100,000.
 */

const NONE: Omit<RateTotal, 'taxRate' | 'basis'> = { net: 0, tax: 0, gross: 0 };
const rateOf = (totals: InvoiceTotals, rate: number) => totals.byRate.find((r) => r.taxRate === rate) ?? NONE;

/** The first tax rate whose 税抜, 消費税 or 税込 differs, or null when the two agree in every rate. */
export function differingRate(approved: InvoiceTotals, invoice: InvoiceTotals): { rate: number; approved: number; invoiced: number } | null {
  for (const rate of TAX_RATES) {
    const a = rateOf(approved, rate);
    const b = rateOf(invoice, rate);
    if (a.net !== b.net || a.tax !== b.tax || a.gross !== b.gross) return { rate, approved: a.gross, invoiced: b.gross };
  }
  return null;
}

/**
 * Refuses an invoice the approval does not cover. `approved` null: the approval was recorded before it
 * carried totals, so nothing says what the approver saw; a new approval is the only safe answer.
 */
export function approvalMismatch(approved: InvoiceTotals | null, invoice: InvoiceTotals): DomainError | null {
  const again = '売上実績・請求確認を再申請し、承認を受けてから発行してください。';
  if (!approved) return DomainError.field('illegal_transition', 'totals', `この月の承認には請求金額の記録がありません。${again}`);
  const diff = differingRate(approved, invoice);
  if (!diff) return null;
  const message = `${diff.rate}%対象の請求金額が稟議で承認された内容と異なります（承認: ${formatYenJapanese(diff.approved)}、請求: ${formatYenJapanese(diff.invoiced)}）。${again}`;
  return new DomainError('illegal_transition', message, [{ field: `totals.rate${diff.rate}`, message }], { taxRate: diff.rate, approvedGross: diff.approved, invoicedGross: diff.invoiced });
}
