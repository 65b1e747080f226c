import { readBack } from './form-values.ts';
import { pendingJudges, routeOf } from './document-rules.ts';
import type { SimDocument, SimUser, Tenant } from './model.ts';

/**
 * Response bodies in the product's field names (docs/architecture.md §Documents and their states). `origin` is the simulator's own
 * address as the caller reached it, so links open the simulator's page.
 */

export interface Links {
  document(id: number): string;
  file(id: string): string;
}

export function linksFor(origin: string, instance: string): Links {
  return {
    document: (id) => `${origin}/_sim/${encodeURIComponent(instance)}/documents/${id}`,
    file: (id) => `${origin}/${encodeURIComponent(instance)}/api/index.cfm/v1/files/${encodeURIComponent(id)}/download`,
  };
}

const userName = (tenant: Tenant, loginid: string | null) => (loginid ? (tenant.users.get(loginid)?.name ?? '') : '');
const userCd = (tenant: Tenant, loginid: string | null) => (loginid ? (tenant.users.get(loginid)?.id ?? '') : '');

export const userRef = (user: SimUser | undefined) => (user ? { id: user.id, loginid: user.loginid, name: user.name } : {});

export function documentSummary(tenant: Tenant, doc: SimDocument, links: Links) {
  const route = routeOf(tenant, doc);
  const group = tenant.groups.get(doc.requestGroupCode);
  const applicant = tenant.users.get(doc.requestUser);
  return {
    error: false,
    messages: [],
    app_cd: doc.appCd,
    processes_id: doc.processesId,
    form_id: route.form.id,
    form_version: route.form.version,
    document_id: doc.id,
    document_number: doc.number,
    title: doc.title,
    request_username: userName(tenant, doc.requestUser),
    request_usercd: userCd(tenant, doc.requestUser),
    request_groupname: group?.name ?? '',
    request_groupcd: group?.id ?? '',
    request_titles: applicant ? [{ id: 1, code: 'T1', name: applicant.titleName }] : [],
    represent_username: userName(tenant, doc.representUser),
    represent_usercd: userCd(tenant, doc.representUser),
    flow_status: doc.status,
    request_date: doc.requestDate,
    end_date: doc.endDate,
    link: links.document(doc.id),
  };
}

/** Decisions taken, then who is due now, then who comes later (`""` = scheduled). */
export function determRecords(tenant: Tenant, doc: SimDocument, currentOnly: boolean) {
  const route = routeOf(tenant, doc);
  const record = (phaseNumber: number, loginid: string, status: string, comment: string, date: string, current: boolean) => {
    const user = tenant.users.get(loginid);
    return {
      current,
      comment,
      determ_date: date,
      determ_titlename: user?.titleName ?? '',
      determ_usercd: user?.id ?? '',
      determ_username: user?.name ?? '',
      determ_status: status,
      document_id: doc.id,
      document_number: doc.number,
      phase_number: phaseNumber,
      phase_title: route.phases[phaseNumber - 1]?.title ?? '',
      represent_username: '',
      represent_usercd: '',
    };
  };
  const pending = pendingJudges(route, doc);
  const due = pending.map((j) => record(doc.currentPhase, j, 'undeterm', '', '', true));
  if (currentOnly) return due;
  const done = doc.history.map((h) => record(h.phaseNumber, h.loginid, h.status, h.comment, h.date, false));
  const laterFrom = doc.status === 'flow' ? doc.currentPhase + 1 : doc.status === 'draft' || doc.status === 'remand' ? 1 : Infinity;
  const later = route.phases.filter((p) => p.number >= laterFrom).flatMap((p) => p.judges.map((j) => record(p.number, j, '', '', '', false)));
  return [...done, ...due, ...later];
}

export function documentContents(tenant: Tenant, doc: SimDocument, links: Links) {
  const route = routeOf(tenant, doc);
  return {
    error: false,
    messages: [],
    app_cd: doc.appCd,
    processes_id: doc.processesId,
    form_id: route.form.id,
    form_version: route.form.version,
    document_id: doc.id,
    document_number: doc.number,
    title: doc.title,
    flow_status: doc.status,
    request_user: userRef(tenant.users.get(doc.requestUser)),
    contents: readBack(tenant, route.form, doc.values, links.file),
  };
}

export function listRecord(tenant: Tenant, doc: SimDocument, links: Links) {
  return {
    id: doc.id,
    document_id: doc.id,
    document_number: doc.number,
    title: doc.title,
    request_usercd: userCd(tenant, doc.requestUser),
    request_name: userName(tenant, doc.requestUser),
    request_date: doc.requestDate,
    flow_status: doc.status,
    link: links.document(doc.id),
  };
}

export function draftRecord(tenant: Tenant, doc: SimDocument) {
  return {
    id: doc.id,
    document_id: doc.id,
    title: doc.title,
    modified_date: doc.modifiedDate,
    create_user: userRef(tenant.users.get(doc.representUser ?? doc.requestUser)),
    represent_user: doc.representUser ? userRef(tenant.users.get(doc.requestUser)) : {},
  };
}

export function paged<T>(all: readonly T[], query: { offset?: unknown; limit?: unknown }, defaultLimit = 10) {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500) return null;
  return { offset, limit, total_count: all.length, records: all.slice(offset, offset + limit) };
}
