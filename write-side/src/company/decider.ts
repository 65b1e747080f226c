import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import type { CompanyEvent } from '@sss/contracts/company/events';
import type { AbolishCompany, ChangeCreditLimit, CompanyFields, RecordAntiSocialCheck } from '@sss/contracts/company/schemas';
import { UNSET_BILLING, type CompanyBilling, type CompanyBillingFields } from '@sss/contracts/company/billing';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import { isValidRegistrationNumber } from '@sss/contracts/domain/registration-number';
import type { Decider } from '../kernel/decider.ts';
import { same } from '../kernel/same.ts';

/** 会社 (Company): customers and partner companies in one registry (docs/domain.md §Companies and partners). */

export type CompanyCommand =
  | { type: 'RegisterCompany'; companyId: string; fields: CompanyFields; today: string }
  | { type: 'EditCompany'; fields: CompanyFields; today: string }
  | { type: 'RecordAntiSocialCheck'; check: RecordAntiSocialCheck; checkedBy: string; today: string }
  | { type: 'ChangeCreditLimit'; change: ChangeCreditLimit; changedBy: string; today: string }
  | { type: 'AbolishCompany'; abolish: AbolishCompany };

type Details = Extract<CompanyEvent, { type: 'CompanyRegistered' }>['data'];

export interface CompanyState {
  readonly exists: boolean;
  readonly details: Details | null;
  readonly creditLimit: number | null;
  readonly abolishedOn: string | null;
}

const initialState: CompanyState = { exists: false, details: null, creditLimit: null, abolishedOn: null };

const EDITABLE: readonly (keyof Omit<Details, 'companyId'>)[] = [
  'code', 'name', 'kana', 'formalName', 'shortName', 'isCustomer', 'isPartner', 'ndaSignedOn', 'masterAgreementSignedOn',
  'url', 'sansanUrl', 'invoiceRegistrationNumber', 'partner', 'billing', 'notes', 'registeredOn',
];

/** Blank means 未設定 (null), never an empty string recorded as if it were a value (docs/billing.md). */
const blankToNull = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value.trim());

function billingOf(fields: CompanyBillingFields | undefined): CompanyBilling {
  if (!fields) return UNSET_BILLING;
  return {
    postalCode: blankToNull(fields.postalCode),
    address: blankToNull(fields.address),
    phone: blankToNull(fields.phone),
    closingDay: fields.closingDay,
    paymentMonths: fields.paymentMonths,
    paymentDay: fields.paymentDay,
    recipientDepartment: blankToNull(fields.recipientDepartment),
    recipientPerson: blankToNull(fields.recipientPerson),
  };
}

function normalize(companyId: string, fields: CompanyFields, today: string): Details {
  return {
    companyId,
    code: fields.code.trim(),
    name: fields.name.trim(),
    kana: fields.kana.trim(),
    formalName: fields.formalName.trim(),
    shortName: fields.shortName.trim(),
    isCustomer: fields.isCustomer,
    isPartner: fields.isPartner,
    ndaSignedOn: fields.ndaSignedOn ?? null,
    masterAgreementSignedOn: fields.masterAgreementSignedOn ?? null,
    url: fields.url ?? '',
    sansanUrl: fields.sansanUrl ?? '',
    invoiceRegistrationNumber: fields.invoiceRegistrationNumber || null,
    partner: fields.isPartner ? (fields.partner ?? {}) : {},
    billing: billingOf(fields.billing),
    notes: fields.notes ?? '',
    registeredOn: fields.registeredOn ?? today,
  };
}

/** Rules a schema cannot express; each names its field. */
function fieldRules(details: Details, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!details.isCustomer && !details.isPartner) errors.push({ field: 'isCustomer', message: '顧客会社・協力会社のどちらか（または両方）を選んでください。' });
  if (details.invoiceRegistrationNumber && !isValidRegistrationNumber(details.invoiceRegistrationNumber)) {
    errors.push({ field: 'invoiceRegistrationNumber', message: '登録番号のチェックデジットが一致しません。番号を確認してください。' });
  }
  const dates = { ndaSignedOn: 'NDA締結日', masterAgreementSignedOn: '基本契約締結日', registeredOn: '登録日' } as const;
  for (const [field, label] of Object.entries(dates)) {
    const value = details[field as keyof typeof dates];
    if (value && !isCalendarDate(value)) errors.push({ field, message: `${label}は実在する日付で入力してください。` });
    else if (value && field !== 'registeredOn' && value > today) errors.push({ field, message: `${label}に未来の日付は入力できません。` });
  }
  // 支払サイト is a month and a day together: one without the other cannot date a payment.
  const { paymentMonths, paymentDay } = details.billing;
  if ((paymentMonths === null) !== (paymentDay === null)) {
    errors.push(paymentMonths === null
      ? { field: 'billing.paymentMonths', message: '支払サイト（月）を選んでください（支払日と組で設定します）。' }
      : { field: 'billing.paymentDay', message: '支払日を入力してください（支払サイト（月）と組で設定します）。' });
  }
  for (const field of ['name', 'kana', 'formalName', 'shortName', 'code'] as const) {
    if (details[field] === '') errors.push({ field, message: '空白だけの入力はできません。' });
  }
  return errors;
}

