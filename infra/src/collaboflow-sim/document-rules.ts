import { productTimestamp } from './clock.ts';
import { MSG, SimError } from './errors.ts';
import { checkRequired, mergeValues } from './form-values.ts';
import type { FlowStatus, SimDocument, SimRoute, SimUser, Tenant } from './model.ts';

/**
 * The state machine of a document (docs/architecture.md §Documents and their states): who may do what, when. Each successful
 * action returns the webhook notifications it causes, so the caller (the HTTP layer) decides how
 * they are delivered.
 */

export type WebhookActionType = 'request' | 'accept' | 'reject' | 'remand' | 'takeback' | 'end';
export interface Notification {
  readonly actionType: WebhookActionType;
  readonly flowStatus: FlowStatus;
}

const FINAL: readonly FlowStatus[] = ['decision', 'reject', 'takeback'];

export interface CreateBody {
  processes_id?: unknown;
  app_cd?: unknown;
  document?: unknown;
  title?: unknown;
  request_userid?: unknown;
  request_groupcode?: unknown;
  action?: unknown;
}

export interface ActBody {
  action?: unknown;
  comment?: unknown;
  phase_number?: unknown;
  title?: unknown;
  request_groupcode?: unknown;
  document?: unknown;
}

export function routeOf(tenant: Tenant, doc: SimDocument): SimRoute {
  const route = tenant.routes.get(doc.processesId);
  if (!route) throw new SimError(500, '経路が見つかりません。');
  return route;
}

function checkTitle(title: unknown): string | undefined {
  if (title === undefined) return undefined;
  if (typeof title !== 'string' || title.length > 100) throw new SimError(400, '件名は100文字以内で入力してください。');
  return title;
}

function checkGroup(tenant: Tenant, code: unknown): string | undefined {
  if (code === undefined || code === '') return undefined;
  if (typeof code !== 'string' || !tenant.groups.has(code)) throw new SimError(400, '申請部署が不正です。');
  return code;
}

function issueNumber(tenant: Tenant, route: SimRoute, now: Date): string {
  const key = `${route.numberPrefix}${now.getUTCFullYear()}`;
  const serial = (tenant.numberSerials.get(key) ?? 0) + 1;
  tenant.numberSerials.set(key, serial);
  return `${key}-${String(serial).padStart(6, '0')}`;
}

/** Callers check required parts first, so a refused request leaves the document untouched. */
function startFlow(tenant: Tenant, route: SimRoute, doc: SimDocument, now: Date): void {
  if (doc.number === '') doc.number = issueNumber(tenant, route, now);
  if (doc.requestDate === '') doc.requestDate = productTimestamp(now);
  doc.status = 'flow';
  doc.currentPhase = 1;
  doc.acceptedThisRound = [];
}

/** POST /v1/documents: a draft (`action: "draft"`) or an immediate request. */
export function createDocument(tenant: Tenant, caller: SimUser, body: CreateBody, now: Date): { doc: SimDocument; notifications: Notification[] } {
  if (body.app_cd === undefined || Number(body.app_cd) !== tenant.appCd) throw new SimError(400, MSG.badAppCd);
  const route = tenant.routes.get(Number(body.processes_id));
  if (!route) throw new SimError(400, '経路IDが不正です。');
  if (body.document === undefined) throw new SimError(400, '「document」は必須です。');
  if (body.action !== undefined && body.action !== 'draft') throw new SimError(400, 'actionの値が不正です。');
  const applicantId = body.request_userid === undefined || body.request_userid === '' ? caller.loginid : String(body.request_userid);
  const applicant = tenant.users.get(applicantId);
  if (!applicant) throw new SimError(400, '申請者が見つかりません。');
  if (route.applicants.length > 0 && !route.applicants.includes(applicant.loginid)) throw new SimError(403, 'この経路で申請する権限がありません。');
  const stamp = productTimestamp(now);
  const doc: SimDocument = {
    id: tenant.nextDocumentId,
    number: '',
    processesId: route.id,
    appCd: tenant.appCd,
    title: checkTitle(body.title) ?? route.title,
    requestUser: applicant.loginid,
    representUser: applicant.loginid === caller.loginid ? null : caller.loginid,
    requestGroupCode: checkGroup(tenant, body.request_groupcode) ?? applicant.groupCode,
    takebackComment: '',
    status: 'draft',
    requestDate: '',
    endDate: '',
    modifiedDate: stamp,
    values: mergeValues(tenant, route.form, {}, body.document),
    currentPhase: 0,
    acceptedThisRound: [],
    history: [],
  };
  const notifications: Notification[] = [];
  if (body.action !== 'draft') {
    checkRequired(route.form, doc.values);
    startFlow(tenant, route, doc, now);
    notifications.push({ actionType: 'request', flowStatus: 'flow' });
  }
  tenant.nextDocumentId += 1; // only once every check passed: a rejected POST files nothing
  tenant.documents.set(doc.id, doc);
  return { doc, notifications };
}

