/**
 * The company context's copy of partner affiliations, stream `partnercopy-<partnerId>`: which companies a partner counts for, from
 * topic `sss.partner.v1`. Carries the before and after so a projection adjusts counts by difference.
 */
export const PARTNER_AFFILIATIONS_COPIED = 'PartnerAffiliationsCopied';
export interface PartnerAffiliationsCopied {
  readonly type: typeof PARTNER_AFFILIATIONS_COPIED;
  readonly data: { readonly partnerId: string; readonly sourceRevision: string; readonly messageId: string; readonly counted: string[]; readonly previouslyCounted: string[] };
}
