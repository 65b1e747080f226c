import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { UNSET_BILLING } from '@sss/contracts/company/billing';
import { streams } from '@sss/contracts/streams/names';
import type { RunningSss } from '../../src/main/sss.ts';
import { appendedByPeopleSince, as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';
import { issueCustomerInvoice } from '../support/invoices.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * The billing master data of a company (docs/billing.md) through the whole stack: refused at the
 * edge with Japanese messages naming the field, recorded when valid, and a company recorded before
 * the fields existed (schema version 1) served with every billing field 未設定 by the very store the
 * composition root opens (docs/schema-evolution.md).
 */
const test = suite<{ sss: RunningSss; sales: Session }>('company billing API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
});
test.after(async ({ sss }) => sss.stop());

const BILLING = { postalCode: '100-0001', address: '東京都千代田区千代田1-1', phone: '03-1234-5678', closingDay: 'end', paymentMonths: 1, paymentDay: 'end', recipientDepartment: '経理部', recipientPerson: '山田 太郎' };
const problem = (body: string) => JSON.parse(body) as { code: string; errors?: { field: string; message: string }[] };

test('bad billing input is a 400 naming the field in Japanese, and appends nothing', async ({ sss, sales }) => {
  const head = await sss.events.headPosition();
  const cases: Array<[Record<string, unknown>, string, RegExp]> = [
    [{ postalCode: '1000001' }, 'billing.postalCode', /郵便番号の形式が正しくありません（123-4567）/],
    [{ phone: '+81 3 1234' }, 'billing.phone', /電話番号/],
    [{ closingDay: 31 }, 'billing.closingDay', /締日は28以下/],
    [{ closingDay: 0 }, 'billing.closingDay', /締日は1以上/],
    [{ paymentMonths: 3 }, 'billing.paymentMonths', /支払サイト/],
    [{ paymentMonths: 1, paymentDay: null }, 'billing.paymentDay', /支払日を入力/],
    [{ address: 'x'.repeat(201) }, 'billing.address', /住所は200文字以内/],
    [{ bank: '三井' }, 'billing.bank', /受け付けていません/],
  ];
  for (const [change, field, message] of cases) {
    const response = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany(`BB${cases.findIndex(([c]) => c === change)}`, { billing: { ...BILLING, ...change } }) });
    assert.is(response.statusCode, 400, `${field}: ${response.body}`);
    const error = problem(response.body).errors?.find((e) => e.field === field);
    assert.ok(error, `expected an error on ${field}: ${response.body}`);
    assert.match(error!.message, message);
  }
  assert.equal(await appendedByPeopleSince(sss, head), []);
});

test('valid billing is recorded and served; blanks are 未設定 (null), not empty text', async ({ sss, sales }) => {
  const created = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('BILL1', { billing: { ...BILLING, recipientPerson: '  ' } }) });
  assert.is(created.statusCode, 201, created.body);
  const { id, position } = created.json<{ id: string; position: string }>();
  const detail = await as(sss, sales)({ method: 'GET', url: `/api/companies/${id}`, headers: { 'x-sss-min-position': position } });
  assert.equal(detail.json<{ billing: unknown }>().billing, { ...BILLING, recipientPerson: null });
});

test('a company recorded at schema version 1 reads as 未設定 in the view and the history, and can be edited', async ({ sss, sales }) => {
  const old = { companyId: 'legacy1', code: 'LEGACY1', name: '旧商事', kana: 'キュウショウジ', formalName: '旧商事株式会社', shortName: 'Kyu', isCustomer: true, isPartner: false, ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, notes: '', registeredOn: '2024-04-01' };
  const appended = await sss.events.append(streams.company('legacy1'), [{ type: 'CompanyRegistered', data: old, metadata: { actor: 'migration-test', correlationId: 'legacy', schemaVersion: 1 } }], 'no_stream');
  const detail = await as(sss, sales)({ method: 'GET', url: '/api/companies/legacy1', headers: { 'x-sss-min-position': appended.position.toString() } });
  assert.is(detail.statusCode, 200, detail.body);
  assert.equal(detail.json<{ billing: unknown }>().billing, UNSET_BILLING);
  const history = await as(sss, sales)({ method: 'GET', url: '/api/companies/legacy1/history' });
  const h = history.json<{ chainValid: boolean; events: { data: { billing: unknown } }[] }>();
  assert.ok(h.chainValid, 'the stored bytes still verify');
  assert.equal(h.events[0]!.data.billing, UNSET_BILLING);
  const { companyId: _id, ...fields } = old;
  const edit = await as(sss, sales)({ method: 'PUT', url: '/api/companies/legacy1', headers: { 'if-match': '"0"' }, payload: { ...fields, ndaSignedOn: null, masterAgreementSignedOn: null, partner: undefined, billing: BILLING } });
  assert.is(edit.statusCode, 200, edit.body);
  const [, edited] = await sss.events.readStream(streams.company('legacy1'));
  assert.is(edited!.metadata.schemaVersion, 2);
  assert.equal((edited!.data as { changed: string[] }).changed, ['billing']);
});

test('the 請求書 prints the customer 〒・住所 and 送付先 as they were at issue; a later move does not rewrite it', async ({ sss, sales }) => {
  const created = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('BILLPDF', { billing: BILLING }) });
  assert.is(created.statusCode, 201, created.body);
  const customerId = created.json<{ id: string }>().id;
  const issued = await issueCustomerInvoice(sss, { month: '2026-04', recipientName: '請求先検証株式会社', customerId });
  const moved = { ...BILLING, postalCode: '530-0001', address: '大阪府大阪市北区梅田1-1-1', recipientPerson: '佐々木 次郎' };
  const edit = await as(sss, sales)({ method: 'PUT', url: `/api/companies/${customerId}`, headers: { 'if-match': '"0"' }, payload: newCompany('BILLPDF', { billing: moved }) });
  assert.is(edit.statusCode, 200, edit.body);

  const finance = await login(sss, DEMO.finance);
  const read = { 'x-sss-min-position': edit.json<{ position: string }>().position };
  const view = await as(sss, finance)({ method: 'GET', url: `/api/invoices/${issued.invoiceNumber}`, headers: read });
  assert.equal(view.json<{ recipientAddress: unknown }>().recipientAddress, { postalCode: '100-0001', address: '東京都千代田区千代田1-1', department: '経理部', person: '山田 太郎' });
  const pdf = await as(sss, finance)({ method: 'GET', url: `/api/invoices/${issued.invoiceNumber}/pdf`, headers: read });
  assert.is(pdf.statusCode, 200);
  const text = await pdfText(pdf.rawPayload);
  for (const expected of ['〒100-0001', '東京都千代田区千代田1-1', '経理部', '山田 太郎 様']) assert.ok(text.includes(expected), `${expected} on the reprint: ${text.slice(0, 400)}`);
  for (const later of ['530-0001', '大阪府', '佐々木']) assert.not.ok(text.includes(later), `today's master data (${later}) is not what was sent`);
});

test.run();
