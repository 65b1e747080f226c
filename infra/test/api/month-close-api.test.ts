import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session, appendedByPeopleSince } from '../support/sss.ts';
import { customer, issuedInvoices, type IssuedInvoice } from '../support/finance.ts';
import { salesActual } from '../support/sales.ts';
import { transferNotice } from '../../../write-side/test/finance/zengin-fixture.ts';
import type { AccountingPeriods } from '@sss/contracts/finance/period-schemas';

/**
 * 月次締め through the HTTP API (docs/finance.md §Month-end close): once finance closes 2026-04, every
 * kind of change dated in April — the sales actual, its 稟議 request, an invoice issue and correction,
 * a payment, a deposit match and a refund — is a 409 naming 「2026年4月は締め済みです」 and appends
 * nothing, while May stays open; reopening needs a reason and the finance role, and then April changes again.
 */
const test = suite<{ sss: RunningSss; finance: Session; salesAdmin: Session; april: IssuedInvoice; may: IssuedInvoice }>('month-end close API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.finance = await login(context.sss, DEMO.finance);
  context.salesAdmin = await login(context.sss, DEMO.salesAdmin);
  const [april, may] = await issuedInvoices(context.sss, await customer(context.sss, '締切商事', 'シメキリショウジ'), [100_000, 200_000]);
  Object.assign(context, { april, may });
});
test.after(async ({ sss }) => sss.stop());

let seq = 0;
const key = () => ({ 'idempotency-key': `mc-${seq++}` });

