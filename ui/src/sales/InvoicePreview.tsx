import type { MonthlySalesView } from '@sss/contracts/sales/views';
import { lineAmount, type InvoiceTotals } from '@sss/contracts/sales/tax';
import { formatYen } from '@sss/contracts/domain/money';
import { salesLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { safeQuantity, safeYen, type SalesFormState } from './salesForm.ts';
import { addressedTo } from '@sss/contracts/domain/honorific';
import { RangeDash } from '../components/RangeDash.tsx';

/**
 * What the 請求書 will say before it is issued (an issued invoice can only be replaced by a
 * correction, so the person checks it here). Totals use the same per-rate function as the server.
 */
export function InvoicePreview({ month, form, totals }: { month: MonthlySalesView; form: SalesFormState; totals: InvoiceTotals }) {
  const l = useLabels(salesLabels);
  return (
    <section className="invoice-preview" data-testid="invoice-preview">
      <h2>{l('preview')}</h2>
      <p><strong>{addressedTo(form.recipientName)}</strong></p>
      <p>{l('subject')}: {form.subject} / {l('periodStart')}: {form.periodStart}
        <RangeDash />
        {form.periodEnd} / {l('dueDate')}: {form.dueDate}</p>
      <table className="table">
        <thead><tr><th>{l('description')}</th><th className="num">{l('quantity')}</th><th>{l('unit')}</th><th className="num">{l('unitPrice')}</th><th>{l('rate')}</th><th className="num">{l('amount')}</th></tr></thead>
        <tbody>
          {form.lines.map((x, i) => (
            <tr key={i}>
              <td>{x.taxRate === '8' ? '※' : ''}{x.description}</td>
              <td className="num">{x.quantity}</td>
              <td>{x.unit}</td>
              <td className="num">{formatYen(safeYen(x.unitPrice))}</td>
              <td>{x.taxRate}%{x.taxIncluded ? `（${l('taxIncluded')}）` : ''}</td>
              <td className="num">{formatYen(lineAmount({ quantity: safeQuantity(x.quantity), unitPrice: safeYen(x.unitPrice) }))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table" data-testid="invoice-preview-totals">
        <thead><tr><th>{l('rate')}</th><th className="num">{l('net')}</th><th className="num">{l('tax')}</th><th className="num">{l('gross')}</th></tr></thead>
        <tbody>
          {totals.byRate.map((r) => (
            <tr key={r.taxRate}><td>{r.taxRate}%</td><td className="num">{formatYen(r.net)}</td><td className="num">{formatYen(r.tax)}</td><td className="num">{formatYen(r.gross)}</td></tr>
          ))}
          <tr><th>{l('total')}</th><th className="num">{formatYen(totals.net)}</th><th className="num">{formatYen(totals.tax)}</th><th className="num" data-testid="invoice-preview-gross">{formatYen(totals.gross)}</th></tr>
        </tbody>
      </table>
      <p className="subtle">{l('roundingNote')} {month.projectNumber}</p>
    </section>
  );
}
