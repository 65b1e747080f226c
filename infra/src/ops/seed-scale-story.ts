import { streams } from '@sss/contracts/streams/names';
import { addMonths } from '@sss/contracts/domain/months';
import { addDays } from '@sss/contracts/domain/dates';
import type { CompanyFields } from '@sss/contracts/company/schemas';
import type { CompanyCopy } from '@sss/contracts/partner/events';
import type { AddResource } from '@sss/contracts/project/schemas';
import type { OrderEvent } from '@sss/contracts/project/order-events';
import type { RingiKind } from '@sss/contracts/ringi/events';
import { companyDecider } from '@sss/write-side/company/decider';
import { partnerDecider } from '@sss/write-side/partner/decider';
import { userDecider } from '@sss/write-side/user/decider';
import { organizationDecider } from '@sss/write-side/organization/decider';
import { projectDecider, type ProjectState } from '@sss/write-side/project/decider';
import { estimateDecider } from '@sss/write-side/project/estimate-decider';
import { orderDecider } from '@sss/write-side/project/order-decider';
import { monthlySalesDecider } from '@sss/write-side/sales/decider';
import { ringiDecider } from '@sss/write-side/ringi/ringi-decider';
import type { CommandMeta } from '@sss/write-side/project/commands';
import { uniqueStream } from '@sss/write-side/kernel/unique-key';
import { DomainError } from '@sss/contracts/http/problem';
import type { Decider } from '@sss/write-side/kernel/decider';
import type { Dice, SimClock } from './seed-scale-random.ts';
import type { BatchedWriter } from './seed-scale-writer.ts';
import { companyName, personName } from './seed-scale-names.ts';
import { UNSTATED_RECIPIENT } from '@sss/contracts/sales/recipient';

/**
 * The story the generator tells, month by month, so every stream's events come in the order a real
 * office would produce them: customers and partners registered, a reorganization every April, about
 * two 案件 per salesperson a year — proposal with 月毎明細 and a 見積, 見積稟議, then 受注稟議 and the
 * order (or 失注), the monthly 売上実績・請求チェック, the invoice and its payment the month after.
 */

export interface StorySize {
  readonly years: number;
  readonly staff: number;
  /** Every generated user signs in with the one password this hashes (made once, at the edge). */
  readonly passwordHash: string;
}

/** The simulated history ends on the last day of fiscal 2025, whatever today is: reproducible. */
export const lastFiscalYear = 2025;
export const firstMonthOf = (years: number) => `${lastFiscalYear - years + 1}-04`;

interface Live {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly customer: CompanyFields & { id: string };
  readonly months: readonly string[];
  stage: 'estimate_ringi' | 'order_ringi' | 'ordered';
  ringiId: string;
  revenueByMonth: Map<string, number>;
  /** Months whose invoice awaits payment, with the gross amount. */
  unpaid: Map<string, number>;
  closed: number;
}

/** The reservation `reserveUniqueKey` makes (a user's email, a company code), as a decider. */
type Reservation = { type: 'UniqueKeyReserved'; data: { owner: string; value: string } };
const reservationDecider: Decider<Reservation, Reservation, boolean> = {
  initialState: false,
  decide: (command, taken) => (taken ? new DomainError('already_exists', `${command.data.value} is taken`) : [command]),
  evolve: () => true,
};

const ISSUER = { name: '株式会社エスエスエス', registrationNumber: 'T7000012050002', address: '〒100-0005 東京都千代田区丸の内1-1-1', phone: '03-0000-0000', bankAccount: { bank: 'デモ銀行', branch: '本店営業部', type: '普通', number: '1234567', holderKana: 'ｶ)ｴｽｴｽｴｽ' } } as const;
const SERVICE = ['システム開発', '保守運用', 'コンサルティング', 'データ分析', 'インフラ構築'] as const;
const WORK = ['要件定義支援', '基盤構築', '刷新', '保守運用', 'PoC', '移行', '機能追加'] as const;

