import type { EventStore } from '@sss/contracts/ports/event-store';
import { addDays, todayInJapan } from '@sss/contracts/domain/dates';
import { addMonths, firstDayOf, lastDayOf } from '@sss/contracts/domain/months';
import type { HttpApp } from './http-app.ts';
import type { DemoWorkflow } from './demo-approvals.ts';
import { demoCustomer, demoProjectPlan, demoStageOf } from './demo-volume.ts';

/**
 * Demo 案件 in the statuses a salesperson meets every week — 提案検討中, 見積稟議中, 承認, 受注済, 失注 —
 * with 社員・パートナー・諸経費 rows and monthly effort, a 見積, and a confirmed 受注 with its sales plan;
 * then `volume` generated customers with one 案件 each, spread over the same statuses.
 * Everything goes through the public API: 佐藤 (営業) registers and plans and asks for 稟議, which the
 * process manager files in CollaboFlow and the approvers decide there (`demo-approvals.ts`): no outcome
 * is recorded on a 案件 without its 稟議, so the 稟議 list and the 案件 agree.
 */

type Session = Record<string, string>;
/** Seeds `count` generated customers with one 案件 each, telling `progress` how many customers are in. */
export type DemoVolumeSeeder = (count: number, progress?: (customers: number) => void) => Promise<number>;
type Answer = { id: string; position: string };