test('close April → each change dated in April is 409 naming the month, nothing appended; May still changes; reopen needs a reason and finance', async ({ sss, finance, salesAdmin, april, may }) => {
  const [fin, booker] = [as(sss, finance), as(sss, salesAdmin)];
  const imported = await fin({ method: 'POST', url: '/api/bank-files', headers: key(), payload: { fileName: 'april.txt', format: 'zengin', content: transferNotice([{ date: '2026-04-30', amount: 110_000, payerName: 'ｼﾒｷﾘｼﾖｳｼﾞ' }]).toString('base64') } });
  assert.is(imported.statusCode, 200, imported.body);
  const [depositId] = imported.json<{ depositIds: string[] }>().depositIds as [string];

  const closed = await fin({ method: 'POST', url: '/api/accounting-periods/2026-04/close', payload: {}, headers: key() });
  assert.is(closed.statusCode, 200, closed.body);
  const closeEvent = (await sss.events.readStream('accountingperiod-2026-04')).at(-1)!;
  assert.equal([closeEvent.type, closeEvent.data], ['MonthClosed', { month: '2026-04' }]);
  assert.ok(closeEvent.metadata.actor && closeEvent.metadata.occurredAt, 'who and when are recorded');

  const aprilBase = `/api/monthly-sales/${april.projectId}/${april.month}`;
  const refusals: [string, () => ReturnType<typeof fin>, string][] = [
    ['sales actual', () => booker({ method: 'PUT', url: `${aprilBase}/actual`, payload: salesActual(), headers: key() }), 'month'],
    ['売上確認稟議', () => booker({ method: 'POST', url: `${aprilBase}/sales-check`, headers: key() }), 'month'],
    ['invoice issue', () => booker({ method: 'POST', url: `${aprilBase}/invoice`, payload: { issuedOn: '2026-04-30' }, headers: key() }), 'month'],
    ['invoice correction', () => booker({ method: 'POST', url: `${aprilBase}/invoice/correction`, payload: { reason: '宛名訂正', invoice: salesActual().invoice }, headers: key() }), 'month'],
    ['correction 稟議', () => booker({ method: 'POST', url: `${aprilBase}/invoice/correction/sales-check`, payload: { invoice: salesActual().invoice }, headers: key() }), 'month'],
    ['payment received in April', () => fin({ method: 'POST', url: `/api/monthly-sales/${may.projectId}/${may.month}/payments`, payload: { amount: 1_000, receivedOn: '2026-04-30' }, headers: key() }), 'receivedOn'],
    ['deposit match', () => fin({ method: 'POST', url: `/api/deposits/${depositId}/match`, payload: { customerId: 'x', allocations: [{ projectId: april.projectId, month: april.month, amount: 110_000 }] }, headers: key() }), 'valueDate'],
    ['refund', () => fin({ method: 'POST', url: `/api/deposits/${depositId}/refund`, payload: { amount: 1_000, refundedOn: '2026-04-30', reason: '誤入金' }, headers: key() }), 'refundedOn'],
  ];
  for (const [what, send, field] of refusals) {
    const head = await sss.events.headPosition();
    const refused = await send();
    assert.is(refused.statusCode, 409, `${what}: ${refused.body}`);
    assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
    const problem = refused.json<{ code: string; detail: string; closedMonth: string; errors: { field: string; message: string }[] }>();
    assert.equal([problem.code, problem.closedMonth, problem.errors[0]], ['month_closed', '2026-04', { field, message: '2026年4月は締め済みです' }], what);
    assert.match(problem.detail, /2026年4月は締め済みです/);
    assert.equal(await appendedByPeopleSince(sss, head), [], `${what}: nothing appended`);
  }

  // An open month still changes, also for an invoice of the closed month: a payment received in May.
  const mayPayment = await fin({ method: 'POST', url: `${aprilBase}/payments`, payload: { amount: 10_000, receivedOn: '2026-05-15' }, headers: key() });
  assert.is(mayPayment.statusCode, 200, mayPayment.body);

  const periods = (await fin({ method: 'GET', url: '/api/accounting-periods', headers: { 'x-sss-min-position': closed.json<{ position: string }>().position } })).json<AccountingPeriods>();
  assert.equal(periods.closedMonths, ['2026-04']);
  assert.equal(periods.rows[0], { ...periods.rows[0]!, month: '2026-04', closed: true, reopenReason: null });
  assert.is((await fin({ method: 'POST', url: '/api/accounting-periods/2026-04/close', payload: {}, headers: key() })).statusCode, 409, 'closing twice');

  const others = [await login(sss, DEMO.auditor), await login(sss, DEMO.sales), await login(sss, DEMO.salesAdmin)];
  const head = await sss.events.headPosition();
  for (const payload of [{}, { reason: '' }, { reason: '   ' }, { reason: '理由\u202Eあり' }, { reason: 'あ'.repeat(501) }]) {
    const refused = await fin({ method: 'POST', url: '/api/accounting-periods/2026-04/reopen', payload, headers: key() });
    assert.is(refused.statusCode, 400, `${JSON.stringify(payload)}: ${refused.body}`);
    assert.is(refused.json<{ errors: { field: string }[] }>().errors[0]!.field, 'reason');
  }
  for (const [i, who] of others.entries()) {
    const refused = await as(sss, who)({ method: 'POST', url: '/api/accounting-periods/2026-04/reopen', payload: { reason: '修正のため' }, headers: key() });
    assert.is(refused.statusCode, 403, `role ${i}`);
  }
  assert.equal(await appendedByPeopleSince(sss, head), [], 'refused reopenings append nothing');

  const reopened = await fin({ method: 'POST', url: '/api/accounting-periods/2026-04/reopen', payload: { reason: '4月分の入金漏れを記録するため' }, headers: key() });
  assert.is(reopened.statusCode, 200, reopened.body);
  const payment = await fin({ method: 'POST', url: `/api/monthly-sales/${may.projectId}/${may.month}/payments`, payload: { amount: 1_000, receivedOn: '2026-04-30' }, headers: key() });
  assert.is(payment.statusCode, 200, payment.body);
  const after = (await fin({ method: 'GET', url: '/api/accounting-periods', headers: { 'x-sss-min-position': reopened.json<{ position: string }>().position } })).json<AccountingPeriods>();
  assert.equal([after.closedMonths, after.rows[0]!.closed, after.rows[0]!.reopenReason], [[], false, '4月分の入金漏れを記録するため']);
});

test.run();
