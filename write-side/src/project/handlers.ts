import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { todayInJapan } from '@sss/contracts/domain/dates';
import type { ProjectEvent } from '@sss/contracts/project/events';
import type { EstimateEvent } from '@sss/contracts/project/estimate-events';
import type { EditEstimateDraft } from '@sss/contracts/project/estimate-schemas';
import type { OrderEvent } from '@sss/contracts/project/order-events';
import type { ConfirmOrder, RegisterOrder } from '@sss/contracts/project/order-schemas';
import type { AddResource, CopyProject, EditProjectBasics, EditResource, RecordApprovalOutcome, RegisterProject, RequestApproval } from '@sss/contracts/project/schemas';
import { streams } from '@sss/contracts/streams/names';
import { eventOf } from '@sss/contracts/events/registry';
import type { CommandContext, CommandResult } from '../kernel/command-handler.ts';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import type { CommandMeta, ProjectCommand } from './commands.ts';
import { projectDecider, type ProjectState } from './decider.ts';
import { estimateDecider, type EstimateCommand } from './estimate-decider.ts';
import { orderDecider, type OrderCommand } from './order-decider.ts';
import { allocatedNumber, projectNumberDecider, yearInJapan } from './project-number.ts';
import { checkBasicsReferences, checkResourceReferences } from './references.ts';

/**
 * The project context's command handlers as plain functions: the HTTP routes call them, and so does
 * the 稟議 process manager (as `system:ringi`), so both go through the same checks. Each loads what
 * the pure deciders need (the clock, a new number, the source of a copy, the 月毎明細 at approval).
 */

export interface ProjectHandlerDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
}

const metaOf = (deps: ProjectHandlerDeps, context: CommandContext): CommandMeta => ({ actor: context.actor, at: deps.clock().toISOString() });

/** The project context's aggregates on a store; each needs its stream to exist except to create it. */
export const projectCommands = (events: EventStore) =>
  commandHandlerFor({ store: events, decider: projectDecider, stream: streams.project, mustExist: (command) => command.type !== 'RegisterProject' && command.type !== 'CopyProject' });
export const estimateCommands = (events: EventStore) =>
  commandHandlerFor({ store: events, decider: estimateDecider, stream: streams.estimate, mustExist: (command) => command.type !== 'DraftEstimate' });
export const orderCommands = (events: EventStore) =>
  commandHandlerFor({ store: events, decider: orderDecider, stream: streams.order, mustExist: (command) => command.type !== 'RegisterOrder' });
const projectNumbers = (events: EventStore) => commandHandlerFor({ store: events, decider: projectNumberDecider, stream: streams.projectNumber });

export async function loadProject(events: EventStore, projectId: string): Promise<ProjectState> {
  return (await projectCommands(events).load(projectId)).state;
}

/**
 * 案件番号: one allocation per project id on this year's counter stream. The counter is appended
 * with its expected revision (the kernel retries a lost race against fresh state), and a retry for
 * the same project gets the number it already holds, so nothing is spent twice and nothing reused.
 */
export async function allocateProjectNumber(deps: ProjectHandlerDeps, projectId: string, context: CommandContext): Promise<string> {
  const year = yearInJapan(deps.clock().toISOString());
  const counter = projectNumbers(deps.events);
  await counter.run(year, { type: 'AllocateProjectNumber', year, projectId }, context);
  const number = allocatedNumber((await counter.load(year)).state, projectId);
  if (!number) throw new DomainError('internal', '案件番号を採番できませんでした。');
  return number;
}

/** 案件登録: bad input and unknown references are refused before a number is spent. */
export async function registerProject(deps: ProjectHandlerDeps, projectId: string, body: RegisterProject, context: CommandContext): Promise<CommandResult<ProjectEvent>> {
  const meta = metaOf(deps, context);
  const dryRun = projectDecider.decide({ type: 'RegisterProject', projectId, projectNumber: '00000000', body, meta }, projectDecider.initialState);
  if (dryRun instanceof DomainError) throw dryRun;
  await checkBasicsReferences(deps.events, body, todayInJapan(deps.clock()));
  const projectNumber = await allocateProjectNumber(deps, projectId, context);
  return projectCommands(deps.events).run(projectId, { type: 'RegisterProject', projectId, projectNumber, body, meta }, context);
}

