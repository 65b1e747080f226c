import type { OrgChange } from './schemas.ts';

/**
 * Domain events of the one organization stream (`organization-main`). A draft is events too, so
 * who staged what is audited; a reorganization is one event, so it applies all or nothing.
 */
export type OrganizationEvent =
  | { type: 'OrgChangeStaged'; data: { changeId: string; change: OrgChange } }
  | { type: 'OrgChangeWithdrawn'; data: { changeId: string } }
  | { type: 'OrgDraftDiscarded'; data: { changeIds: string[] } }
  | { type: 'OrgChangesConfirmed'; data: { reorganizationId: string; effectiveDate: string; note: string; changes: OrgChange[] } };