/** Indexes into DEMO_COMPANIES: 0 東都フィナンシャル, 1 北斗物流, 2 みらい製薬, 3 瀬戸内電力サービス, 4 青葉テクノロジー (協力会社). */
export async function seedDemoProjects(app: HttpApp, events: EventStore, password: string, companyIds: readonly string[], orgUnits: ReadonlyMap<string, string>, workflow: DemoWorkflow): Promise<{ story: number; volume: DemoVolumeSeeder }> {
  const signIn = async (email: string): Promise<Session> => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`demo login ${email} failed: ${response.body}`);
    return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  };
  const sales = await signIn('sato@example.co.jp');
  const admin = await signIn('suzuki@example.co.jp');
  const request = async <T = Answer>(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await app.inject({ method, url, cookies: session, headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...headers }, ...(payload ? { payload: payload as object } : {}) });
    if (response.statusCode >= 300) throw new Error(`demo ${method} ${url} failed: ${response.body}`);
    return response.json<T>();
  };
  const post = (url: string, payload: unknown, session = sales) => request(session, 'POST', url, payload);
  const me = await request<{ id: string; name: string }>(sales, 'GET', '/api/auth/me');
  const boss = await request<{ id: string; name: string }>(await signIn('tanaka@example.co.jp'), 'GET', '/api/auth/me');
  const head = (await events.headPosition()).toString();
  const partners = (await request<{ items: { id: string; name: string; affiliations: { companyId: string }[] }[] }>(sales, 'GET', '/api/partners?pageSize=100', undefined, { 'x-sss-min-position': head })).items;
  const aoba = companyIds[4]!;
  const aobaPartner = partners.find((p) => p.affiliations.some((a) => a.companyId === aoba));

  const leader = { employeeId: me.id, name: me.name };
  const project = (name: string, customer: number, unit: string, startDate: string, endDate: string, contractType: '請負' | '準委任', serviceType: string) => ({
    name, customerCompanyId: companyIds[customer]!, supervisingOrgUnitId: orgUnits.get(unit)!, accountingUnit: unit === 'ngo1' ? '名古屋支社' : 'ビジネスソリューション事業部',
    leader, businessSegment: { first: 'SI', second: serviceType, third: '' }, salesInfo: { serviceType, contractType, revenueRecognition: contractType === '請負' ? '検収基準' : '役務完了基準' },
    startDate, endDate, resale: false, billingType: contractType === '請負' ? '一括請求' : '毎月請求',
  });
  const months = (from: string, efforts: string[]) => {
    return Object.fromEntries(efforts.map((e, i) => [addMonths(from, i), e]).filter(([, e]) => e !== '0'));
  };
  const employee = (who: { id: string; name: string }, no: string, rank: string, cost: number, price: number, effort: Record<string, string>, title = '') =>
    ({ kind: 'employee', employeeId: who.id, employeeNo: no, classRank: rank, name: who.name, cost, quotedUnitPrice: price, title, effort });
  const expense = (expenseType: string, name: string, cost: number, price: number, effort: Record<string, string>) => ({ kind: 'expense', expenseType, name, cost, quotedUnitPrice: price, effort });

  const create = async (body: ReturnType<typeof project>, rows: unknown[]) => {
    const { id } = await post('/api/projects', body);
    for (const row of rows) await post(`/api/projects/${id}/resources`, row);
    return id;
  };
  const requestRingi = async (id: string, kind: 'estimate' | 'order') =>
    (await post(`/api/projects/${id}/approvals`, { kind, comment: kind === 'order' ? '注文書を受領しました。受注稟議をお願いします。' : '見積稟議をお願いします。' })).id;
  // Filed by the process manager, decided by the approvers in CollaboFlow; a 受注稟議's approval confirms the order.
  const approve = async (id: string, kind: 'estimate' | 'order') => workflow.approve([await requestRingi(id, kind)]);
  const issuedOn = todayInJapan();
  const validUntil = addDays(issuedOn, 30);
  // A 見積 is issued only once its 見積稟議 approved that version (docs/domain.md §見積 and 受注): draft, 稟議, then issue.
  const estimate = async (id: string, addressee: string, subject: string, periodStart: string, periodEnd: string, lines: unknown[]) => {
    await post('/api/estimates', { projectId: id, content: { subject, addressee, periodStart, periodEnd, paymentTerms: '月末締め翌月末払い', validUntil, conditions: '作業場所は貴社指定場所とします。', lines } });
  };
  const issueEstimate = (id: string) => post(`/api/estimates/${id}/issue`, { issuedOn });

  // 受注済: 東都フィナンシャル 勘定系API基盤 (社員2名・パートナー1名・諸経費).
  const partnerRow = aobaPartner ? [{ kind: 'partner', partnerId: aobaPartner.id, partnerCompanyId: aoba, name: aobaPartner.name, cost: 650_000, quotedUnitPrice: 900_000, title: 'SE', effort: months('2026-04', ['1', '1', '1', '1', '1', '1']) }] : [];
  const won = await create(project('勘定系API基盤構築', 0, 'bs1', '2026-04-01', '2026-09-30', '準委任', 'システム開発'), [
    employee(me, 'E1024', 'M2', 850_000, 1_300_000, months('2026-04', ['1', '1', '1', '1', '0.5', '0.5']), 'PM'),
    employee(boss, 'E0311', 'S1', 700_000, 1_100_000, months('2026-04', ['0.5', '1', '1', '1', '1', '0.5'])),
    ...partnerRow,
    expense('物品購入', '検証用サーバ', 400_000, 480_000, { '2026-04': '1' }),
  ]);
  await estimate(won, '東都フィナンシャルグループ株式会社', '勘定系API基盤構築支援', '2026-04-01', '2026-09-30', [
    { workItem: 'プロジェクト管理（PM）', quantity: '5', unit: '人月', unitPrice: 1_300_000, taxCategory: 'standard_10' },
    { workItem: 'API設計・開発（SE）', quantity: '5', unit: '人月', unitPrice: 1_100_000, taxCategory: 'standard_10' },
    { workItem: 'API開発（SE）', quantity: '6', unit: '人月', unitPrice: 900_000, taxCategory: 'standard_10' },
    { workItem: '検証用サーバ', quantity: '1', unit: '式', unitPrice: 480_000, taxCategory: 'standard_10' },
  ]);
  await approve(won, 'estimate');
  if (workflow.decides) {
    await issueEstimate(won);
    await post('/api/orders', { projectId: won, terms: { customerPoNumber: 'TF-PO-2026-0412', orderDate: '2026-03-25', orderAmount: 17_880_000, labourAmount: 17_400_000, periodStart: '2026-04-01', periodEnd: '2026-09-30' } });
    await approve(won, 'order');
  }

  // 承認 (見積稟議 承認済): 北斗物流 倉庫管理システム刷新, 請負.
  const approved = await create(project('倉庫管理システム刷新', 1, 'bs2', '2026-07-01', '2027-03-31', '請負', 'システム開発'), [
    employee(me, 'E1024', 'M2', 850_000, 1_250_000, months('2026-07', ['0.5', '0.5', '0.5', '0.5', '0.5', '0.5', '0.5', '0.5', '0.5'])),
    employee(boss, 'E0311', 'S1', 700_000, 1_050_000, months('2026-07', ['1', '1', '1', '1', '1', '1', '1', '1', '1'])),
  ]);
  await estimate(approved, '北斗物流株式会社', '倉庫管理システム刷新（設計・開発）', '2026-07-01', '2027-03-31', [
    { workItem: '基本設計・詳細設計', quantity: '1', unit: '式', unitPrice: 6_000_000, taxCategory: 'standard_10' },
    { workItem: '開発・テスト', quantity: '1', unit: '式', unitPrice: 9_000_000, taxCategory: 'standard_10' },
    { workItem: '出精値引き', quantity: '1', unit: '式', unitPrice: -75_000, taxCategory: 'standard_10' },
  ]);
  await approve(approved, 'estimate');
  if (workflow.decides) await issueEstimate(approved);

  // 見積稟議中: みらい製薬 治験データ基盤 PoC.
  const inRingi = await create(project('治験データ基盤 PoC', 2, 'bs1', '2026-10-01', '2026-12-31', '準委任', 'データ分析'), [
    employee(boss, 'E0311', 'S1', 700_000, 1_100_000, months('2026-10', ['0.8', '0.8', '0.4'])),
    expense('クラウド利用料', 'AWS 検証環境', 120_000, 150_000, months('2026-10', ['1', '1', '1'])),
  ]);
  await post(`/api/projects/${inRingi}/approvals`, { kind: 'estimate', comment: 'PoC のため短期です。' });

  // 提案検討中: 瀬戸内電力サービス 保守運用 (名古屋支社).
  await create(project('設備管理システム 保守運用', 3, 'ngo1', '2027-01-01', '2027-12-31', '準委任', '保守運用'), [
    employee(me, 'E1024', 'M2', 850_000, 1_200_000, months('2027-01', Array<string>(12).fill('0.2'))),
  ]);

  // 失注: 東都フィナンシャル 帳票基盤リプレース.
  const lost = await create(project('帳票基盤リプレース', 0, 'bs2', '2026-05-01', '2026-08-31', '請負', 'システム開発'), [
    employee(boss, 'E0311', 'S1', 700_000, 1_000_000, months('2026-05', ['1', '1', '1', '1'])),
  ]);
  await post(`/api/projects/${lost}/status`, { to: 'lost', reason: '価格面で他社に決定（競合3社）' });
  // The generated volume is seeded later (after listen on `npm start`): see `seedDemoData`.
  return { story: 5, volume: seedDemoVolume };

  /** The generated customers and their 案件, stage by stage, each stage's 稟議 decided together. */
  async function seedDemoVolume(count: number, progress?: (customers: number) => void): Promise<number> {
    const projects: { id: string; index: number; start: string; end: string; months: number; amount: number; customer: string }[] = [];
    for (let index = 0; index < count; index++) {
      const customer = demoCustomer(index);
      const { id: companyId } = await post('/api/companies', customer, admin);
      const plan = demoProjectPlan(index);
      const last = addMonths(plan.startMonth, plan.months - 1);
      const start = firstDayOf(plan.startMonth);
      const end = lastDayOf(last);
      const who = index % 2 === 0 ? { person: me, no: 'E1024', rank: 'M2', cost: 850_000 } : { person: boss, no: 'E0311', rank: 'S1', cost: 700_000 };
      const body = { ...project(plan.name, 0, plan.unit, start, end, plan.contractType, plan.name.includes('保守') ? '保守運用' : 'システム開発'), customerCompanyId: companyId };
      const id = await create(body, [employee(who.person, who.no, who.rank, who.cost, 1_000_000, months(plan.startMonth, Array<string>(plan.months).fill('1')))]);
      projects.push({ id, index, start, end, months: plan.months, amount: plan.months * 1_000_000, customer: customer.formalName });
      if ((index + 1) % 25 === 0) progress?.(index + 1);
    }
    const at = (...stages: string[]) => projects.filter((p) => stages.includes(demoStageOf(p.index)));
    for (const p of at('lost')) await post(`/api/projects/${p.id}/status`, { to: 'lost', reason: '予算化見送り' });
    for (const p of at('estimate_ringi', 'approved', 'ordered')) {
      await estimate(p.id, p.customer, demoProjectPlan(p.index).name, p.start, p.end, [{ workItem: 'システム開発・運用支援', quantity: String(p.months), unit: '人月', unitPrice: 1_000_000, taxCategory: 'standard_10' }]);
    }
    const estimateRingi = new Map<string, string>();
    for (const p of at('estimate_ringi', 'approved', 'ordered')) estimateRingi.set(p.id, await requestRingi(p.id, 'estimate'));
    if (!workflow.decides) return count;
    await workflow.approve(at('approved', 'ordered').map((p) => estimateRingi.get(p.id)!));
    for (const p of at('approved', 'ordered')) await issueEstimate(p.id);
    const orderRingi: string[] = [];
    for (const p of at('ordered')) {
      await post('/api/orders', { projectId: p.id, terms: { customerPoNumber: `PO-${demoCustomer(p.index).code}`, orderDate: addDays(p.start, -14), orderAmount: p.amount, labourAmount: p.amount, periodStart: p.start, periodEnd: p.end } });
      orderRingi.push(await requestRingi(p.id, 'order'));
    }
    await workflow.approve(orderRingi);
    return count;
  }
}
