import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session, appendedByPeopleSince } from '../support/sss.ts';
import { customer, issuedInvoices, type IssuedInvoice } from '../support/finance.ts';
import { transferNotice } from '../../../write-side/test/finance/zengin-fixture.ts';
import type { Suggestions, SuspenseQueue } from '@sss/contracts/finance/views';
import type { Receivables } from '@sss/contracts/sales/views';

/**
 * 入金消込 through the HTTP API (docs/finance.md): a 全銀 file imported (again: nothing new; a bad one:
 * a problem naming line, bytes and field, nothing appended), suggestions with reasons, a deposit short by
 * a fee and one covering two invoices confirmed, 売掛金 and the 仮受金 queue updated, a refund.
 */
const test = suite<{ sss: RunningSss; finance: Session; yamada: IssuedInvoice[]; suzuki: IssuedInvoice[] }>('finance API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.finance = await login(context.sss, DEMO.finance);
  context.yamada = await issuedInvoices(context.sss, await customer(context.sss, '山田商会', 'ヤマダショウカイ'), [300_000]);
  context.suzuki = await issuedInvoices(context.sss, await customer(context.sss, '鈴木工業', 'スズキコウギョウ'), [100_000, 200_000]);
});
test.after(async ({ sss }) => sss.stop());

let seq = 0;
const key = () => ({ 'idempotency-key': `fa-${seq++}` });
const minPosition = (position: string) => ({ 'x-sss-min-position': position });

