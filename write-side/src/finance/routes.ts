import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History, IdParams } from '@sss/contracts/common';
import { BankFileImported, ConfirmMatch, DepositParams, ImportBankFile, RefundDeposit, SetFeeTolerance } from '@sss/contracts/finance/schemas';
import type { DepositAllocation } from '@sss/contracts/finance/events';
import { normalisePayerName } from '@sss/contracts/finance/payer-name';
import { matchIdOf, settlementKeyOf } from '@sss/contracts/finance/settlement-key';
import { todayInJapan } from '@sss/contracts/domain/dates';
import { DomainError } from '@sss/contracts/http/problem';
import { HEADERS } from '@sss/contracts/http/auth';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { withIdempotency } from '../kernel/idempotency.ts';
import { answerCommand, contextOf, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { monthlySalesDecider, type MonthlySalesCommand } from '../sales/decider.ts';
import { depositDecider } from './deposit-decider.ts';
import { importDeposits, parseBankFile } from './import-bank-file.ts';
import { closedMonthGuard } from './closed-month-guard.ts';
import { customerFinanceDecider } from './fee-tolerance-decider.ts';

export interface FinanceRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
}

const tags = ['入金消込'];

export async function financeRoutes(fastify: FastifyInstance, deps: FinanceRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = deps;
  const today = () => todayInJapan(deps.clock());
  const deposits = commandHandlerFor({ store: events, decider: depositDecider, stream: streams.deposit, mustExist: true });
  const periods = closedMonthGuard(events);
  const customers = commandHandlerFor({ store: events, decider: customerFinanceDecider, stream: streams.customerFinance });
  const months = commandHandlerFor({ store: events, decider: monthlySalesDecider, stream: (p: { projectId: string; month: string }) => streams.monthlySales(p.projectId, p.month), mustExist: true });

  app.post('/api/bank-files', { schema: { tags, summary: '全銀協ファイル（振込入金通知・入出金取引明細）または銀行CSVを取り込む', body: ImportBankFile, response: { 200: BankFileImported } } }, async (request, reply) => {
    const context = contextOf(request);
    // Parsed whole before anything is appended: a bad file is a problem naming line, bytes and field, and appends nothing.
    const parsed = parseBankFile(request.body, today());
    const key = request.headers[HEADERS.idempotencyKey];
    const answer = await withIdempotency(
      events,
      { actor: context.actor, key: typeof key === 'string' ? key : undefined, request: { method: request.method, url: request.url, body: request.body }, correlationId: context.correlationId },
      async (beforeAppend) => ({ status: 200, body: await importDeposits(events, request.body.fileName, parsed, beforeAppend ? { ...context, beforeAppend } : context) }),
    );
    const body = answer.body as BankFileImported;
    return reply.code(200).header(HEADERS.position, body.position).send(body);
  });

  /**
   * Finance confirms (or corrects, or splits) a match: every month is checked first, so a refused
   * allocation appends nothing; then the deposit records the match (its revision stops a second
   * confirmation of the same money), then each month its payment and fee or discount, idempotent by
   * the match id should a retry repeat them (a later match of the same deposit pays the month again).
   */
  app.post('/api/deposits/:id/match', { schema: { tags, summary: '入金を請求書に消込む（確定・訂正・分割）', params: DepositParams, body: ConfirmMatch, response: { 200: CommandAccepted } } }, async (request, reply) => {
    const depositId = request.params.id;
    const { customerId, differenceAs = 'bank_fee', reasons = ['manual'] } = request.body;
    return answerCommand(events, request, reply, depositId, async (context) => {
      const deposit = await deposits.load(depositId);
      if (!deposit.exists || !deposit.state.imported) throw new DomainError('not_found', '入金が見つかりません。');
      const receivedOn = deposit.state.imported.valueDate;
      // The payments are dated on the 勘定日: a deposit of a closed month is not applied until it is reopened.
      await periods.assertOpen([['valueDate', receivedOn]]);
      const allocations: DepositAllocation[] = [];
      // The id this match will get, should the deposit not change before it is recorded (the check only needs a fresh one).
      const nextMatchId = matchIdOf(depositId, deposit.state.matches + 1);
      for (const [i, a] of request.body.allocations.entries()) {
        const month = await months.load(a);
        const fail = (message: string) => DomainError.field('rule_violated', `allocations.${i}`, message);
        if (!month.exists || !month.state.invoice) throw fail(`${a.month} の請求書が見つかりません。`);
        if (month.state.invoice && (await customerOf(a.projectId)) !== customerId) throw fail(`請求書 ${month.state.invoice.invoiceNumber} は指定の得意先のものではありません。`);
        const command: MonthlySalesCommand = { type: 'SettleFromDeposit', key: { projectId: a.projectId, month: a.month }, depositId, matchId: nextMatchId, amount: a.amount, difference: a.difference ?? 0, differenceAs, receivedOn };
        const verdict = monthlySalesDecider.decide(command, month.state);
        if (verdict instanceof DomainError) throw new DomainError(verdict.code, verdict.message, verdict.errors.map((e) => ({ ...e, field: `allocations.${i}` })));
        allocations.push({ projectId: a.projectId, month: a.month, invoiceNumber: month.state.invoice.invoiceNumber, amount: a.amount, difference: a.difference ?? 0 });
      }
      const payerKey = normalisePayerName(deposit.state.imported.payerName).key;
      const matched = await deposits.run(depositId, { type: 'MatchDeposit', customerId, payerKey, differenceAs, allocations, reasons }, context, expectedRevisionOf(request));
      let position = matched.position;
      const matchId = settlementKeyOf(matched.events[0]!.data);
      for (const a of allocations) {
        const settled = await months.run(a, { type: 'SettleFromDeposit', key: { projectId: a.projectId, month: a.month }, depositId, matchId, amount: a.amount, difference: a.difference, differenceAs, receivedOn }, { ...context, beforeAppend: undefined });
        if (settled.position > position) position = settled.position;
      }
      return { ...matched, position };
    });
  });

  app.post('/api/deposits/:id/refund', { schema: { tags, summary: '入金（過入金・誤入金）を返金する', params: DepositParams, body: RefundDeposit, response: { 200: CommandAccepted } } }, async (request, reply) => {
    const depositId = request.params.id;
    return answerCommand(events, request, reply, depositId, async (context) => {
      await periods.assertOpen([['refundedOn', request.body.refundedOn]]);
      return deposits.run(depositId, { type: 'RefundDeposit', ...request.body, today: today() }, context, expectedRevisionOf(request));
    });
  });

  /** The 振込手数料 tolerance matching uses for this customer (docs/finance.md §Fee tolerance). */
  app.put('/api/companies/:id/fee-tolerance', { schema: { tags, summary: '得意先の振込手数料の許容額を設定する（消込候補の判定に使う）', params: IdParams, body: SetFeeTolerance, response: { 200: CommandAccepted } } }, async (request, reply) => {
    const customerId = request.params.id;
    return answerCommand(events, request, reply, customerId, async (context) => {
      if ((await events.readStream(streams.company(customerId), { maxCount: 1 })).length === 0) throw new DomainError('not_found', '得意先が見つかりません。');
      return customers.run(customerId, { type: 'SetFeeTolerance', customerId, tolerance: request.body.tolerance }, context, expectedRevisionOf(request));
    });
  });

  app.get('/api/deposits/:id/history', { schema: { tags, summary: '入金の履歴（イベント）', params: DepositParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, streams.deposit(request.params.id)));

  /** The customer of a project, from its registration or last edit of basics (the invoice's addressee). */
  async function customerOf(projectId: string): Promise<string | null> {
    const recorded = await events.readStream(streams.project(projectId), { direction: 'backwards' });
    for (const e of recorded) {
      if (e.type === 'ProjectRegistered' || e.type === 'ProjectBasicsEdited') return (e.data as { customerCompanyId: string }).customerCompanyId;
    }
    return null;
  }
}