/** コピー: the source as it stands now; its references are checked again (the customer may be gone). */
export async function copyProject(deps: ProjectHandlerDeps, sourceId: string, projectId: string, body: CopyProject, context: CommandContext): Promise<CommandResult<ProjectEvent>> {
  const source = await loadProject(deps.events, sourceId);
  if (!source.exists || !source.basics) throw new DomainError('not_found', 'コピー元の案件が見つかりません。');
  if (body.name !== undefined && body.name.trim() === '') throw DomainError.field('validation_failed', 'name', '案件名を入力してください。');
  await checkBasicsReferences(deps.events, source.basics, todayInJapan(deps.clock()));
  const projectNumber = await allocateProjectNumber(deps, projectId, context);
  const command: ProjectCommand = { type: 'CopyProject', projectId, projectNumber, source, body, meta: metaOf(deps, context) };
  return projectCommands(deps.events).run(projectId, command, context);
}

/**
 * 基本属性の編集: references are checked only when they change, so a project whose customer was
 * abolished later can still be corrected or closed.
 */
export async function editProjectBasics(deps: ProjectHandlerDeps, projectId: string, body: EditProjectBasics, context: CommandContext, expectedRevision?: bigint): Promise<CommandResult<ProjectEvent>> {
  const current = (await loadProject(deps.events, projectId)).basics;
  if (current) {
    const customerChanged = current.customerCompanyId !== body.customerCompanyId;
    const orgChanged = current.supervisingOrgUnitId !== body.supervisingOrgUnitId;
    const leaderChanged = current.leader.employeeId !== body.leader.employeeId;
    if (customerChanged || orgChanged || leaderChanged) {
      await checkBasicsReferences(deps.events, body, todayInJapan(deps.clock()), { customer: customerChanged, orgUnit: orgChanged, leader: leaderChanged });
    }
  }
  return projectCommands(deps.events).run(projectId, { type: 'EditProjectBasics', body, meta: metaOf(deps, context) }, context, expectedRevision);
}

/** 月毎明細の行の追加・編集: the employee or partner named must exist (and the partner belong to the 協力会社). */
export async function addResource(deps: ProjectHandlerDeps, projectId: string, body: AddResource, context: CommandContext, expectedRevision?: bigint): Promise<CommandResult<ProjectEvent>> {
  await checkResourceReferences(deps.events, body, todayInJapan(deps.clock()));
  return projectCommands(deps.events).run(projectId, { type: 'AddResource', body, meta: metaOf(deps, context) }, context, expectedRevision);
}

export async function editResource(deps: ProjectHandlerDeps, projectId: string, resourceNo: number, body: EditResource, context: CommandContext, expectedRevision?: bigint): Promise<CommandResult<ProjectEvent>> {
  await checkResourceReferences(deps.events, body, todayInJapan(deps.clock()));
  return projectCommands(deps.events).run(projectId, { type: 'EditResource', resourceNo, body, meta: metaOf(deps, context) }, context, expectedRevision);
}

/** 稟議申請: allocates the ringi id the process manager files under; answers it with the result. */
export async function requestApproval(
  deps: ProjectHandlerDeps,
  projectId: string,
  body: RequestApproval,
  context: CommandContext,
  expectedRevision?: bigint,
): Promise<CommandResult<ProjectEvent> & { ringiId: string }> {
  const ringiId = uuidv7();
  const pinned = body.kind === 'estimate' ? await withEstimateVersion(deps.events, projectId, body) : body;
  const result = await projectCommands(deps.events).run(projectId, { type: 'RequestApproval', ringiId, body: pinned, meta: metaOf(deps, context) }, context, expectedRevision);
  return { ...result, ringiId };
}

/**
 * A 見積稟議 approves one version of the project's 見積: the one named, else the newest at the time of
 * the request (what the 稟議's 見積書 shows). Without a 見積 there is nothing to pin.
 */
async function withEstimateVersion(events: EventStore, projectId: string, body: RequestApproval): Promise<RequestApproval> {
  const estimate = await estimateCommands(events).load(body.estimateId ?? projectId);
  if (!estimate.exists) {
    if (body.estimateId) throw DomainError.field('validation_failed', 'estimateId', '見積が見つかりません。');
    return body;
  }
  const versions = estimate.state.versions;
  const version = body.estimateVersion ?? versions[versions.length - 1]!.version;
  if (!versions.some((v) => v.version === version)) throw DomainError.field('validation_failed', 'estimateVersion', `見積の第${version}版はありません。`);
  return { ...body, estimateId: estimate.state.estimateId, estimateVersion: version };
}