const isApplicant = (doc: SimDocument, user: SimUser) => user.loginid === doc.requestUser || user.loginid === doc.representUser;

/** Judges still due in the current phase (empty unless the document is in flow). */
export function pendingJudges(route: SimRoute, doc: SimDocument): string[] {
  if (doc.status !== 'flow') return [];
  const phase = route.phases[doc.currentPhase - 1];
  return phase ? phase.judges.filter((j) => !doc.acceptedThisRound.includes(j)) : [];
}

export function canRead(route: SimRoute, doc: SimDocument, user: SimUser): boolean {
  if (user.auditor || isApplicant(doc, user)) return true;
  if (doc.status === 'draft') return false;
  return doc.history.some((h) => h.loginid === user.loginid) || pendingJudges(route, doc).includes(user.loginid);
}

function requireComment(body: ActBody): string {
  if (typeof body.comment !== 'string' || body.comment.trim() === '') throw new SimError(400, MSG.commentRequired);
  return body.comment;
}

function forbidComment(body: ActBody): void {
  if (body.comment !== undefined && body.comment !== '') throw new SimError(400, MSG.commentNotAllowed);
}

function forbidHeaderChanges(body: ActBody): void {
  if (body.title !== undefined || body.request_groupcode !== undefined) {
    throw new SimError(400, '件名と申請部署は再申請・申請・下書き保存の時だけ変更できます。');
  }
}

function judge(tenant: Tenant, route: SimRoute, doc: SimDocument, caller: SimUser, body: ActBody, stamp: string, now: Date): Notification[] {
  const action = body.action as 'accept' | 'reject' | 'remand';
  if (doc.status !== 'flow') throw new SimError(400, MSG.cannotUpdate);
  if (!pendingJudges(route, doc).includes(caller.loginid)) throw new SimError(403, MSG.notYourTurn);
  forbidHeaderChanges(body);
  const comment = action === 'accept' ? (typeof body.comment === 'string' ? body.comment : '') : requireComment(body);
  const phase = route.phases[doc.currentPhase - 1]!;
  if (action === 'remand') {
    const target = body.phase_number;
    if (typeof target !== 'number' && typeof target !== 'string') throw new SimError(400, '差し戻し先のフェーズ（phase_number）は必須です。');
    const to = Number(target);
    if (!Number.isInteger(to) || to < 0 || to >= doc.currentPhase) throw new SimError(400, '差し戻し先のフェーズが不正です。');
    doc.values = mergeValues(tenant, route.form, doc.values, body.document);
    doc.history.push({ phaseNumber: phase.number, loginid: caller.loginid, status: 'remand', comment, date: stamp });
    doc.currentPhase = to;
    doc.acceptedThisRound = [];
    // Back to the applicant the document reads `remand`; to an earlier judge it is still in flow.
    if (to === 0) doc.status = 'remand';
    return [{ actionType: 'remand', flowStatus: doc.status }];
  }
  const values = mergeValues(tenant, route.form, doc.values, body.document);
  if (action === 'reject') {
    doc.values = values;
    doc.history.push({ phaseNumber: phase.number, loginid: caller.loginid, status: 'reject', comment, date: stamp });
    doc.status = 'reject';
    doc.endDate = stamp;
    return [
      { actionType: 'reject', flowStatus: 'reject' },
      { actionType: 'end', flowStatus: 'reject' },
    ];
  }
  checkRequired(route.form, values);
  doc.values = values;
  doc.history.push({ phaseNumber: phase.number, loginid: caller.loginid, status: 'accept', comment, date: stamp });
  doc.acceptedThisRound.push(caller.loginid);
  const phaseDone = phase.rule === 'any' || phase.judges.every((j) => doc.acceptedThisRound.includes(j));
  if (!phaseDone) return [{ actionType: 'accept', flowStatus: 'flow' }];
  for (const other of phase.judges.filter((j) => !doc.acceptedThisRound.includes(j))) {
    doc.history.push({ phaseNumber: phase.number, loginid: other, status: 'skip', comment: '', date: stamp });
  }
  doc.acceptedThisRound = [];
  if (doc.currentPhase < route.phases.length) {
    doc.currentPhase += 1;
    return [{ actionType: 'accept', flowStatus: 'flow' }];
  }
  doc.status = 'decision';
  doc.endDate = productTimestamp(now);
  return [
    { actionType: 'accept', flowStatus: 'decision' },
    { actionType: 'end', flowStatus: 'decision' },
  ];
}