test('import → suggestions → confirm (a deducted fee; two invoices at once) → 売掛金 and 仮受金', async ({ sss, finance, yamada, suzuki }) => {
  const call = as(sss, finance);
  assert.equal([yamada[0]!.gross, suzuki[0]!.gross, suzuki[1]!.gross], [330_000, 110_000, 220_000]);
  const file = transferNotice([
    { date: '2026-05-29', amount: 329_780, payerName: 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ' },
    { date: '2026-06-01', amount: 330_000, payerName: 'ｽｽﾞｷｺｳｷﾞﾖｳ(ｶ' },
    { date: '2026-06-02', amount: 5_000, payerName: 'ﾀﾅｶ ﾀﾛｳ' },
  ]);
  const body = { fileName: 'nyukin-0601.txt', format: 'zengin', content: file.toString('base64') };
  const imported = await call({ method: 'POST', url: '/api/bank-files', payload: body, headers: key() });
  assert.is(imported.statusCode, 200, imported.body);
  const result = imported.json<{ imported: number; depositIds: string[]; position: string }>();
  assert.is(result.imported, 3);
  const again = await call({ method: 'POST', url: '/api/bank-files', payload: body, headers: key() });
  assert.equal([again.json<{ imported: number }>().imported, again.json<{ alreadyImported: number }>().alreadyImported], [0, 3]);
  const [feeDeposit, twoInvoices, stranger] = result.depositIds as [string, string, string];

  const fee = (await call({ method: 'GET', url: `/api/deposits/${feeDeposit}/suggestions`, headers: minPosition(result.position) })).json<Suggestions>();
  const best = fee.suggestions[0]!;
  assert.is(fee.payerKey, 'ヤマダシヨウカイ');
  assert.equal(best.allocations.map((a) => [a.invoiceNumber, a.amount, a.difference]), [[yamada[0]!.invoiceNumber, 329_780, 220]]);
  assert.ok(best.reasons.some((r) => r.includes('読み「ヤマダシヨウカイ」と一致')), best.reasons.join(' / '));
  assert.ok(best.reasons.some((r) => r.includes('振込手数料として妥当')), best.reasons.join(' / '));
  const confirm = await call({ method: 'POST', url: `/api/deposits/${feeDeposit}/match`, payload: { customerId: best.customerId, allocations: best.allocations.map(({ projectId, month, amount, difference }) => ({ projectId, month, amount, difference })), differenceAs: 'bank_fee', reasons: best.reasons }, headers: key() });
  assert.is(confirm.statusCode, 200, confirm.body);

  // Every read below asks for the position of the write before it: the read models answer once they hold it.
  const two = (await call({ method: 'GET', url: `/api/deposits/${twoInvoices}/suggestions`, headers: minPosition(confirm.json<{ position: string }>().position) })).json<Suggestions>().suggestions[0]!;
  assert.equal(two.allocations.map((a) => a.invoiceNumber).sort(), suzuki.map((i) => i.invoiceNumber).sort());
  assert.ok(two.reasons.some((r) => r.includes('2 件の請求書')), two.reasons.join(' / '));
  const confirmTwo = await call({ method: 'POST', url: `/api/deposits/${twoInvoices}/match`, payload: { customerId: two.customerId, allocations: two.allocations.map(({ projectId, month, amount }) => ({ projectId, month, amount })) }, headers: key() });
  assert.is(confirmTwo.statusCode, 200, confirmTwo.body);
  // The same money cannot be applied twice.
  const twice = await call({ method: 'POST', url: `/api/deposits/${twoInvoices}/match`, payload: { customerId: two.customerId, allocations: [{ projectId: suzuki[0]!.projectId, month: suzuki[0]!.month, amount: 1 }] }, headers: key() });
  assert.is(twice.statusCode, 422, twice.body);

  const receivables = (await call({ method: 'GET', url: '/api/receivables', headers: minPosition(confirmTwo.json<{ position: string }>().position) })).json<Receivables>();
  for (const inv of [...yamada, ...suzuki]) assert.not.ok(receivables.rows.some((r) => r.invoiceNumber === inv.invoiceNumber), `${inv.invoiceNumber} is paid`);
  const settled = await sss.events.readStream(`monthlysales-${yamada[0]!.projectId}_${yamada[0]!.month}`);
  assert.equal(settled.filter((e) => e.type === 'InvoiceDifferenceSettled').map((e) => (e.data as { amount: number; kind: string }).amount), [220]);

  const suspense = (await call({ method: 'GET', url: '/api/suspense-receipts?asOf=2026-06-12', headers: minPosition(confirmTwo.json<{ position: string }>().position) })).json<SuspenseQueue>();
  assert.equal(suspense.rows.map((r) => [r.depositId, r.unapplied, r.ageDays]), [[stranger, 5_000, 10]]);
  const refund = await call({ method: 'POST', url: `/api/deposits/${stranger}/refund`, payload: { amount: 5_000, refundedOn: '2026-06-10', reason: '誤入金のため返金' }, headers: key() });
  assert.is(refund.statusCode, 200, refund.body);
  const after = (await call({ method: 'GET', url: '/api/suspense-receipts', headers: minPosition(refund.json<{ position: string }>().position) })).json<SuspenseQueue>();
  assert.is(after.count, 0);
});

test('a bad file: 400 naming the line, the byte range and the field; nothing appended', async ({ sss, finance }) => {
  const file = transferNotice([{ date: '2026-05-29', amount: 1_000, payerName: 'ﾃｽﾄ' }, { date: '2026-05-29', amount: 2_000, payerName: 'ﾃｽﾄ2' }]);
  file.write('12X4', 200 * 2 + 20, 'latin1');
  const head = await sss.events.headPosition();
  const refused = await as(sss, finance)({ method: 'POST', url: '/api/bank-files', payload: { fileName: 'bad.txt', format: 'zengin', content: file.toString('base64') }, headers: key() });
  assert.is(refused.statusCode, 400, refused.body);
  assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
  const problem = refused.json<{ detail: string; fileFaults: { line: number; bytes: string; field: string }[] }>();
  assert.equal(problem.fileFaults[0], { ...problem.fileFaults[0]!, line: 3, bytes: '20-29', field: '金額' });
  assert.match(problem.detail, /1 件も取り込んでいません/);
  assert.is((await appendedByPeopleSince(sss, head)).length, 0);
});

test('sales may not import bank files', async ({ sss }) => {
  const sales = await login(sss, DEMO.sales);
  const refused = await as(sss, sales)({ method: 'POST', url: '/api/bank-files', payload: { fileName: 'x.txt', format: 'zengin', content: 'AAAA' }, headers: key() });
  assert.is(refused.statusCode, 403);
});

test.run();
