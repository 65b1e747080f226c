import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History, IdParams } from '@sss/contracts/common';
import {
  AddResource,
  BillingSchedule,
  ChangeProjectStatus,
  CopyProject,
  EditProjectBasics,
  EditResource,
  RecordApprovalOutcome,
  RegisterProject,
  RequestApproval,
  SalesActualProcessing,
  SetMonthlyEffort,
  StandardCostTable,
} from '@sss/contracts/project/schemas';
import { DraftEstimate, EditEstimateDraft, IssueEstimate, ReviseEstimate } from '@sss/contracts/project/estimate-schemas';
import { CancelOrder, ConfirmOrder, EditOrder, RegisterOrder } from '@sss/contracts/project/order-schemas';
import type { CommandContext } from '../kernel/command-handler.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import type { ProjectCommand } from './commands.ts';
import * as handle from './handlers.ts';

/**
 * 案件・見積・受注 over HTTP. Every body is validated by its contracts schema at the edge; the
 * handlers add what needs I/O and the deciders the rules. Commands answer `{ id, revision, position }`
 * (for 稟議申請 the id is the new ringi id), honour If-Match and Idempotency-Key.
 */

export interface ProjectRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
}

const ResourceParams = Type.Object({ id: IdParams.properties.id, resourceNo: Type.Integer({ title: 'リソース番号', minimum: 1 }) });
const RefreshEmployeeCosts = Type.Object({ standardCosts: StandardCostTable }, { additionalProperties: false });

