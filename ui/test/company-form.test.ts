import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bodyFromForm, changedPaths, emptyForm, reapply, validateForm } from '../src/companies/companyForm.ts';
import { parseYenInput } from '../src/lib/yenInput.ts';

const filled = { ...emptyForm('2025-04-01'), code: 'C100', name: '山田商事', kana: 'ヤマダショウジ', formalName: '山田商事株式会社', shortName: 'Yamada' };

test('empty optional inputs become null or are left out, never empty dates', () => {
  const body = bodyFromForm(filled) as Record<string, unknown>;
  assert.is(body.ndaSignedOn, null);
  assert.is(body.invoiceRegistrationNumber, null);
  assert.is(body.registeredOn, '2025-04-01');
  assert.is(body.partner, undefined, 'partner details only for partner companies');
  assert.equal(validateForm(filled, 'flags'), []);
});

test('yen is typed with commas, yen signs or full-width digits', () => {
  assert.is(parseYenInput('1,000,000'), 1_000_000);
  assert.is(parseYenInput('¥５００'), 500);
  assert.is(parseYenInput(''), null);
  assert.is(parseYenInput('abc'), 'abc');
  const body = bodyFromForm({ ...filled, isPartner: true, 'partner.capital': '10,000,000' }) as { partner: { capital: unknown } };
  assert.is(body.partner.capital, 10_000_000);
});

test('a company must be a customer, a partner or both', () => {
  const errors = validateForm({ ...filled, isCustomer: false, isPartner: false }, '顧客会社・協力会社のどちらか');
  assert.equal(errors, [{ field: 'isCustomer', message: '顧客会社・協力会社のどちらか' }]);
});

test('after a conflict, only the fields this person changed are laid over the latest data', () => {
  const base = filled;
  const latest = { ...filled, name: '山田商事（新）', url: 'https://yamada.example.jp' };
  const draft = { ...filled, notes: '私の備考', url: 'https://mine.example.jp' };
  assert.equal(changedPaths(base, draft), ['url', 'notes']);
  const merged = reapply(latest, base, draft);
  assert.is(merged.name, '山田商事（新）');
  assert.is(merged.notes, '私の備考');
  assert.is(merged.url, 'https://mine.example.jp');
});

test('billing: blank inputs send 未設定, 締日 and 支払サイト as the schema takes them, and the same rules as the server refuse', () => {
  const billing = (form: typeof filled) => (bodyFromForm(form) as { billing: Record<string, unknown> }).billing;
  assert.equal(billing(filled), { postalCode: '', address: '', phone: '', closingDay: null, paymentMonths: null, paymentDay: null, recipientDepartment: '', recipientPerson: '' });
  const set = { ...filled, 'billing.postalCode': '100-0001', 'billing.closingDay': 'end', 'billing.paymentMonths': '2', 'billing.paymentDay': '10' };
  assert.equal([billing(set).closingDay, billing(set).paymentMonths, billing(set).paymentDay], ['end', 2, 10]);
  assert.equal(validateForm(set, 'flags'), []);
  const errors = validateForm({ ...set, 'billing.postalCode': '1000001', 'billing.closingDay': '31' }, 'flags');
  assert.equal(errors.map((e) => e.field).sort(), ['billing.closingDay', 'billing.postalCode']);
  assert.match(errors.find((e) => e.field === 'billing.postalCode')!.message, '郵便番号の形式が正しくありません');
});

test.run();
