import type { OrgDraftView, OrgTree, StageOrgChange } from '@sss/contracts/organization/schemas';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { command, queryString, request } from '../lib/http.ts';

/** 組織: the tree as of a date, the shared draft, and the commands that stage and confirm changes. */

export const getOrgTree = (asOf: string, activeOnly: boolean, signal?: AbortSignal) =>
  request<OrgTree>('GET', `/api/org-units${queryString({ asOf, activeOnly })}`, { signal });

export const getOrgDraft = (signal?: AbortSignal) => request<OrgDraftView>('GET', '/api/org-draft', { signal });

export const stageOrgChange = (change: StageOrgChange, idempotencyKey = newIdempotencyKey()) => command('POST', '/api/org-draft/changes', change, { idempotencyKey });

export const withdrawOrgChange = (changeId: string) => command('POST', `/api/org-draft/changes/${encodeURIComponent(changeId)}/withdraw`, undefined, { idempotencyKey: newIdempotencyKey() });

export const discardOrgDraft = () => command('POST', '/api/org-draft/discard', undefined, { idempotencyKey: newIdempotencyKey() });

export const confirmOrgDraft = (body: { effectiveDate: string; note?: string }, revision: string) =>
  command('POST', '/api/org-draft/confirm', body, { idempotencyKey: newIdempotencyKey(), ifMatch: revision });
