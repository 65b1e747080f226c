import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CompanyEvent } from '@sss/contracts/company/events';
import { UNSET_BILLING } from '@sss/contracts/company/billing';
import type { CompanyFields } from '@sss/contracts/company/schemas';
import { companyDecider } from '../../src/company/decider.ts';
import { spec } from '../../src/kernel/spec.ts';

const company = spec(companyDecider);
const today = '2025-06-01';
const fields: CompanyFields = { code: 'C100', name: 'アルファ', kana: 'アルファ', formalName: '株式会社アルファ', shortName: 'Alpha', isCustomer: true, isPartner: false, registeredOn: '2025-04-01' };
const registered: CompanyEvent = {
  type: 'CompanyRegistered',
  data: { companyId: 'c1', code: 'C100', name: 'アルファ', kana: 'アルファ', formalName: '株式会社アルファ', shortName: 'Alpha', isCustomer: true, isPartner: false, ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, billing: UNSET_BILLING, notes: '', registeredOn: '2025-04-01' },
};
const abolished: CompanyEvent = { type: 'CompanyAbolished', data: { companyId: 'c1', abolishedOn: '2025-05-31', reason: '' } };

test('registers a company with normalized fields', () => {
  company.given([]).when({ type: 'RegisterCompany', companyId: 'c1', fields: { ...fields, name: ' アルファ ' }, today }).then([registered]);
});

test('a company is a customer, a partner company, or both', () => {
  company.given([]).when({ type: 'RegisterCompany', companyId: 'c1', fields: { ...fields, isCustomer: false }, today }).thenFails('validation_failed', 'isCustomer');
});

test('the registration number must carry a valid check digit', () => {
  company.given([]).when({ type: 'RegisterCompany', companyId: 'c1', fields: { ...fields, invoiceRegistrationNumber: 'T7000012050002' }, today }).thenEvents((events) => {
    assert.is((events[0]!.data as { invoiceRegistrationNumber: string }).invoiceRegistrationNumber, 'T7000012050002');
  });
  company.given([]).when({ type: 'RegisterCompany', companyId: 'c1', fields: { ...fields, invoiceRegistrationNumber: 'T7000012050003' }, today }).thenFails('validation_failed', 'invoiceRegistrationNumber');
});

test('dates must be real days, and agreements cannot be signed in the future', () => {
  company.given([]).when({ type: 'RegisterCompany', companyId: 'c1', fields: { ...fields, ndaSignedOn: '2025-02-29' }, today }).thenFails('validation_failed', 'ndaSignedOn');
  company.given([]).when({ type: 'RegisterCompany', companyId: 'c1', fields: { ...fields, masterAgreementSignedOn: '2025-07-01' }, today }).thenFails('validation_failed', 'masterAgreementSignedOn');
});

test('a company cannot be registered twice', () => {
  company.given([registered]).when({ type: 'RegisterCompany', companyId: 'c1', fields, today }).thenFails('already_exists');
});

test('an edit records the changed fields; an edit that changes nothing records nothing', () => {
  company.given([registered]).when({ type: 'EditCompany', fields: { ...fields, name: 'アルファ2', notes: 'メモ' }, today }).thenEvents((events) => {
    assert.is(events[0]!.type, 'CompanyEdited');
    assert.equal((events[0]!.data as { changed: string[] }).changed, ['name', 'notes']);
  });
  company.given([registered]).when({ type: 'EditCompany', fields, today }).thenNothing();
});

test('the company code cannot change after registration', () => {
  company.given([registered]).when({ type: 'EditCompany', fields: { ...fields, code: 'C999' }, today }).thenFails('validation_failed', 'code');
});

test('partner details are kept only for partner companies', () => {
  company.given([registered]).when({ type: 'EditCompany', fields: { ...fields, partner: { salesRepName: '山田' } }, today }).thenNothing();
});