export async function tellStory(w: BatchedWriter, clock: SimClock, dice: Dice, size: StorySize, progress: (monthIndex: number, months: number) => void): Promise<void> {
  const sys = (name: string) => ({ actor: `system:seed-scale-${name}`, correlationId: dice.uuid(clock.now) });
  const start = firstMonthOf(size.years);
  clock.at(`${start}-01`);

  // 組織: a headquarters, divisions of about fifty people, departments of about twelve.
  const divisions = Math.max(1, Math.round(size.staff / 50));
  const departments: string[] = [];
  const stageCreate = async (unitId: string, code: string, name: string, kana: string, level: 'headquarters' | 'division' | 'department' | 'group', parentId: string | null, sortOrder: number) =>
    w.run(organizationDecider, streams.organization, { type: 'StageOrgChange', changeId: `c-${unitId}`, change: { kind: 'create', unitId, code, name, kana, level, accountingCategory: level === 'headquarters' ? 'sga' : 'cost_of_sales', sortOrder, parentId } }, sys('org'));
  await stageCreate('hq', 'HQ', '本社', 'ホンシャ', 'headquarters', null, 0);
  for (let d = 0; d < divisions; d++) {
    await stageCreate(`div${d}`, `D${d}`, `第${d + 1}事業部`, `ダイ${d + 1}ジギョウブ`, 'division', 'hq', d);
    for (let k = 0; k < 4; k++) {
      const unitId = `dep${d}-${k}`;
      departments.push(unitId);
      await stageCreate(unitId, `D${d}-${k}`, `第${d + 1}事業部 第${k + 1}部`, `ダイ${d + 1}ジギョウブ ダイ${k + 1}ブ`, 'department', `div${d}`, k);
    }
  }
  await w.run(organizationDecider, streams.organization, { type: 'ConfirmOrgChanges', reorganizationId: 'reorg-0', effectiveDate: `${start}-01`, note: '設立時の組織' }, sys('org'));

  // 社員: one user per staff member, all able to sign in with the same (precomputed) hash.
  const staff: { id: string; name: string; no: string; unit: string }[] = [];
  for (let i = 0; i < size.staff; i++) {
    const id = dice.uuid(clock.now);
    const name = personName(dice);
    const unit = departments[i % departments.length]!;
    staff.push({ id, name, no: `E${String(i + 1).padStart(5, '0')}`, unit });
    const email = `staff${i + 1}@example.co.jp`;
    await w.run(reservationDecider, uniqueStream('user-email', email), { type: 'UniqueKeyReserved', data: { owner: id, value: email } }, sys('users'));
    await w.run(userDecider, streams.user(id), { type: 'RegisterUser', userId: id, email: `staff${i + 1}@example.co.jp`, name, roles: i % 10 === 0 ? ['sales_admin'] : ['sales'], orgUnitId: unit, passwordHash: size.passwordHash }, sys('users'));
  }

  // 会社: customers (a fifth of the headcount) and partner companies, then partner staff.
  const customers: (CompanyFields & { id: string })[] = [];
  const registerCompany = async (isPartner: boolean) => {
    const id = dice.uuid(clock.now);
    const { name, kana } = companyName(dice);
    const fields: CompanyFields = { code: `C${String(customers.length + partnerCompanies.length + 1).padStart(5, '0')}`, name, kana, formalName: `株式会社${name}`, shortName: name, isCustomer: !isPartner, isPartner, registeredOn: clock.today(), ...(dice.chance(0.6) ? { ndaSignedOn: clock.today() } : {}) };
    await w.run(reservationDecider, uniqueStream('company-code', fields.code), { type: 'UniqueKeyReserved', data: { owner: id, value: fields.code } }, sys('companies'));
    await w.run(companyDecider, streams.company(id), { type: 'RegisterCompany', companyId: id, fields, today: clock.today() }, sys('companies'));
    if (!isPartner && dice.chance(0.5)) await w.run(companyDecider, streams.company(id), { type: 'ChangeCreditLimit', change: { creditLimit: dice.int(1, 50) * 1_000_000, reviewedOn: clock.today() }, changedBy: staff[0]!.id, today: clock.today() }, sys('companies'));
    (isPartner ? partnerCompanies : customers).push({ id, ...fields });
  };
  const partnerCompanies: (CompanyFields & { id: string })[] = [];
  for (let i = 0; i < Math.max(5, Math.round(size.staff / 5)); i++) await registerCompany(false);
  for (let i = 0; i < Math.max(2, Math.round(size.staff / 20)); i++) await registerCompany(true);
  const copies = new Map<string, CompanyCopy>(partnerCompanies.map((c) => [c.id, { companyId: c.id, code: c.code, name: c.name, formalName: c.formalName, isPartner: true, abolishedOn: null }]));
  const partners: { id: string; name: string; companyId: string }[] = [];
  for (let i = 0; i < Math.max(2, Math.round(size.staff / 5)); i++) {
    const id = dice.uuid(clock.now);
    const company = dice.pick(partnerCompanies);
    const name = personName(dice);
    await w.run(partnerDecider, streams.partner(id), { type: 'RegisterPartner', partnerId: id, fields: { name, kana: 'パートナー', registeredOn: clock.today() }, companyIds: [company.id], companies: copies, today: clock.today() }, sys('partners'));
    partners.push({ id, name, companyId: company.id });
  }

  const live: Live[] = [];
  const projectsPerMonth = (size.staff * 2) / 12;
  let carry = 0;
  const counters = new Map<number, number>();
  let invoiceCounter = 0;
  const months = size.years * 12;

  for (let m = 0; m < months; m++) {
    const month = addMonths(start, m);
    clock.at(`${month}-01`);
    const meta = (actor: string): CommandMeta => ({ actor, at: clock.iso() });
    if (m > 0 && month.endsWith('-04')) {
      // 組織改編: every April one department is renamed, so as-of queries have history to find.
      const unitId = dice.pick(departments);
      await w.run(organizationDecider, streams.organization, { type: 'StageOrgChange', changeId: `c-${month}`, change: { kind: 'rename', unitId, name: `${month.slice(0, 4)}年度 ${unitId}`, kana: 'カイヘン' } }, sys('org'));
      await w.run(organizationDecider, streams.organization, { type: 'ConfirmOrgChanges', reorganizationId: `reorg-${month}`, effectiveDate: `${month}-01`, note: '年度組織改編' }, sys('org'));
      await registerCompany(false);
    }

    // 案件 that move on this month: 稟議 decided, orders confirmed, months closed, invoices paid.
    for (const p of [...live]) {
      const projectStream = streams.project(p.id);
      const admin = staff[0]!.id;
      if (p.stage === 'estimate_ringi') {
        const approved = dice.chance(0.85);
        await decideRingi(p, approved ? 'approved' : 'rejected');
        if (approved) {
          const estimateStream = streams.estimate(p.id);
          await w.run(estimateDecider, estimateStream, { type: 'ApproveEstimateVersion', version: 1, approval: { ringiId: p.ringiId, ringiNumber: `MI-${p.number}` }, approvedAt: clock.iso() }, sys('sales'));
          await w.run(estimateDecider, estimateStream, { type: 'IssueEstimate', body: { issuedOn: clock.today() }, meta: meta(admin) }, sys('sales'));
          w.forget(estimateStream);
        }
        if (!approved || dice.chance(0.2)) {
          await w.run(projectDecider, projectStream, { type: 'ChangeProjectStatus', body: { to: 'lost', reason: approved ? '価格面で他社に決定' : '見積稟議却下' }, meta: meta(admin) }, sys('sales'));
          retire(p, false);
          continue;
        }
        const revenue = [...p.revenueByMonth.values()].reduce((a, b) => a + b, 0);
        await w.run(orderDecider, streams.order(p.id), { type: 'RegisterOrder', orderId: p.id, projectNumber: p.number, body: { projectId: p.id, terms: { customerPoNumber: `PO-${p.number}`, orderDate: clock.today(), orderAmount: revenue, labourAmount: revenue, periodStart: `${p.months[0]}-01`, periodEnd: endOfMonth(p.months[p.months.length - 1]!) } }, meta: meta(admin) }, sys('sales'));
        await requestRingi(p, 'order');
        p.stage = 'order_ringi';
        continue;
      }
      if (p.stage === 'order_ringi') {
        const ringiNumber = `JU-${p.number}`;
        await decideRingi(p, 'approved', ringiNumber);
        const state = w.stateOf<ProjectState>(projectStream)!;
        const { events, eventIds } = await w.run(orderDecider, streams.order(p.id), { type: 'ConfirmOrder', body: { ringiId: p.ringiId, ringiNumber, approvedAt: clock.iso() }, resources: state.resources, meta: meta(admin) }, sys('sales'));
        const planAt = (events as readonly OrderEvent[]).findIndex((e) => e.type === 'SalesPlanDerived');
        const plan = events[planAt] as Extract<OrderEvent, { type: 'SalesPlanDerived' }> | undefined;
        // The sales-plan policy keys each month's plan by this event's id: SSS started on the
        // generated store then finds every plan already applied.
        const sourceEventId = eventIds[planAt] ?? 'seed';
        p.revenueByMonth = new Map();
        for (const planned of plan?.data.months ?? []) {
          await w.run(monthlySalesDecider, streams.monthlySales(p.id, planned.month), { type: 'SetMonthlyPlan', key: { projectId: p.id, month: planned.month }, projectNumber: p.number, orderId: p.id, revenue: planned.revenue, cost: planned.cost, sourceEventId }, sys('sales-plan'));
          if (planned.revenue > 0) p.revenueByMonth.set(planned.month, planned.revenue);
        }
        w.forget(streams.order(p.id));
        p.stage = 'ordered';
        continue;
      }
      // ordered: pay last month's invoices, then close the month that just ended.
      for (const [paidMonth, gross] of p.unpaid) {
        const key = { projectId: p.id, month: paidMonth };
        await w.run(monthlySalesDecider, streams.monthlySales(p.id, paidMonth), { type: 'RecordPayment', key, body: { amount: gross, receivedOn: clock.today() }, today: clock.today() }, sys('finance'));
        w.forget(streams.monthlySales(p.id, paidMonth));
        p.unpaid.delete(paidMonth);
      }
      const previous = addMonths(month, -1);
      const revenue = p.revenueByMonth.get(previous);
      if (revenue !== undefined) await closeMonth(p, previous, revenue);
      if (p.closed === p.revenueByMonth.size && p.unpaid.size === 0 && previous >= p.months[p.months.length - 1]!) {
        await w.run(projectDecider, projectStream, { type: 'ChangeProjectStatus', body: { to: 'completed', reason: '全作業完了' }, meta: meta(admin) }, sys('sales'));
        retire(p, true);
      }
    }

    // New 案件 this month: registered with 月毎明細, estimated and sent to 見積稟議.
    carry += projectsPerMonth;
    for (; carry >= 1; carry--) await newProject(month);
    progress(m + 1, months);
  }

  async function newProject(month: string): Promise<void> {
    const year = Number(month.slice(0, 4));
    const seq = (counters.get(year) ?? 0) + 1;
    counters.set(year, seq);
    const number = `${year}${String(seq).padStart(4, '0')}`;
    const id = dice.uuid(clock.now);
    const owner = dice.pick(staff);
    const customer = dice.pick(customers);
    const service = dice.pick(SERVICE);
    const first = addMonths(month, 2);
    const length = dice.int(3, 18);
    const periodMonths = Array.from({ length }, (_, i) => addMonths(first, i));
    const contractType = dice.chance(0.7) ? '準委任' : '請負';
    const name = `${customer.name} ${dice.pick(WORK)}`;
    const meta: CommandMeta = { actor: owner.id, at: clock.iso() };
    const context = { actor: owner.id, correlationId: id };
    const stream = streams.project(id);
    await w.run(projectDecider, stream, {
      type: 'RegisterProject', projectId: id, projectNumber: number, meta,
      body: {
        name, customerCompanyId: customer.id, supervisingOrgUnitId: owner.unit, accountingUnit: 'ビジネスソリューション事業部', leader: { employeeId: owner.id, name: owner.name },
        businessSegment: { first: 'SI', second: service, third: '' }, salesInfo: { serviceType: service, contractType, revenueRecognition: contractType === '請負' ? '検収基準' : '役務完了基準' },
        startDate: `${first}-01`, endDate: endOfMonth(periodMonths[length - 1]!), resale: false, billingType: contractType === '請負' ? '一括請求' : '毎月請求',
      },
    }, context);
    const effort = () => Object.fromEntries(periodMonths.map((mm) => [mm, dice.chance(0.3) ? '0.5' : '1']));
    const rows: AddResource[] = [];
    const people = dice.int(1, 4);
    for (let i = 0; i < people; i++) {
      const who = i === 0 ? owner : dice.pick(staff);
      rows.push({ kind: 'employee', employeeId: who.id, employeeNo: who.no, classRank: dice.pick(['S1', 'S2', 'M1', 'M2']), name: who.name, cost: dice.int(60, 90) * 10_000, quotedUnitPrice: dice.int(100, 140) * 10_000, title: i === 0 ? 'PM' : 'SE', effort: effort() });
    }
    if (dice.chance(0.5)) {
      const partner = dice.pick(partners);
      rows.push({ kind: 'partner', partnerId: partner.id, partnerCompanyId: partner.companyId, name: partner.name, cost: dice.int(55, 75) * 10_000, quotedUnitPrice: dice.int(80, 100) * 10_000, title: 'SE', effort: effort() });
    }
    for (const row of rows) await w.run(projectDecider, stream, { type: 'AddResource', body: row, meta }, context);
    // A salesperson rarely gets the plan right the first time: one row's effort is adjusted.
    await w.run(projectDecider, stream, { type: 'SetMonthlyEffort', resourceNo: 1, body: { efforts: { [periodMonths[0]!]: '0.5' } }, meta }, context);

    const revenueByMonth = new Map<string, number>();
    for (const row of rows) for (const [mm, e] of Object.entries(row.effort ?? {})) revenueByMonth.set(mm, (revenueByMonth.get(mm) ?? 0) + ('quotedUnitPrice' in row ? row.quotedUnitPrice : 0) * Number(mm === periodMonths[0] && row === rows[0] ? '0.5' : e));
    const total = [...revenueByMonth.values()].reduce((a, b) => a + b, 0);
    await w.run(estimateDecider, streams.estimate(id), {
      type: 'DraftEstimate', estimateId: id, projectNumber: number, meta,
      body: { projectId: id, content: { subject: name, addressee: customer.formalName, periodStart: `${first}-01`, periodEnd: endOfMonth(periodMonths[length - 1]!), paymentTerms: '月末締め翌月末払い', validUntil: addDays(clock.today(), 90), lines: [{ workItem: `${service}一式`, quantity: '1', unit: '式', unitPrice: total, taxCategory: 'standard_10' }] } },
    }, context);
    // Issued once its 見積稟議 approves version 1 (below): an unapproved version is not issued.
    const p: Live = { id, number, name, customer, months: periodMonths, stage: 'estimate_ringi', ringiId: '', revenueByMonth, unpaid: new Map(), closed: 0 };
    live.push(p);
    await requestRingi(p, 'estimate');
  }

  async function requestRingi(p: Live, kind: Exclude<RingiKind, 'sales_check'>): Promise<void> {
    const ringiId = dice.uuid(clock.now);
    p.ringiId = ringiId;
    const actor = { actor: 'system:ringi', correlationId: ringiId };
    const { eventIds } = await w.run(projectDecider, streams.project(p.id), { type: 'RequestApproval', ringiId, body: { kind }, meta: { actor: staff[0]!.id, at: clock.iso() } }, actor);
    await startRingi(ringiId, kind, p, null, streams.project(p.id), eventIds[0] ?? '');
  }

  async function startRingi(ringiId: string, kind: RingiKind, p: Live, month: string | null, sourceStream: string, sourceEventId: string): Promise<void> {
    const stream = streams.ringi(ringiId);
    const context = { actor: 'system:ringi', correlationId: ringiId };
    const at = clock.iso();
    await w.run(ringiDecider, stream, { type: 'StartRingi', data: { ringiId, kind, subject: { projectId: p.id, projectNumber: p.number, projectName: p.name, month }, requestedBy: staff[0]!.id, actAs: 'seed', routeId: 1, title: `${p.name} ${kind}`, values: {}, comment: '', sourceStream, sourceEventId, at } }, context);
    const documentId = dice.int(1, 9_999_999);
    await w.run(ringiDecider, stream, { type: 'RecordDraft', data: { ringiId, documentId, link: `https://collaboflow.example/doc/${documentId}`, at } }, context);
    await w.run(ringiDecider, stream, { type: 'RecordSubmitted', data: { ringiId, documentId, documentNumber: `R-${documentId}`, link: `https://collaboflow.example/doc/${documentId}`, at } }, context);
  }

  async function finishRingi(ringiId: string, outcome: 'approved' | 'rejected', documentNumber: string): Promise<void> {
    const stream = streams.ringi(ringiId);
    await w.run(ringiDecider, stream, { type: 'RecordOutcome', data: { ringiId, outcome, documentNumber, decidedBy: '部長', comment: '', decidedAt: clock.iso(), at: clock.iso() } }, { actor: 'system:ringi', correlationId: ringiId });
    w.forget(stream);
  }

  async function decideRingi(p: Live, outcome: 'approved' | 'rejected', ringiNumber = `MI-${p.number}`): Promise<void> {
    await finishRingi(p.ringiId, outcome, ringiNumber);
    await w.run(projectDecider, streams.project(p.id), { type: 'RecordApprovalOutcome', body: { ringiId: p.ringiId, outcome, ringiNumber, decidedBy: '部長', decidedAt: clock.iso() }, meta: { actor: 'system:ringi', at: clock.iso() } }, { actor: 'system:ringi', correlationId: p.ringiId });
  }

  async function closeMonth(p: Live, month: string, revenue: number): Promise<void> {
    const key = { projectId: p.id, month };
    const stream = streams.monthlySales(p.id, month);
    const context = { actor: staff[0]!.id, correlationId: `${p.id}_${month}` };
    const meta: CommandMeta = { actor: staff[0]!.id, at: clock.iso() };
    await w.run(projectDecider, streams.project(p.id), { type: 'StartSalesActualProcessing', body: { month }, meta }, context);
    const invoiceDate = endOfMonth(month);
    await w.run(monthlySalesDecider, stream, {
      type: 'RecordSalesActual', key, roundingMode: 'floor',
      body: { labourSales: revenue, settlement: { amount: 0, reason: '' }, taxRate: 10, expenses: [], invoice: { recipientName: p.customer.formalName, subject: `${month} ${p.name}`, poNumber: `PO-${p.number}`, invoiceDate, dueDate: endOfMonth(addMonths(month, 1)), paymentTerms: '月末締め翌月末払い', contact: '営業管理部', periodStart: `${month}-01`, periodEnd: invoiceDate, lines: [{ description: p.name, quantity: '1', unit: '式', unitPrice: revenue, taxIncluded: false, taxRate: 10 }] } },
    }, context);
    const ringiId = dice.uuid(clock.now);
    const { events, eventIds } = await w.run(monthlySalesDecider, stream, { type: 'RequestSalesCheck', key }, context);
    if (events.length === 0 || events[0]!.type !== 'SalesCheckRequested') return;
    await startRingi(ringiId, 'sales_check', p, month, stream, eventIds[0]!);
    await finishRingi(ringiId, 'approved', `UC-${p.number}-${month}`);
    await w.run(monthlySalesDecider, stream, { type: 'ApplySalesCheckOutcome', key, body: { outcome: 'approved', ringiId } }, context);
    await w.run(projectDecider, streams.project(p.id), { type: 'FinishSalesActualProcessing', body: { month }, meta }, context);
    invoiceCounter += 1;
    const { state } = await w.run(monthlySalesDecider, stream, { type: 'IssueInvoice', key, invoiceNumber: `INV-${String(invoiceCounter).padStart(7, '0')}`, issuer: ISSUER, recipientAddress: UNSTATED_RECIPIENT, roundingMode: 'floor', issuedOn: invoiceDate }, context);
    p.unpaid.set(month, state.invoice!.totals.gross);
    p.closed += 1;
  }

  function retire(p: Live, won: boolean): void {
    live.splice(live.indexOf(p), 1);
    w.forget(streams.project(p.id));
    if (won) w.forget(streams.order(p.id));
  }
}

const endOfMonth = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);

/** What every generated user signs in with. */
export const SEED_PASSWORD = 'seed-scale-pass';
