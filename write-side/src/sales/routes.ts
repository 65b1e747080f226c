import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History } from '@sss/contracts/common';
import { ApplySalesCheckOutcome, CorrectInvoice, IssueInvoice, MonthlySalesParams, RecordPayment, RecordSalesActual, RequestCorrectionCheck } from '@sss/contracts/sales/schemas';
import type { RoundingMode } from '@sss/contracts/sales/tax';
import { todayInJapan } from '@sss/contracts/domain/dates';
import { DomainError } from '@sss/contracts/http/problem';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { monthlySalesDecider, type Issuer, type MonthlySalesCommand } from './decider.ts';
import { allocateInvoiceNumber } from './invoice-number.ts';
import { recipientAtIssue } from './recipient-at-issue.ts';
import { closedMonthGuard } from '../finance/closed-month-guard.ts';
import { salesReportAtIssue, salesReportHash } from './sales-report-at-issue.ts';

export interface SalesRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
  /** 適格請求書発行事業者 (SSS_ISSUER_NAME / SSS_ISSUER_REGISTRATION_NUMBER); null = not configured. */
  readonly issuer: Issuer | null;
  readonly roundingMode: RoundingMode;
}

const tags = ['月次売上・請求'];
const base = '/api/monthly-sales/:projectId/:month';

export async function salesRoutes(fastify: FastifyInstance, deps: SalesRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events, roundingMode } = deps;
  const today = () => todayInJapan(deps.clock());
  const accepted = { 200: CommandAccepted };
  const idOf = (p: { projectId: string; month: string }) => `${p.projectId}_${p.month}`;
  // 月次締め: a month's sales actual and invoices, and a payment by its date, change only while the month is open.
  const periods = closedMonthGuard(events);

  // Months come into being from the order's budget (sales-plan-policy), so every command needs the stream.
  const months = commandHandlerFor({ store: events, decider: monthlySalesDecider, stream: (p: { projectId: string; month: string }) => streams.monthlySales(p.projectId, p.month), mustExist: true });

  const issuerOrFail = (): Issuer => {
    if (!deps.issuer) throw DomainError.field('rule_violated', 'issuer', '発行元（SSS_ISSUER_NAME・SSS_ISSUER_REGISTRATION_NUMBER）が設定されていないため、適格請求書を発行できません。');
    return deps.issuer;
  };

  /** Decide once against current state before taking a number, so refused issues leave no gap. */
  async function precheck(p: { projectId: string; month: string }, command: MonthlySalesCommand): Promise<void> {
    const month = await months.load(p);
    if (!month.exists) throw new DomainError('not_found', `${p.month} の月次売上が見つかりません。`);
    const verdict = monthlySalesDecider.decide(command, month.state);
    if (verdict instanceof DomainError) throw verdict;
  }

  app.put(`${base}/actual`, { schema: { tags, summary: '売上実績と請求情報を記録する', params: MonthlySalesParams, body: RecordSalesActual, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), async (context) => {
      await periods.assertOpen([['month', p.month]]);
      return months.run(p, { type: 'RecordSalesActual', key: p, body: request.body, roundingMode }, context, expectedRevisionOf(request));
    });
  });

  app.post(`${base}/sales-check`, { schema: { tags, summary: '売上実績・請求確認を申請する（請求なしの月は締める）', params: MonthlySalesParams, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), async (context) => {
      await periods.assertOpen([['month', p.month]]);
      return months.run(p, { type: 'RequestSalesCheck', key: p }, context, expectedRevisionOf(request));
    });
  });

  app.post(`${base}/sales-check/outcome`, { schema: { tags, summary: '売上実績・請求確認稟議の結果を反映する', params: MonthlySalesParams, body: ApplySalesCheckOutcome, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), (context) => months.run(p, { type: 'ApplySalesCheckOutcome', key: p, body: request.body }, context));
  });

  app.post(`${base}/invoice`, { schema: { tags, summary: '適格請求書を発行する', params: MonthlySalesParams, body: IssueInvoice, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), async (context) => {
      const issuedOn = request.body.issuedOn ?? today();
      // The clock is here, not in the decider: an invoice dated after today (Asia/Tokyo) is not issued yet.
      if (issuedOn > today()) throw DomainError.field('validation_failed', 'issuedOn', `発行日に未来の日付（${issuedOn}）は指定できません。今日（${today()}）以前の日付にしてください。`);
      await periods.assertOpen([['month', p.month], ['issuedOn', issuedOn]]);
      const command = { type: 'IssueInvoice' as const, key: p, issuer: issuerOrFail(), recipientAddress: await recipientAtIssue(events, p.projectId), roundingMode, issuedOn };
      await precheck(p, { ...command, invoiceNumber: 'pending' });
      const invoiceNumber = await allocateInvoiceNumber(events, months.streamName(p), context);
      return months.run(p, { ...command, invoiceNumber }, context, expectedRevisionOf(request));
    });
  });

  app.post(`${base}/invoice/correction`, { schema: { tags, summary: '訂正請求書を発行する（元の請求書を置き換える）', params: MonthlySalesParams, body: CorrectInvoice, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), async (context) => {
      await periods.assertOpen([['month', p.month], ['issuedOn', today()]]);
      const command = { type: 'CorrectInvoice' as const, key: p, issuer: issuerOrFail(), recipientAddress: await recipientAtIssue(events, p.projectId), roundingMode, issuedOn: today(), body: request.body };
      await precheck(p, { ...command, invoiceNumber: 'pending' });
      const invoiceNumber = await allocateInvoiceNumber(events, months.streamName(p), context);
      return months.run(p, { ...command, invoiceNumber }, context, expectedRevisionOf(request));
    });
  });

  app.post(`${base}/invoice/correction/sales-check`, { schema: { tags, summary: '請求金額が変わる訂正の売上実績・請求確認を申請する', params: MonthlySalesParams, body: RequestCorrectionCheck, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), async (context) => {
      await periods.assertOpen([['month', p.month]]);
      return months.run(p, { type: 'RequestCorrectionCheck', key: p, body: request.body, roundingMode }, context, expectedRevisionOf(request));
    });
  });

  app.post(`${base}/payments`, { schema: { tags, summary: '入金を記録する', params: MonthlySalesParams, body: RecordPayment, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), async (context) => {
      await periods.assertOpen([['receivedOn', request.body.receivedOn]]);
      return months.run(p, { type: 'RecordPayment', key: p, body: request.body, today: today() }, context);
    });
  });

  // Issuing freezes what the 売上連絡票 prints (docs/as-of.md §Issued documents); the read side re-prints each issue from its event.
  app.post(`${base}/sales-report`, { schema: { tags, summary: '売上連絡票を発行する（内容を発行時点で確定）', params: MonthlySalesParams, response: accepted } }, async (request, reply) => {
    const p = request.params;
    return answerCommand(events, request, reply, idOf(p), async (context) => {
      const content = await salesReportAtIssue(events, p);
      return months.run(p, { type: 'IssueSalesReport', key: p, content, contentHash: salesReportHash(content), issuedOn: today() }, context, expectedRevisionOf(request));
    });
  });

  app.get(`${base}/history`, { schema: { tags, summary: '月次売上の変更履歴（イベント）', params: MonthlySalesParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, months.streamName(request.params)));
}
