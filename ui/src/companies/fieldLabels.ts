import { CompanyFields, CompanyPartnerPart } from '@sss/contracts/company/schemas';
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
};

export function fieldLabel(path: string, language: Language): string {
  if (language === 'en' && EN[path]) return EN[path];
  const [head, tail] = path.split('.');
  const schema = tail && head === 'partner' ? CompanyPartnerPart.properties[tail as keyof typeof CompanyPartnerPart.properties] : CompanyFields.properties[head as keyof typeof CompanyFields.properties];
  return titleOf(schema) ?? path;
}

/** The schema's own format hint (e.g. 全角カタカナ), shown under the input. */
export function fieldHint(path: string): string | undefined {
  const [head, tail] = path.split('.');
  const schema = tail && head === 'partner' ? CompanyPartnerPart.properties[tail as keyof typeof CompanyPartnerPart.properties] : CompanyFields.properties[head as keyof typeof CompanyFields.properties];
  const described = schema as { description?: string; anyOf?: { description?: string }[] } | undefined;
  return described?.description ?? described?.anyOf?.[0]?.description;
}

export function maxLengthOf(path: string): number | undefined {
  const [head, tail] = path.split('.');
  const schema = tail && head === 'partner' ? CompanyPartnerPart.properties[tail as keyof typeof CompanyPartnerPart.properties] : CompanyFields.properties[head as keyof typeof CompanyFields.properties];
  return (schema as { maxLength?: number } | undefined)?.maxLength;
}