const invalid = (errors: FieldError[]) => new DomainError('validation_failed', errors.map((e) => e.message).join(' '), errors);
const abolished = (state: CompanyState) => new DomainError('illegal_transition', `この会社は${state.abolishedOn}に廃止済みのため変更できません。`);

export const companyDecider: Decider<CompanyCommand, CompanyEvent, CompanyState> = {
  initialState,

  decide(command, state) {
    switch (command.type) {
      case 'RegisterCompany': {
        if (state.exists) return new DomainError('already_exists', 'この会社は既に登録されています。');
        const details = normalize(command.companyId, command.fields, command.today);
        const errors = fieldRules(details, command.today);
        if (errors.length) return invalid(errors);
        return [{ type: 'CompanyRegistered', data: details }];
      }
      case 'EditCompany': {
        if (state.abolishedOn) return abolished(state);
        const before = state.details!;
        const details = normalize(before.companyId, command.fields, command.today);
        if (details.code !== before.code) return DomainError.field('validation_failed', 'code', '会社コードは登録後に変更できません。');
        const errors = fieldRules(details, command.today);
        if (errors.length) return invalid(errors);
        const changed = EDITABLE.filter((key) => !same(details[key], before[key]));
        if (changed.length === 0) return [];
        return [{ type: 'CompanyEdited', data: { ...details, changed } }];
      }
      case 'RecordAntiSocialCheck': {
        if (state.abolishedOn) return abolished(state);
        const { checkedOn, result, note } = command.check;
        if (!isCalendarDate(checkedOn)) return DomainError.field('validation_failed', 'checkedOn', '反社チェック日は実在する日付で入力してください。');
        if (checkedOn > command.today) return DomainError.field('validation_failed', 'checkedOn', '反社チェック日に未来の日付は入力できません。');
        return [{ type: 'AntiSocialCheckRecorded', data: { companyId: state.details!.companyId, checkedOn, result, note: note ?? '', checkedBy: command.checkedBy } }];
      }
      case 'ChangeCreditLimit': {
        if (state.abolishedOn) return abolished(state);
        if (!state.details!.isCustomer) return DomainError.field('rule_violated', 'creditLimit', '与信限度額は顧客会社にだけ設定できます。');
        const { creditLimit, reviewedOn } = command.change;
        if (!isCalendarDate(reviewedOn)) return DomainError.field('validation_failed', 'reviewedOn', '与信審査日は実在する日付で入力してください。');
        if (reviewedOn > command.today) return DomainError.field('validation_failed', 'reviewedOn', '与信審査日に未来の日付は入力できません。');
        return [{ type: 'CreditLimitChanged', data: { companyId: state.details!.companyId, creditLimit, previousLimit: state.creditLimit, reviewedOn, changedBy: command.changedBy } }];
      }
      case 'AbolishCompany': {
        if (state.abolishedOn) return new DomainError('illegal_transition', `この会社は${state.abolishedOn}に廃止済みです。`);
        const { abolishedOn, reason } = command.abolish;
        if (!isCalendarDate(abolishedOn)) return DomainError.field('validation_failed', 'abolishedOn', '廃止日は実在する日付で入力してください。');
        if (abolishedOn < state.details!.registeredOn) return DomainError.field('validation_failed', 'abolishedOn', `廃止日は登録日（${state.details!.registeredOn}）以降にしてください。`);
        return [{ type: 'CompanyAbolished', data: { companyId: state.details!.companyId, abolishedOn, reason: reason ?? '' } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CompanyRegistered':
        return { ...state, exists: true, details: event.data };
      case 'CompanyEdited': {
        const { changed: _changed, ...details } = event.data;
        return { ...state, details };
      }
      case 'CreditLimitChanged':
        return { ...state, creditLimit: event.data.creditLimit };
      case 'CompanyAbolished':
        return { ...state, abolishedOn: event.data.abolishedOn };
      case 'AntiSocialCheckRecorded':
        return state;
    }
  },
};
