import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import type { CompanyCopy, PartnerEvent } from '@sss/contracts/partner/events';
import type { PartnerFields, RetirePartner } from '@sss/contracts/partner/schemas';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import type { Decider } from '../kernel/decider.ts';
import { same } from '../kernel/same.ts';
import { affiliationErrors } from './affiliation-rules.ts';

/** パートナー要員 (Partner): name, kana, registered / retired dates, affiliations (docs/domain.md §Companies and partners). */

export type PartnerCommand =
  | { type: 'RegisterPartner'; partnerId: string; fields: PartnerFields; companyIds: readonly string[]; companies: ReadonlyMap<string, CompanyCopy>; today: string }
  | { type: 'EditPartner'; fields: PartnerFields; today: string }
  | { type: 'SetPartnerAffiliations'; companyIds: readonly string[]; companies: ReadonlyMap<string, CompanyCopy> }
  | { type: 'RetirePartner'; retire: RetirePartner };

export interface PartnerState {
  readonly partnerId: string | null;
  readonly name: string;
  readonly kana: string;
  readonly registeredOn: string;
  readonly companyIds: readonly string[];
  readonly retiredOn: string | null;
}

const initialState: PartnerState = { partnerId: null, name: '', kana: '', registeredOn: '', companyIds: [], retiredOn: null };

type Details = { name: string; kana: string; registeredOn: string };

function normalize(fields: PartnerFields, today: string): Details {
  // A full-width space between family and given name is how people type it; store one form.
  return { name: fields.name.trim().replace(/\s+/g, ' '), kana: fields.kana.trim().replace(/[\s\u3000]+/g, ' '), registeredOn: fields.registeredOn ?? today };
}

function fieldRules(details: Details): FieldError[] {
  const errors: FieldError[] = [];
  if (details.name === '') errors.push({ field: 'name', message: '空白だけの入力はできません。' });
  if (details.kana === '') errors.push({ field: 'kana', message: '空白だけの入力はできません。' });
  if (!isCalendarDate(details.registeredOn)) errors.push({ field: 'registeredOn', message: '登録日は実在する日付で入力してください。' });
  return errors;
}

const invalid = (errors: FieldError[], code: 'validation_failed' | 'rule_violated' = 'validation_failed') => new DomainError(code, errors.map((e) => e.message).join(' '), errors);
const retired = (state: PartnerState) => new DomainError('illegal_transition', `このパートナー要員は${state.retiredOn}に廃止済みのため変更できません。`);

/** Bad input (unknown ids) is a 400; a company that exists but may not be chosen is a business rule (422). */
function affiliationProblem(errors: FieldError[], companies: ReadonlyMap<string, CompanyCopy>, companyIds: readonly string[]): DomainError {
  const unknown = companyIds.some((id) => !companies.has(id));
  return invalid(errors, unknown ? 'validation_failed' : 'rule_violated');
}

export const partnerDecider: Decider<PartnerCommand, PartnerEvent, PartnerState> = {
  initialState,

  decide(command, state) {
    switch (command.type) {
      case 'RegisterPartner': {
        if (state.partnerId) return new DomainError('already_exists', 'このパートナー要員は既に登録されています。');
        const details = normalize(command.fields, command.today);
        const errors = fieldRules(details);
        if (errors.length) return invalid(errors);
        const affiliation = affiliationErrors(command.companyIds, [], command.companies);
        if (affiliation.length) return affiliationProblem(affiliation, command.companies, command.companyIds);
        return [{ type: 'PartnerRegistered', data: { partnerId: command.partnerId, ...details, companyIds: [...command.companyIds] } }];
      }
      case 'EditPartner': {
        if (state.retiredOn) return retired(state);
        const details = normalize(command.fields, command.today);
        const errors = fieldRules(details);
        if (details.registeredOn > command.today && details.registeredOn !== state.registeredOn) errors.push({ field: 'registeredOn', message: '登録日に未来の日付は入力できません。' });
        if (errors.length) return invalid(errors);
        const changed = (['name', 'kana', 'registeredOn'] as const).filter((key) => details[key] !== state[key]);
        if (changed.length === 0) return [];
        return [{ type: 'PartnerEdited', data: { partnerId: state.partnerId!, ...details, changed } }];
      }
      case 'SetPartnerAffiliations': {
        if (state.retiredOn) return retired(state);
        const affiliation = affiliationErrors(command.companyIds, state.companyIds, command.companies);
        if (affiliation.length) return affiliationProblem(affiliation, command.companies, command.companyIds);
        const added = command.companyIds.filter((id) => !state.companyIds.includes(id));
        const removed = state.companyIds.filter((id) => !command.companyIds.includes(id));
        if (same(command.companyIds, state.companyIds)) return [];
        return [{ type: 'PartnerAffiliationsSet', data: { partnerId: state.partnerId!, companyIds: [...command.companyIds], added, removed } }];
      }
      case 'RetirePartner': {
        if (state.retiredOn) return new DomainError('illegal_transition', `このパートナー要員は${state.retiredOn}に廃止済みです。`);
        const { retiredOn, reason } = command.retire;
        if (!isCalendarDate(retiredOn)) return DomainError.field('validation_failed', 'retiredOn', '廃止日は実在する日付で入力してください。');
        if (retiredOn < state.registeredOn) return DomainError.field('validation_failed', 'retiredOn', `廃止日は登録日（${state.registeredOn}）以降にしてください。`);
        return [{ type: 'PartnerRetired', data: { partnerId: state.partnerId!, retiredOn, reason: reason ?? '', companyIds: [...state.companyIds] } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PartnerRegistered': {
        const { partnerId, name, kana, registeredOn, companyIds } = event.data;
        return { ...state, partnerId, name, kana, registeredOn, companyIds };
      }
      case 'PartnerEdited': {
        const { name, kana, registeredOn } = event.data;
        return { ...state, name, kana, registeredOn };
      }
      case 'PartnerAffiliationsSet':
        return { ...state, companyIds: event.data.companyIds };
      case 'PartnerRetired':
        return { ...state, retiredOn: event.data.retiredOn };
    }
  },
};
