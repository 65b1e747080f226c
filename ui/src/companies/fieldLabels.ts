import { CompanyFields, CompanyPartnerPart } from '@sss/contracts/company/schemas';
import { CompanyBillingFields } from '@sss/contracts/company/billing';
import type { Language } from '../i18n/dictionary.ts';

/** Japanese labels are the schema titles (one source for form, API errors and OpenAPI). */
const titleOf = (schema: unknown): string | undefined => (schema as { title?: string } | undefined)?.title;

const EN: Record<string, string> = {
  code: 'Company code',
  name: 'Name',
  kana: 'Reading (kana)',
  formalName: 'Formal name',
  shortName: 'Short name (latin)',
  isCustomer: 'Customer',
  isPartner: 'Partner company',
  ndaSignedOn: 'NDA signed on',
  masterAgreementSignedOn: 'Master agreement signed on',
  url: 'URL',
  sansanUrl: 'Sansan URL',
  invoiceRegistrationNumber: 'Qualified invoice registration no.',
  notes: 'Notes',
  registeredOn: 'Registered on',
  'partner.salesRepName': 'Sales contact',
  'partner.salesRepKana': 'Sales contact (kana)',
  'partner.salesRepEmail': 'Sales contact email',
  'partner.phone': 'Phone',
  'partner.capital': 'Capital',
  'partner.specialties': 'Specialties',
  'billing.postalCode': 'Postal code',
  'billing.address': 'Address',
  'billing.phone': 'Phone (billing)',
  'billing.closingDay': 'Closing day',
  'billing.paymentMonths': 'Payment month',
  'billing.paymentDay': 'Payment day',
  'billing.recipientDepartment': 'Invoice to (department)',
  'billing.recipientPerson': 'Invoice to (person)',
};

/** The schema of a form path: top-level, or inside the partner or billing part. */
function schemaOf(path: string): unknown {
  const [head, tail] = path.split('.');
  if (tail && head === 'partner') return CompanyPartnerPart.properties[tail as keyof typeof CompanyPartnerPart.properties];
  if (tail && head === 'billing') return CompanyBillingFields.properties[tail as keyof typeof CompanyBillingFields.properties];
  return CompanyFields.properties[head as keyof typeof CompanyFields.properties];
}

export function fieldLabel(path: string, language: Language): string {
  if (language === 'en' && EN[path]) return EN[path];
  const schema = schemaOf(path);
  return titleOf(schema) ?? path;
}

/** The schema's own format hint (e.g. 全角カタカナ), shown under the input. */
export function fieldHint(path: string): string | undefined {
  const schema = schemaOf(path);
  const described = schema as { description?: string; anyOf?: { description?: string }[] } | undefined;
  return described?.description ?? described?.anyOf?.[0]?.description;
}

export function maxLengthOf(path: string): number | undefined {
  const schema = schemaOf(path);
  return (schema as { maxLength?: number } | undefined)?.maxLength;
}