function applicantAction(tenant: Tenant, route: SimRoute, doc: SimDocument, caller: SimUser, body: ActBody, stamp: string, now: Date): Notification[] {
  if (!isApplicant(doc, caller)) throw new SimError(403, MSG.notApplicant);
  const action = body.action as 'takeback' | 'rerequest' | 'request' | 'draft';
  if (action === 'takeback') {
    const allowed = doc.status === 'flow' || doc.status === 'remand' || (doc.status === 'decision' && route.takebackAfterDecision);
    if (!allowed) throw new SimError(400, doc.status === 'decision' ? MSG.decidedImmutable : MSG.cannotUpdate);
    const comment = requireComment(body);
    if (body.document !== undefined || body.title !== undefined) throw new SimError(400, '取消と同時に文書の内容は変更できません。');
    doc.status = 'takeback';
    doc.endDate = stamp;
    doc.takebackComment = comment;
    return [
      { actionType: 'takeback', flowStatus: 'takeback' },
      { actionType: 'end', flowStatus: 'takeback' },
    ];
  }
  const from: Record<typeof action, FlowStatus> = { rerequest: 'remand', request: 'draft', draft: doc.status === 'remand' ? 'remand' : 'draft' };
  if (doc.status !== from[action]) throw new SimError(400, doc.status === 'decision' ? MSG.decidedImmutable : MSG.cannotUpdate);
  forbidComment(body);
  const title = checkTitle(body.title) ?? doc.title;
  const groupCode = checkGroup(tenant, body.request_groupcode) ?? doc.requestGroupCode;
  const values = mergeValues(tenant, route.form, doc.values, body.document);
  if (action !== 'draft') checkRequired(route.form, values);
  doc.title = title;
  doc.requestGroupCode = groupCode;
  doc.values = values;
  if (action === 'draft') {
    doc.status = 'draft';
    return [];
  }
  startFlow(tenant, route, doc, now);
  return [{ actionType: 'request', flowStatus: 'flow' }];
}

/** PUT /v1/documents/{id}: every state transition. */
export function actOnDocument(tenant: Tenant, doc: SimDocument, caller: SimUser, body: ActBody, now: Date): Notification[] {
  const route = routeOf(tenant, doc);
  const stamp = productTimestamp(now);
  if (typeof body.action !== 'string') throw new SimError(400, '「action」は必須です。');
  if (FINAL.includes(doc.status) && !(doc.status === 'decision' && body.action === 'takeback')) {
    throw new SimError(400, doc.status === 'decision' ? MSG.decidedImmutable : MSG.cannotUpdate);
  }
  let notifications: Notification[];
  switch (body.action) {
    case 'accept':
    case 'reject':
    case 'remand':
      notifications = judge(tenant, route, doc, caller, body, stamp, now);
      break;
    case 'takeback':
    case 'rerequest':
    case 'request':
    case 'draft':
      notifications = applicantAction(tenant, route, doc, caller, body, stamp, now);
      break;
    default:
      throw new SimError(400, 'actionの値が不正です。');
  }
  doc.modifiedDate = stamp;
  return notifications;
}
