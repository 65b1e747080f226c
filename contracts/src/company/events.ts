import type { CompanyFields } from './schemas.ts';

/** Domain events of the Company stream (`company-<id>`). Schema version 1 unless noted. */
export type CompanyEvent =
  | { type: 'CompanyRegistered'; data: { companyId: string } & Required<Omit<CompanyFields, 'partner'>> & { partner: NonNullable<CompanyFields['partner']> } }
  | { type: 'CompanyEdited'; data: { companyId: string; changed: string[] } & Required<Omit<CompanyFields, 'partner'>> & { partner: NonNullable<CompanyFields['partner']> } }
  | { type: 'AntiSocialCheckRecorded'; data: { companyId: string; checkedOn: string; result: 'clear' | 'concern'; note: string; checkedBy: string } }
  | { type: 'CreditLimitChanged'; data: { companyId: string; creditLimit: number; previousLimit: number | null; reviewedOn: string; changedBy: string } }
  | { type: 'CompanyAbolished'; data: { companyId: string; abolishedOn: string; reason: string } };

