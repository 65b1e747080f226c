import { useQuery } from '@tanstack/react-query';
import { formatYen } from '@sss/contracts/domain/money';
import { paymentState } from '@sss/contracts/sales/payment-state';
import { paymentLabels } from '../i18n/payments.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { salesQueries } from './queries.ts';

/** The payments of one invoice, oldest first, with the state they add up to (一部入金 / 入金済). */
export function PaymentHistory({ invoiceNumber }: { invoiceNumber: string }) {
  const l = useLabels(paymentLabels);
  const invoice = useQuery(salesQueries.invoice(invoiceNumber)).data;
  if (!invoice) return null;
  const state = paymentState(invoice.gross, invoice.paid);
  return (
    <div data-testid="payment-history">
      <h3>
        {l('history')} <span className={`badge payment-${state}`} data-testid="payment-state" data-state={state}>{l(state)}</span>
      </h3>
      {invoice.payments.length === 0 ? (
        <p className="subtle">{l('none')}</p>
      ) : (
        <table className="table compact">
          <thead><tr><th>{l('receivedOn')}</th><th className="num">{l('amount')}</th></tr></thead>
          <tbody>
            {invoice.payments.map((p, i) => (
              <tr key={`${p.receivedOn}-${i}`} data-testid="payment-row"><td>{p.receivedOn}</td><td className="num">{formatYen(p.amount)}</td></tr>
            ))}
          </tbody>
          <tfoot><tr><th>{l('total')}</th><th className="num">{formatYen(invoice.paid)}</th></tr></tfoot>
        </table>
      )}
    </div>
  );
}