test('partner details in another key order are no change (the stored event and the form need not agree on order)', () => {
  const partnerFields: CompanyFields = { ...fields, isPartner: true, partner: { salesRepName: '山田', phone: '03-1234-5678', capital: 10_000_000 } };
  const partnerCompany: CompanyEvent = { ...registered, data: { ...registered.data, isPartner: true, partner: { salesRepName: '山田', phone: '03-1234-5678', capital: 10_000_000 } } } as CompanyEvent;
  company.given([partnerCompany]).when({ type: 'EditCompany', fields: partnerFields, today }).thenNothing();
  company.given([partnerCompany]).when({ type: 'EditCompany', fields: { ...partnerFields, partner: { capital: 10_000_000, phone: '03-1234-5678', salesRepName: '山田' } }, today }).thenNothing();
  company.given([partnerCompany]).when({ type: 'EditCompany', fields: { ...partnerFields, partner: { capital: 20_000_000, phone: '03-1234-5678', salesRepName: '山田' } }, today }).thenEvents((events) => {
    assert.equal((events[0]!.data as { changed: string[] }).changed, ['partner']);
  });
});

test('records an anti-social check by whom, not in the future', () => {
  company.given([registered]).when({ type: 'RecordAntiSocialCheck', check: { checkedOn: '2025-05-01', result: 'clear' }, checkedBy: 'u1', today })
    .then([{ type: 'AntiSocialCheckRecorded', data: { companyId: 'c1', checkedOn: '2025-05-01', result: 'clear', note: '', checkedBy: 'u1' } }]);
  company.given([registered]).when({ type: 'RecordAntiSocialCheck', check: { checkedOn: '2025-06-02', result: 'clear' }, checkedBy: 'u1', today }).thenFails('validation_failed', 'checkedOn');
});

test('a credit limit change keeps the previous limit; only customers have one', () => {
  const first: CompanyEvent = { type: 'CreditLimitChanged', data: { companyId: 'c1', creditLimit: 1_000_000, previousLimit: null, reviewedOn: '2025-05-01', changedBy: 'u1' } };
  company.given([registered]).when({ type: 'ChangeCreditLimit', change: { creditLimit: 1_000_000, reviewedOn: '2025-05-01' }, changedBy: 'u1', today }).then([first]);
  company.given([registered, first]).when({ type: 'ChangeCreditLimit', change: { creditLimit: 3_000_000, reviewedOn: '2025-05-20' }, changedBy: 'u2', today })
    .then([{ type: 'CreditLimitChanged', data: { companyId: 'c1', creditLimit: 3_000_000, previousLimit: 1_000_000, reviewedOn: '2025-05-20', changedBy: 'u2' } }]);
  const partnerOnly: CompanyEvent = { ...registered, data: { ...registered.data, isCustomer: false, isPartner: true } } as CompanyEvent;
  company.given([partnerOnly]).when({ type: 'ChangeCreditLimit', change: { creditLimit: 1, reviewedOn: '2025-05-01' }, changedBy: 'u1', today }).thenFails('rule_violated', 'creditLimit');
});

test('abolition: not before registration, only once, and nothing changes afterwards', () => {
  company.given([registered]).when({ type: 'AbolishCompany', abolish: { abolishedOn: '2025-03-01' } }).thenFails('validation_failed', 'abolishedOn');
  company.given([registered]).when({ type: 'AbolishCompany', abolish: { abolishedOn: '2025-05-31' } }).then([abolished]);
  company.given([registered, abolished]).when({ type: 'AbolishCompany', abolish: { abolishedOn: '2025-06-30' } }).thenFails('illegal_transition');
  company.given([registered, abolished]).when({ type: 'EditCompany', fields: { ...fields, name: '新' }, today }).thenFails('illegal_transition');
  company.given([registered, abolished]).when({ type: 'ChangeCreditLimit', change: { creditLimit: 1, reviewedOn: '2025-05-01' }, changedBy: 'u1', today }).thenFails('illegal_transition');
  company.given([registered, abolished]).when({ type: 'RecordAntiSocialCheck', check: { checkedOn: '2025-05-01', result: 'clear' }, checkedBy: 'u1', today }).thenFails('illegal_transition');
});

test.run();
