import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Receivables } from '@sss/contracts/sales/views';
import type { SuspenseQueue } from '@sss/contracts/finance/views';
import type { RunningSss } from '../../src/main/sss.ts';
import { settleMatchedDeposit } from '../../../write-side/src/finance/deposit-settlement-policy.ts';
import { as, DEMO, login, startTestSss } from '../support/sss.ts';
import { customer, issuedInvoices } from '../support/finance.ts';
import { transferNotice } from '../../../write-side/test/finance/zengin-fixture.ts';

/**
 * The money bug of stop 12 (docs/finance.md §Confirming): a month remembered which deposits had settled it, not
 * which matches, so a second partial match of the same deposit to the same month was taken as already settled and
 * its payment was never recorded. Here deposit D is matched twice to one invoice: both payments are recorded, the
 * yen conserved (deposit applied = invoice paid); each match delivered again to the settlement policy (a lost
 * checkpoint, a duplicate delivery) still records once.
 */
const test = suite('two partial matches of one deposit to one month');

let seq = 0;
const key = () => ({ 'idempotency-key': `pm-${Date.now()}-${seq++}` });

async function paymentsOf(sss: RunningSss, stream: string, depositId: string) {
  const out: number[] = [];
  for (const e of await sss.events.readStream(stream)) {
    const data = e.data as { depositId?: string; amount: number };
    if (e.type === 'PaymentRecorded' && data.depositId === depositId) out.push(data.amount);
  }
  return out;
}

test('both partial payments recorded, yen conserved, a replayed match recorded once', async () => {
  const sss = await startTestSss();
  try {
    const [invoice] = await issuedInvoices(sss, await customer(sss, '分割商事', 'ブンカツシヨウジ'), [300_000]);
    assert.is(invoice!.gross, 330_000);
    const call = as(sss, await login(sss, DEMO.finance));
    const imported = await call({ method: 'POST', url: '/api/bank-files', headers: key(), payload: { fileName: 'bunkatsu.txt', format: 'zengin', content: transferNotice([{ date: '2026-06-01', amount: 330_000, payerName: 'ﾌﾞﾝｶﾂｼﾖｳｼﾞ' }]).toString('base64') } });
    assert.is(imported.statusCode, 200, imported.body);
    const depositId = imported.json<{ depositIds: string[] }>().depositIds[0]!;
    const customerId = ((await sss.events.readStream(`project-${invoice!.projectId}`))[0]!.data as { customerCompanyId: string }).customerCompanyId;
    const allocate = (amount: number) => ({ customerId, allocations: [{ projectId: invoice!.projectId, month: invoice!.month, amount }] });

    const first = await call({ method: 'POST', url: `/api/deposits/${depositId}/match`, payload: allocate(100_000), headers: key() });
    assert.is(first.statusCode, 200, first.body);
    const second = await call({ method: 'POST', url: `/api/deposits/${depositId}/match`, payload: allocate(150_000), headers: key() });
    assert.is(second.statusCode, 200, second.body);

    const month = `monthlysales-${invoice!.projectId}_${invoice!.month}`;
    assert.equal(await paymentsOf(sss, month, depositId), [100_000, 150_000], 'the second partial match of the same deposit is a payment too');

    // Delivered again, each match settles nothing twice.
    const matches = (await sss.events.readStream(`deposit-${depositId}`)).filter((e) => e.type === 'DepositMatched');
    assert.is(matches.length, 2);
    for (const m of [...matches, ...matches]) await settleMatchedDeposit(sss.events, m, (message) => assert.unreachable(message));
    assert.equal(await paymentsOf(sss, month, depositId), [100_000, 150_000], 'a replayed match records once');

    // Conserved: what the deposit applied is what the invoice counts as paid; the rest waits as 仮受金.
    const position = { 'x-sss-min-position': (await sss.events.headPosition()).toString() };
    const receivables = (await call({ method: 'GET', url: '/api/receivables', headers: position })).json<Receivables>();
    const row = receivables.rows.find((r) => r.invoiceNumber === invoice!.invoiceNumber);
    assert.equal(row && [row.paid, row.outstanding], [250_000, 80_000]);
    const queue = (await call({ method: 'GET', url: '/api/suspense-receipts', headers: position })).json<SuspenseQueue>();
    assert.is(queue.rows.find((r) => r.depositId === depositId)?.unapplied, 80_000);
  } finally {
    await sss.stop();
  }
});

test.run();
