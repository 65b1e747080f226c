import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CompanyFields, ChangeCreditLimit } from '@sss/contracts/company/schemas';
import { byField, validate } from '../src/lib/validate.ts';

const valid = { code: 'C100', name: '山田商事', kana: 'ヤマダショウジ', formalName: '山田商事株式会社', shortName: 'Yamada', isCustomer: true, isPartner: false };

test('a valid company body has no errors', () => {
  assert.equal(validate(CompanyFields, valid), []);
});

test('each failing field gets the same Japanese message the server would give, named by its title', () => {
  const errors = byField(validate(CompanyFields, { ...valid, code: 'a b', name: '', kana: 'ひらがな', url: 'ftp://x' }));
  assert.is(errors.code, '会社コードの形式が正しくありません（半角英数字・-・_）。');
  assert.is(errors.name, '名称を入力してください。');
  assert.is(errors.kana, '読み（カナ）の形式が正しくありません（全角カタカナ）。');
  assert.is(errors.url, 'URLの形式が正しくありません（https://…）。');
});

test('missing properties are reported one field each, with their own labels', () => {
  const errors = byField(validate(CompanyFields, { code: 'C1' }));
  assert.is(errors.name, '名称は必須です。');
  assert.is(errors.shortName, '略称（英字）は必須です。');
  assert.is(errors.isPartner, '協力会社は必須です。');
});

test('nested fields use dotted paths, as the API does', () => {
  const errors = byField(validate(CompanyFields, { ...valid, isPartner: true, partner: { phone: 'abc', capital: -1 } }));
  assert.is(errors['partner.phone'], '電話番号の形式が正しくありません（03-1234-5678）。');
  assert.is(errors['partner.capital'], '資本金は0以上で入力してください。');
});

test('a non-number where yen is expected says so', () => {
  const errors = byField(validate(ChangeCreditLimit, { creditLimit: 'abc', reviewedOn: '2025-04-01' }));
  assert.is(errors.creditLimit, '与信限度額は数値で入力してください。');
});

test.run();