export async function projectRoutes(fastify: FastifyInstance, deps: ProjectRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = deps;
  const accepted = { 200: CommandAccepted, 201: CommandAccepted };
  const meta = (context: CommandContext) => ({ actor: context.actor, at: deps.clock().toISOString() });
  const project = (tags: string[], summary: string) => ({ tags, summary, params: IdParams, response: accepted });
  const P = ['案件'];
  const E = ['見積'];
  const O = ['受注'];
  const projects = handle.projectCommands(events);
  const estimates = handle.estimateCommands(events);
  const orders = handle.orderCommands(events);

  /** A project command whose body needs nothing beyond the clock and the actor. */
  const simple = (id: string, build: (context: CommandContext) => ProjectCommand) =>
    async (request: Parameters<typeof expectedRevisionOf>[0], reply: Parameters<typeof answerCommand>[2]) =>
      answerCommand(events, request, reply, id, (context) => projects.run(id, build(context), context, expectedRevisionOf(request)));

  // ---- 案件 ------------------------------------------------------------------------------------

  app.post('/api/projects', { schema: { tags: P, summary: '案件を登録する（案件番号を採番）', body: RegisterProject, response: accepted } }, async (request, reply) => {
    const projectId = uuidv7();
    return answerCommand(events, request, reply, projectId, (context) => handle.registerProject(deps, projectId, request.body, context), 201);
  });

  app.post('/api/projects/:id/copy', { schema: { ...project(P, '案件をコピーする'), body: CopyProject } }, async (request, reply) => {
    const projectId = uuidv7();
    return answerCommand(events, request, reply, projectId, (context) => handle.copyProject(deps, request.params.id, projectId, request.body, context), 201);
  });

  app.put('/api/projects/:id', { schema: { ...project(P, '基本属性を編集する'), body: EditProjectBasics } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => handle.editProjectBasics(deps, id, request.body, context, expectedRevisionOf(request)));
  });

  app.post('/api/projects/:id/resources', { schema: { ...project(P, '月毎明細に行を追加する'), body: AddResource } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => handle.addResource(deps, id, request.body, context, expectedRevisionOf(request)));
  });

  app.put('/api/projects/:id/resources/:resourceNo', { schema: { tags: P, summary: '月毎明細の行を編集する', params: ResourceParams, body: EditResource, response: accepted } }, async (request, reply) => {
    const { id, resourceNo } = request.params;
    return answerCommand(events, request, reply, id, (context) => handle.editResource(deps, id, resourceNo, request.body, context, expectedRevisionOf(request)));
  });

  app.delete('/api/projects/:id/resources/:resourceNo', { schema: { tags: P, summary: '月毎明細の行を削除する', params: ResourceParams, response: accepted } }, async (request, reply) =>
    simple(request.params.id, (context) => ({ type: 'RemoveResource', resourceNo: request.params.resourceNo, meta: meta(context) }))(request, reply));

  app.put('/api/projects/:id/resources/:resourceNo/effort', { schema: { tags: P, summary: '月毎の工数を設定する', params: ResourceParams, body: SetMonthlyEffort, response: accepted } }, async (request, reply) =>
    simple(request.params.id, (context) => ({ type: 'SetMonthlyEffort', resourceNo: request.params.resourceNo, body: request.body, meta: meta(context) }))(request, reply));

  app.post('/api/projects/:id/employee-costs/refresh', { schema: { ...project(P, 'プロパー原価を最新化する（プロパー原価表を渡す）'), body: RefreshEmployeeCosts } }, async (request, reply) =>
    simple(request.params.id, (context) => ({ type: 'RefreshEmployeeCosts', standardCosts: request.body.standardCosts, meta: meta(context) }))(request, reply));

  app.put('/api/projects/:id/billing-schedule', { schema: { ...project(P, '請求予定を設定する'), body: BillingSchedule } }, async (request, reply) =>
    simple(request.params.id, (context) => ({ type: 'SetBillingSchedule', body: request.body, meta: meta(context) }))(request, reply));

  app.post('/api/projects/:id/status', { schema: { ...project(P, 'ステータスを変更する（失注・中止・完了）'), body: ChangeProjectStatus } }, async (request, reply) =>
    simple(request.params.id, (context) => ({ type: 'ChangeProjectStatus', body: request.body, meta: meta(context) }))(request, reply));

  app.post('/api/projects/:id/approvals', { schema: { ...project(P, '稟議を申請する（answer の id は稟議ID）'), body: RequestApproval } }, async (request, reply) => {
    let ringiId = '';
    return answerCommand(events, request, reply, () => ringiId, async (context) => {
      const result = await handle.requestApproval(deps, request.params.id, request.body, context, expectedRevisionOf(request));
      ringiId = result.ringiId;
      return result;
    }, 201);
  });

  app.post('/api/projects/:id/approvals/outcome', { schema: { ...project(P, '稟議の結果を記録する（稟議プロセス・管理者）'), body: RecordApprovalOutcome } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => handle.recordApprovalOutcome(deps, id, request.body, context));
  });

  app.post('/api/projects/:id/sales-actual/start', { schema: { ...project(P, '売上実績処理を開始する（売上月）'), body: SalesActualProcessing } }, async (request, reply) =>
    simple(request.params.id, (context) => ({ type: 'StartSalesActualProcessing', body: request.body, meta: meta(context) }))(request, reply));

  app.post('/api/projects/:id/sales-actual/finish', { schema: { ...project(P, '売上実績処理を終了する（売上月）'), body: SalesActualProcessing } }, async (request, reply) =>
    simple(request.params.id, (context) => ({ type: 'FinishSalesActualProcessing', body: request.body, meta: meta(context) }))(request, reply));

  app.get('/api/projects/:id/history', { schema: { tags: P, summary: '案件の変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, projects.streamName(request.params.id)));

  // ---- 見積 ------------------------------------------------------------------------------------

  app.post('/api/estimates', { schema: { tags: E, summary: '見積を作成する（案件ごとに1件、id は案件ID）', body: DraftEstimate, response: accepted } }, async (request, reply) =>
    answerCommand(events, request, reply, request.body.projectId, (context) => handle.draftEstimate(deps, request.body, context), 201));

  app.put('/api/estimates/:id', { schema: { ...project(E, '見積の下書きを編集する'), body: EditEstimateDraft } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => handle.editEstimateDraft(deps, id, request.body, context, expectedRevisionOf(request)));
  });

  app.post('/api/estimates/:id/issue', { schema: { ...project(E, '見積を発行する（見積番号を付与）'), body: IssueEstimate } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) =>
      estimates.run(id, { type: 'IssueEstimate', body: request.body, meta: meta(context) }, context, expectedRevisionOf(request)));
  });

  app.post('/api/estimates/:id/revise', { schema: { ...project(E, '見積を改訂する（新しい版の下書き）'), body: ReviseEstimate } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) =>
      estimates.run(id, { type: 'ReviseEstimate', body: request.body, meta: meta(context) }, context, expectedRevisionOf(request)));
  });

  app.get('/api/estimates/:id/history', { schema: { tags: E, summary: '見積の変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, estimates.streamName(request.params.id)));

  // ---- 受注 ------------------------------------------------------------------------------------

  app.post('/api/orders', { schema: { tags: O, summary: '受注を登録する（案件ごとに1件、id は案件ID）', body: RegisterOrder, response: accepted } }, async (request, reply) =>
    answerCommand(events, request, reply, request.body.projectId, (context) => handle.registerOrder(deps, request.body, context), 201));

  app.put('/api/orders/:id', { schema: { ...project(O, '受注を編集する'), body: EditOrder } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => orders.run(id, { type: 'EditOrder', body: request.body, meta: meta(context) }, context, expectedRevisionOf(request)));
  });

  app.post('/api/orders/:id/confirm', { schema: { ...project(O, '受注を確定する（受注稟議の承認、売上計画を作成）'), body: ConfirmOrder } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => handle.confirmOrder(deps, id, request.body, context));
  });

  app.post('/api/orders/:id/cancel', { schema: { ...project(O, '受注を取り消す'), body: CancelOrder } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => orders.run(id, { type: 'CancelOrder', body: request.body, meta: meta(context) }, context, expectedRevisionOf(request)));
  });

  app.get('/api/orders/:id/history', { schema: { tags: O, summary: '受注の変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, orders.streamName(request.params.id)));
}
