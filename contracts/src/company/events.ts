import type { CompanyFields } from './schemas.ts';
import type { CompanyBilling } from './billing.ts';

/** What a company form records: every field present, the partner part and the billing part resolved. */
type CompanyDetails = Required<Omit<CompanyFields, 'partner' | 'billing'>> & { partner: NonNullable<CompanyFields['partner']>; billing: CompanyBilling };

/**
 * Domain events of the Company stream (`company-<id>`). Schema version 1 unless noted.
 * `CompanyRegistered` and `CompanyEdited` are version 2 (they gained `billing`); version 1 events are
 * upcast on read (`company/upcasters.ts`, docs/schema-evolution.md).
 */
export type CompanyEvent =
  | { type: 'CompanyRegistered'; data: { companyId: string } & CompanyDetails }
  | { type: 'CompanyEdited'; data: { companyId: string; changed: string[] } & CompanyDetails }
  | { type: 'AntiSocialCheckRecorded'; data: { companyId: string; checkedOn: string; result: 'clear' | 'concern'; note: string; checkedBy: string } }
  | { type: 'CreditLimitChanged'; data: { companyId: string; creditLimit: number; previousLimit: number | null; reviewedOn: string; changedBy: string } }
  | { type: 'CompanyAbolished'; data: { companyId: string; abolishedOn: string; reason: string } };
