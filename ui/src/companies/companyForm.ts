import { formatNumber } from '@sss/contracts/domain/money';
import type { FieldError } from '@sss/contracts/http/problem';
import { CompanyFields, type CompanyView } from '@sss/contracts/company/schemas';
import { validate } from '../lib/validate.ts';
import { parseYenInput } from '../lib/yenInput.ts';

/**
 * The company form as a person types it: every input is a string (or a checkbox), keyed by the
 * same dotted path the API uses in `errors[].field`. Turning it into the command body is the one
 * place that decides what an empty input means (null date, no capital, …).
 */
export const TEXT_PATHS = [
  'code',
  'name',
  'kana',
  'formalName',
  'shortName',
  'ndaSignedOn',
  'masterAgreementSignedOn',
  'url',
  'sansanUrl',
  'invoiceRegistrationNumber',
  'notes',
  'registeredOn',
  'partner.salesRepName',
  'partner.salesRepKana',
  'partner.salesRepEmail',
  'partner.phone',
  'partner.capital',
  'partner.specialties',
  'billing.postalCode',
  'billing.address',
  'billing.phone',
  'billing.closingDay',
  'billing.paymentMonths',
  'billing.paymentDay',
  'billing.recipientDepartment',
  'billing.recipientPerson',
] as const;
export type TextPath = (typeof TEXT_PATHS)[number];
export type FlagPath = 'isCustomer' | 'isPartner';
export type FormPath = TextPath | FlagPath;

export type CompanyFormValues = Record<TextPath, string> & Record<FlagPath, boolean>;

export const FORM_PATHS: readonly FormPath[] = [...TEXT_PATHS, 'isCustomer', 'isPartner'];

export function emptyForm(registeredOn: string): CompanyFormValues {
  const values = Object.fromEntries(TEXT_PATHS.map((p) => [p, ''])) as Record<TextPath, string>;
  return { ...values, registeredOn, isCustomer: true, isPartner: false };
}

export function formFromView(view: CompanyView): CompanyFormValues {
  const p = view.partner;
  const b = view.billing;
  return {
    code: view.code,
    name: view.name,
    kana: view.kana,
    formalName: view.formalName,
    shortName: view.shortName,
    ndaSignedOn: view.ndaSignedOn ?? '',
    masterAgreementSignedOn: view.masterAgreementSignedOn ?? '',
    url: view.url,
    sansanUrl: view.sansanUrl,
    invoiceRegistrationNumber: view.invoiceRegistrationNumber ?? '',
    notes: view.notes,
    registeredOn: view.registeredOn,
    'partner.salesRepName': p.salesRepName ?? '',
    'partner.salesRepKana': p.salesRepKana ?? '',
    'partner.salesRepEmail': p.salesRepEmail ?? '',
    'partner.phone': p.phone ?? '',
    // shown the way people write yen; parseYenInput reads the commas back
    'partner.capital': p.capital === null || p.capital === undefined ? '' : formatNumber(p.capital),
    'partner.specialties': p.specialties ?? '',
    // 未設定 (null) is an empty input: the form never shows a value nobody entered (docs/billing.md)
    'billing.postalCode': b.postalCode ?? '',
    'billing.address': b.address ?? '',
    'billing.phone': b.phone ?? '',
    'billing.closingDay': b.closingDay === null ? '' : String(b.closingDay),
    'billing.paymentMonths': b.paymentMonths === null ? '' : String(b.paymentMonths),
    'billing.paymentDay': b.paymentDay === null ? '' : String(b.paymentDay),
    'billing.recipientDepartment': b.recipientDepartment ?? '',
    'billing.recipientPerson': b.recipientPerson ?? '',
    isCustomer: view.isCustomer,
    isPartner: view.isPartner,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
/** A 締日/支払日 choice: '' = 未設定, `end` = 末日, else the day; anything else goes on as typed for the schema to refuse. */
const dayOrNull = (text: string) => (text === '' ? null : text === 'end' ? 'end' : /^\d+$/.test(text) ? Number(text) : text);

/** The request body, unvalidated: the schema decides whether it is acceptable. */
export function bodyFromForm(v: CompanyFormValues): unknown {
  const body: Record<string, unknown> = {
    code: v.code.trim(),
    name: v.name.trim(),
    kana: v.kana.trim(),
    formalName: v.formalName.trim(),
    shortName: v.shortName.trim(),
    isCustomer: v.isCustomer,
    isPartner: v.isPartner,
    ndaSignedOn: orNull(v.ndaSignedOn),
    masterAgreementSignedOn: orNull(v.masterAgreementSignedOn),
    url: v.url.trim(),
    sansanUrl: v.sansanUrl.trim(),
    invoiceRegistrationNumber: orNull(v.invoiceRegistrationNumber),
    notes: v.notes,
  };
  if (v.registeredOn.trim()) body.registeredOn = v.registeredOn.trim();
  body.billing = {
    postalCode: v['billing.postalCode'].trim(),
    address: v['billing.address'].trim(),
    phone: v['billing.phone'].trim(),
    closingDay: dayOrNull(v['billing.closingDay']),
    paymentMonths: dayOrNull(v['billing.paymentMonths']),
    paymentDay: dayOrNull(v['billing.paymentDay']),
    recipientDepartment: v['billing.recipientDepartment'].trim(),
    recipientPerson: v['billing.recipientPerson'].trim(),
  };
  // partner details only mean something for a partner company
  if (v.isPartner) {
    body.partner = {
      salesRepName: v['partner.salesRepName'].trim(),
      salesRepKana: v['partner.salesRepKana'].trim(),
      salesRepEmail: v['partner.salesRepEmail'].trim(),
      phone: v['partner.phone'].trim(),
      capital: parseYenInput(v['partner.capital']),
      specialties: v['partner.specialties'],
    };
  }
  return body;
}

/** Schema errors plus the one rule a schema cannot say: a company is a customer, a partner, or both. */
export function validateForm(values: CompanyFormValues, flagsMessage: string): FieldError[] {
  const errors = validate(CompanyFields, bodyFromForm(values));
  if (!values.isCustomer && !values.isPartner) errors.push({ field: 'isCustomer', message: flagsMessage });
  return errors;
}

export function changedPaths(before: CompanyFormValues, after: CompanyFormValues): FormPath[] {
  return FORM_PATHS.filter((path) => before[path] !== after[path]);
}

/** After a conflict: the latest saved data with only the fields this person changed laid on top. */
export function reapply(latest: CompanyFormValues, base: CompanyFormValues, draft: CompanyFormValues): CompanyFormValues {
  const merged = { ...latest };
  for (const path of changedPaths(base, draft)) (merged as Record<FormPath, string | boolean>)[path] = draft[path];
  return merged;
}