/** 稟議の結果 (承認・却下・差し戻し・取り下げ), from the process manager; a duplicate changes nothing. */
export async function recordApprovalOutcome(deps: ProjectHandlerDeps, projectId: string, body: RecordApprovalOutcome, context: CommandContext): Promise<CommandResult<ProjectEvent>> {
  const result = await projectCommands(deps.events).run(projectId, { type: 'RecordApprovalOutcome', body, meta: metaOf(deps, context) }, context);
  if (body.outcome === 'approved') await approveEstimateVersion(deps.events, projectId, body, context);
  return result;
}

/**
 * 見積の編集. While a 見積稟議 is open the approver is reading this content, so it does not change under
 * them (after approval the estimate itself turns an edit into a new version).
 */
export async function editEstimateDraft(deps: ProjectHandlerDeps, id: string, body: EditEstimateDraft, context: CommandContext, expectedRevision?: bigint): Promise<CommandResult<EstimateEvent>> {
  const estimate = await estimateCommands(deps.events).load(id);
  if (estimate.exists && (await loadProject(deps.events, estimate.state.projectId)).status === 'estimate_in_ringi') {
    throw DomainError.field('illegal_transition', 'status', '見積稟議中のため見積を編集できません。稟議の結果が出てから編集してください（承認後の編集は新しい版になります）。');
  }
  return estimateCommands(deps.events).run(id, { type: 'EditEstimateDraft', body, meta: metaOf(deps, context) }, context, expectedRevision);
}

/** An approved 見積稟議 locks the 見積 version its request named (safe to repeat: the estimate remembers). */
async function approveEstimateVersion(events: EventStore, projectId: string, body: RecordApprovalOutcome, context: CommandContext): Promise<void> {
  const request = (await events.readStream(streams.project(projectId))).filter(eventOf(['ProjectApprovalRequested'])).map((e) => e.data).find((d) => d.ringiId === body.ringiId);
  if (!request || request.kind !== 'estimate' || !request.estimateId || request.estimateVersion === null) return;
  const command: EstimateCommand = { type: 'ApproveEstimateVersion', version: request.estimateVersion, approval: { ringiId: body.ringiId, ringiNumber: body.ringiNumber ?? '' }, approvedAt: body.decidedAt };
  await estimateCommands(events).run(request.estimateId, command, context);
}

// ---- 見積 -----------------------------------------------------------------------------------------

/** 見積作成: the estimate takes the project's id (one per project) and number (見積番号 = 案件番号-版). */
export async function draftEstimate(deps: ProjectHandlerDeps, body: Extract<EstimateCommand, { type: 'DraftEstimate' }>['body'], context: CommandContext): Promise<CommandResult<EstimateEvent>> {
  const project = await loadProject(deps.events, body.projectId);
  if (!project.exists) throw DomainError.field('validation_failed', 'projectId', '案件が見つかりません。');
  const command: EstimateCommand = { type: 'DraftEstimate', estimateId: body.projectId, projectNumber: project.projectNumber, body, meta: metaOf(deps, context) };
  return estimateCommands(deps.events).run(body.projectId, command, context);
}

// ---- 受注 -----------------------------------------------------------------------------------------

/** 受注登録: one order per project, so the order takes the project's id and the 稟議 finds it without a lookup. */
export async function registerOrder(deps: ProjectHandlerDeps, body: RegisterOrder, context: CommandContext): Promise<CommandResult<OrderEvent>> {
  const project = await loadProject(deps.events, body.projectId);
  if (!project.exists) throw DomainError.field('validation_failed', 'projectId', '案件が見つかりません。');
  const command: OrderCommand = { type: 'RegisterOrder', orderId: body.projectId, projectNumber: project.projectNumber, body, meta: metaOf(deps, context) };
  return orderCommands(deps.events).run(body.projectId, command, context);
}

/**
 * 受注確定 on 受注稟議 approval: the sales plan is derived from the 月毎明細 as it stands now (the
 * project is frozen while the 稟議 runs, so this is what the approver saw). Idempotent per ringi id.
 */
export async function confirmOrder(deps: ProjectHandlerDeps, orderId: string, body: ConfirmOrder, context: CommandContext): Promise<CommandResult<OrderEvent>> {
  const orders = orderCommands(deps.events);
  const { state: order } = await orders.load(orderId);
  if (!order.exists) throw new DomainError('not_found', '受注が見つかりません。先に注文書の内容を登録してください。');
  const project = await loadProject(deps.events, order.projectId);
  return orders.run(orderId, { type: 'ConfirmOrder', body, resources: project.resources, meta: metaOf(deps, context) }, context);
}
