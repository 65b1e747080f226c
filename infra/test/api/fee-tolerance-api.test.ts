import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session, appendedByPeopleSince } from '../support/sss.ts';
import { customer, issuedInvoices, type IssuedInvoice } from '../support/finance.ts';
import { transferNotice } from '../../../write-side/test/finance/zengin-fixture.ts';
import type { Suggestions } from '@sss/contracts/finance/views';

/**
 * The per-customer 振込手数料 tolerance (docs/finance.md §Fee tolerance): a deposit ¥1,100 short of an invoice is
 * a partial payment under the default ¥990, a fee match once finance sets ¥1,100, and a partial payment again at
 * ¥0. Bad values are a 400 naming `tolerance`; 営業 is refused; neither appends anything.
 */
const test = suite<{ sss: RunningSss; finance: Session; customerId: string; invoice: IssuedInvoice; depositId: string; importedAt: string }>('fee tolerance API');

let seq = 0;
const key = () => ({ 'idempotency-key': `ft-${seq++}` });

test.before(async (context) => {
  context.sss = await startTestSss();
  context.finance = await login(context.sss, DEMO.finance);
  context.customerId = await customer(context.sss, '手数料商事', 'テスウリヨウショウジ');
  [context.invoice] = (await issuedInvoices(context.sss, context.customerId, [100_000])) as [IssuedInvoice];
  const imported = await as(context.sss, context.finance)({ method: 'POST', url: '/api/bank-files', headers: key(), payload: { fileName: 'fee.txt', format: 'zengin', content: transferNotice([{ date: '2026-06-01', amount: 108_900, payerName: 'ﾃｽｳﾘﾖｳｼﾖｳｼﾞ' }]).toString('base64') } });
  if (imported.statusCode !== 200) throw new Error(imported.body);
  const answer = imported.json<{ depositIds: string[]; position: string }>();
  context.depositId = answer.depositIds[0]!;
  // The suggestions read the deposit and the invoices from the read models: ask for them once they hold the import.
  context.importedAt = answer.position;
});
test.after(async ({ sss }) => sss.stop());

test('a changed tolerance changes the suggestion', async ({ sss, finance, customerId, invoice, depositId, importedAt }) => {
  const call = as(sss, finance);
  const best = async (position?: string) => {
    const answer = (await call({ method: 'GET', url: `/api/deposits/${depositId}/suggestions`, ...(position ? { headers: { 'x-sss-min-position': position } } : {}) })).json<Suggestions>();
    const mine = answer.suggestions.filter((s) => s.customerId === customerId);
    assert.ok(mine.length > 0, JSON.stringify(answer));
    return mine[0]!;
  };
  assert.is(invoice.gross, 110_000);
  const byDefault = await best(importedAt);
  assert.is(byDefault.feeTolerance, 990);
  assert.equal(byDefault.allocations.map((a) => [a.amount, a.difference]), [[108_900, 0]], 'beyond ¥990: a partial payment');

  const set = await call({ method: 'PUT', url: `/api/companies/${customerId}/fee-tolerance`, payload: { tolerance: 1_100 }, headers: key() });
  assert.is(set.statusCode, 200, set.body);
  const widened = await best(set.json<{ position: string }>().position);
  assert.is(widened.feeTolerance, 1_100);
  assert.equal(widened.allocations.map((a) => [a.invoiceNumber, a.amount, a.difference]), [[invoice.invoiceNumber, 108_900, 1_100]]);
  assert.ok(widened.reasons.some((r) => r.includes('振込手数料として妥当（11円単位・許容 1,100円 以内）')), widened.reasons.join(' / '));

  const zero = await call({ method: 'PUT', url: `/api/companies/${customerId}/fee-tolerance`, payload: { tolerance: 0 }, headers: key() });
  assert.is(zero.statusCode, 200, zero.body);
  const narrowed = await best(zero.json<{ position: string }>().position);
  assert.equal([narrowed.feeTolerance, narrowed.allocations.map((a) => a.difference)], [0, [0]]);

  const recorded = (await sss.events.readStream(`customerfinance-${customerId}`)).map((e) => [e.type, e.data]);
  assert.equal(recorded, [['FeeToleranceSet', { customerId, tolerance: 1_100 }], ['FeeToleranceSet', { customerId, tolerance: 0 }]]);
});

test('bad tolerances are a 400 naming the field, an unknown customer 404, 営業 403; nothing appended', async ({ sss, finance, customerId }) => {
  const sales = await login(sss, DEMO.sales);
  const head = await sss.events.headPosition();
  const call = as(sss, finance);
  for (const payload of [{ tolerance: -1 }, { tolerance: 10_001 }, { tolerance: 1.5 }, { tolerance: '990' }, {}, { tolerance: 990, note: 'x' }]) {
    const refused = await call({ method: 'PUT', url: `/api/companies/${customerId}/fee-tolerance`, payload, headers: key() });
    assert.is(refused.statusCode, 400, `${JSON.stringify(payload)}: ${refused.body}`);
    const field = refused.json<{ errors: { field: string }[] }>().errors[0]!.field;
    assert.ok(['tolerance', 'note'].includes(field), field);
  }
  assert.is((await call({ method: 'PUT', url: '/api/companies/no-such-company/fee-tolerance', payload: { tolerance: 500 }, headers: key() })).statusCode, 404);
  assert.is((await as(sss, sales)({ method: 'PUT', url: `/api/companies/${customerId}/fee-tolerance`, payload: { tolerance: 500 }, headers: key() })).statusCode, 403);
  assert.equal(await appendedByPeopleSince(sss, head), []);
});

test.run();
