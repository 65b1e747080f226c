import { test } from 'uvu';
import type { CompanyCopy, PartnerEvent } from '@sss/contracts/partner/events';
import { partnerDecider } from '../../src/partner/decider.ts';
import { spec } from '../../src/kernel/spec.ts';

const partner = spec(partnerDecider);
const today = '2025-06-01';
const copy = (companyId: string, over: Partial<CompanyCopy> = {}): CompanyCopy => ({ companyId, code: companyId.toUpperCase(), name: `会社${companyId}`, formalName: `株式会社${companyId}`, isPartner: true, abolishedOn: null, ...over });
const companies = new Map([
  ['p1', copy('p1')],
  ['p2', copy('p2')],
  ['cust', copy('cust', { isPartner: false })],
  ['gone', copy('gone', { abolishedOn: '2025-05-01' })],
]);
const registered: PartnerEvent = { type: 'PartnerRegistered', data: { partnerId: 'x', name: '山田 太郎', kana: 'ヤマダ タロウ', registeredOn: '2025-04-01', companyIds: ['p1'] } };
const register = (over: Record<string, unknown> = {}) => ({ type: 'RegisterPartner' as const, partnerId: 'x', fields: { name: '山田　太郎 ', kana: 'ヤマダ　タロウ', registeredOn: '2025-04-01' }, companyIds: ['p1'], companies, today, ...over });

test('registers a partner with normalized names and its affiliations', () => {
  partner.given([]).when(register()).then([registered]);
});

test('registration defaults the registered date to today', () => {
  partner.given([]).when(register({ fields: { name: '山田 太郎', kana: 'ヤマダ タロウ' } })).then([{ type: 'PartnerRegistered', data: { ...registered.data, registeredOn: today } } as PartnerEvent]);
});

test('a partner cannot be affiliated to a customer-only company (rule, on the field)', () => {
  partner.given([]).when(register({ companyIds: ['p1', 'cust'] })).thenFails('rule_violated', 'companyIds.1');
});

test('an unknown company is bad input on the field', () => {
  partner.given([]).when(register({ companyIds: ['nobody'] })).thenFails('validation_failed', 'companyIds.0');
});

test('an abolished company cannot be added, but an existing affiliation to it is kept', () => {
  partner.given([]).when(register({ companyIds: ['gone'] })).thenFails('rule_violated', 'companyIds.0');
  const withGone: PartnerEvent = { type: 'PartnerRegistered', data: { ...registered.data, companyIds: ['gone'] } };
  partner.given([withGone]).when({ type: 'SetPartnerAffiliations', companyIds: ['gone', 'p2'], companies }).then([
    { type: 'PartnerAffiliationsSet', data: { partnerId: 'x', companyIds: ['gone', 'p2'], added: ['p2'], removed: [] } },
  ]);
});

test('setting affiliations records what was added and removed; the same list is nothing', () => {
  partner.given([registered]).when({ type: 'SetPartnerAffiliations', companyIds: ['p2'], companies }).then([
    { type: 'PartnerAffiliationsSet', data: { partnerId: 'x', companyIds: ['p2'], added: ['p2'], removed: ['p1'] } },
  ]);
  partner.given([registered]).when({ type: 'SetPartnerAffiliations', companyIds: ['p1'], companies }).thenNothing();
});

test('editing records what changed; blank names and impossible dates name their field', () => {
  partner.given([registered]).when({ type: 'EditPartner', fields: { name: '山田 太一', kana: 'ヤマダ タロウ', registeredOn: '2025-04-01' }, today }).then([
    { type: 'PartnerEdited', data: { partnerId: 'x', name: '山田 太一', kana: 'ヤマダ タロウ', registeredOn: '2025-04-01', changed: ['name'] } },
  ]);
  partner.given([registered]).when({ type: 'EditPartner', fields: { name: '  ', kana: 'ヤマダ', registeredOn: '2025-04-01' }, today }).thenFails('validation_failed', 'name');
  partner.given([registered]).when({ type: 'EditPartner', fields: { name: '山田', kana: 'ヤマダ', registeredOn: '2025-02-30' }, today }).thenFails('validation_failed', 'registeredOn');
  partner.given([registered]).when({ type: 'EditPartner', fields: { name: '山田 太郎', kana: 'ヤマダ タロウ', registeredOn: '2025-04-01' }, today }).thenNothing();
});

test('retiring carries the affiliations it ends; not before registration; only once; nothing after', () => {
  const retired: PartnerEvent = { type: 'PartnerRetired', data: { partnerId: 'x', retiredOn: '2025-05-31', reason: '契約終了', companyIds: ['p1'] } };
  partner.given([registered]).when({ type: 'RetirePartner', retire: { retiredOn: '2025-05-31', reason: '契約終了' } }).then([retired]);
  partner.given([registered]).when({ type: 'RetirePartner', retire: { retiredOn: '2025-03-31' } }).thenFails('validation_failed', 'retiredOn');
  partner.given([registered, retired]).when({ type: 'RetirePartner', retire: { retiredOn: '2025-06-30' } }).thenFails('illegal_transition');
  partner.given([registered, retired]).when({ type: 'SetPartnerAffiliations', companyIds: ['p2'], companies }).thenFails('illegal_transition');
  partner.given([registered, retired]).when({ type: 'EditPartner', fields: { name: 'a', kana: 'ア' }, today }).thenFails('illegal_transition');
});

test.run();
