/**
 * Domain events of the partner context. `partner-<id>`: the Partner aggregate. `companycopy-<id>`:
 * the partner context's own copy of a company, fed only by topic `sss.company.v1`; each event is the
 * whole copy after applying one message, with the source revision that makes re-delivery harmless.
 */
export type PartnerEvent =
  | { type: 'PartnerRegistered'; data: { partnerId: string; name: string; kana: string; registeredOn: string; companyIds: string[] } }
  | { type: 'PartnerEdited'; data: { partnerId: string; name: string; kana: string; registeredOn: string; changed: string[] } }
  | { type: 'PartnerAffiliationsSet'; data: { partnerId: string; companyIds: string[]; added: string[]; removed: string[] } }
  | { type: 'PartnerRetired'; data: { partnerId: string; retiredOn: string; reason: string; companyIds: string[] } };


export interface CompanyCopy {
  readonly companyId: string;
  readonly code: string;
  readonly name: string;
  readonly formalName: string;
  /** 読み, so a 所属会社 is found by its kana; copies recorded before it was carried have none. */
  readonly kana?: string;
  readonly isPartner: boolean;
  readonly abolishedOn: string | null;
}

export const COMPANY_COPY_UPDATED = 'CompanyCopyUpdated';
export interface CompanyCopyUpdated {
  readonly type: typeof COMPANY_COPY_UPDATED;
  readonly data: CompanyCopy & { readonly sourceRevision: string; readonly messageId: string; readonly sourceType: string };
}
