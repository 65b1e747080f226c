import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RingiWorld } from '../support/ringi.ts';
import { decide, documentIdOf, newProject, orderFor, outcomeOf, projectStatus, request, ringiEvents, simDocuments, startRingiWorld, userIdOf } from '../support/ringi.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { apiKeyHeader, AUTH_HEADER } from '../../src/collaboflow-sim/index.ts';
import { deriveSalesPlan, salesActual } from '../support/sales.ts';

/**
 * Every 稟議 type end to end: SSS requests → the process manager files in the simulator (one
 * document, requested, numbered) → approvers decide there → the webhook (or a poll) → the outcome
 * command on the project, order or month.
 */
const test = suite<{ world: RingiWorld; sato: string }>('ringi flows');

test.before(async (context) => {
  context.world = await startRingiWorld();
  context.sato = await userIdOf(context.world.sss, DEMO.sales);
});
test.after(async ({ world }) => world.stop());

async function oneDocument(world: RingiWorld, ringiId: string): Promise<{ id: number; status: string }> {
  const docs = (await simDocuments(world)).filter((d) => JSON.stringify(d.values).includes(ringiId));
  assert.is(docs.length, 1, `exactly one document for ${ringiId}`);
  return docs[0]!;
}

async function approvedEstimate(world: RingiWorld, sato: string): Promise<string> {
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  const doc = await documentIdOf(world.sss, ringiId);
  await decide(world, 'takahashi', doc, { action: 'accept', comment: '承認します' });
  await decide(world, 'nakamura', doc, { action: 'accept' });
  assert.is((await outcomeOf(world.sss, ringiId)).outcome, 'approved');
  return projectId;
}

test('見積稟議: filed once as the applicant, approved in two phases → 承認', async ({ world, sato }) => {
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  assert.is(await projectStatus(world.sss, projectId), 'estimate_in_ringi');
  const doc = await documentIdOf(world.sss, ringiId);
  await decide(world, 'takahashi', doc, { action: 'accept', comment: '承認します' });
  await decide(world, 'watanabe', doc, { action: 'accept', comment: '確認しました' });
  const outcome = await outcomeOf(world.sss, ringiId);
  assert.is(outcome.outcome, 'approved');
  assert.match(outcome.documentNumber, /^RINGI\d{4}-\d{6}$/);
  assert.is(await projectStatus(world.sss, projectId), 'estimate_approved');
  assert.is((await oneDocument(world, ringiId)).status, 'decision');
  // The 収支管理表 travels with the 見積稟議 (no 見積書 yet: this project has no estimate).
  const filed = (await simDocuments(world)).find((d) => JSON.stringify(d.values).includes(ringiId))!;
  const file = await fetch(`${world.simUrl}/${world.instance}/api/index.cfm/v1/files/${String(filed.values.fidAttachment1)}/download`, { headers: { [AUTH_HEADER]: apiKeyHeader('sato', world.apiKey) } });
  assert.is(file.status, 200);
  assert.match(decodeURIComponent(file.headers.get('content-disposition') ?? ''), /収支管理表_\d{8}\.xlsx/);
  assert.is(Buffer.from(await file.arrayBuffer()).subarray(0, 2).toString(), 'PK', 'an Excel (zip) file');
  const types = (await ringiEvents(world.sss, ringiId)).map((e) => e.type);
  for (const t of ['RingiRequested', 'RingiDraftFiled', 'RingiSubmitted', 'RingiStatusConfirmed', 'RingiOutcomeApplied']) assert.ok(types.includes(t), `${t} recorded`);
  assert.ok(types.includes('RingiWebhookReceived'), 'the webhook reached SSS');

  // The read side: the timeline names each approver's decision and comment, and links to the document.
  const session = await login(world.sss, DEMO.sales);
  const head = (await ringiEvents(world.sss, ringiId)).at(-1)!.position.toString();
  const detail = await as(world.sss, session)({ method: 'GET', url: `/api/ringis/${ringiId}`, headers: { 'x-sss-min-position': head } });
  assert.is(detail.statusCode, 200, detail.body);
  const view = detail.json();
  assert.is(view.status, 'approved');
  assert.is(view.documentNumber, outcome.documentNumber);
  assert.match(view.link, /^http/);
  const texts = (view.timeline as { text: string }[]).map((t) => t.text).join('\n');
  assert.match(texts, /高橋 健一 が承認「承認します」/);
  assert.match(texts, /渡辺 美咲 が承認「確認しました」/);
  assert.match(texts, /結果: 決裁/);
  assert.is(view.effect, '案件ステータスが「承認」になりました');
  const mine = (await as(world.sss, session)({ method: 'GET', url: '/api/ringis?view=mine', headers: { 'x-sss-min-position': head } })).json();
  assert.ok(mine.items.some((r: { id: string }) => r.id === ringiId), 'listed under 自分の申請');
  const approvedList = (await as(world.sss, session)({ method: 'GET', url: '/api/ringis?status=approved' })).json();
  assert.ok(approvedList.items.some((r: { id: string }) => r.id === ringiId));
});

test('提案稟議: 却下 by the second approver → back to 提案検討中', async ({ world, sato }) => {
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'proposal', sato);
  const doc = await documentIdOf(world.sss, ringiId);
  await decide(world, 'ito', doc, { action: 'accept' });
  await decide(world, 'takahashi', doc, { action: 'reject', comment: '単価を見直してください' });
  assert.is((await outcomeOf(world.sss, ringiId)).outcome, 'rejected');
  assert.is(await projectStatus(world.sss, projectId), 'proposing');
  const rejected = (await world.sss.events.readStream(`project-${projectId}`)).find((e) => e.type === 'ProjectApprovalRejected')!;
  assert.is((rejected.data as { comment: string }).comment, '単価を見直してください');
  await oneDocument(world, ringiId);
});

test('先行着手稟議: 差し戻し to the applicant → back to 承認; 取り下げ likewise', async ({ world, sato }) => {
  const projectId = await approvedEstimate(world, sato);
  const first = await request(world.sss, projectId, 'early_start', sato);
  const doc = await documentIdOf(world.sss, first);
  await decide(world, 'takahashi', doc, { action: 'remand', phase_number: 0, comment: '体制図を添付してください' });
  assert.is((await outcomeOf(world.sss, first)).outcome, 'sent_back');
  assert.is(await projectStatus(world.sss, projectId), 'estimate_approved');

  const second = await request(world.sss, projectId, 'early_start', sato);
  const doc2 = await documentIdOf(world.sss, second);
  await decide(world, 'sato', doc2, { action: 'takeback', comment: '取り下げます' });
  assert.is((await outcomeOf(world.sss, second)).outcome, 'withdrawn');
  assert.is(await projectStatus(world.sss, projectId), 'estimate_approved');
  await oneDocument(world, first);
  await oneDocument(world, second);
});

test('受注稟議: 決裁 → 受注済, the order confirmed under the document number', async ({ world, sato }) => {
  const projectId = await approvedEstimate(world, sato);
  await orderFor(world.sss, projectId, sato);
  const ringiId = await request(world.sss, projectId, 'order', sato);
  const doc = await documentIdOf(world.sss, ringiId);
  await decide(world, 'takahashi', doc, { action: 'accept' });
  await decide(world, 'watanabe', doc, { action: 'accept' });
  const { documentNumber } = await outcomeOf(world.sss, ringiId);
  assert.is(await projectStatus(world.sss, projectId), 'ordered');
  const confirmed = (await world.sss.events.readStream(`order-${projectId}`)).find((e) => e.type === 'OrderConfirmed');
  assert.ok(confirmed, 'order confirmed');
  assert.is((confirmed!.data as { ringiNumber: string }).ringiNumber, documentNumber);
});

test('売上実績・請求チェック: requested over HTTP → 営管室長 approves → 請求待ち', async ({ world }) => {
  const { sss } = world;
  const salesAdmin = await login(sss, DEMO.salesAdmin);
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-04', revenue: 1_500_000 }]);
  const base = `/api/monthly-sales/${projectId}/2026-04`;
  const key = () => ({ 'idempotency-key': `k-${Math.random()}` });
  // A reduced-rate (8 %) line beside the 10 % ones: the approver sees both rates.
  const payload = salesActual();
  payload.invoice.lines.push({ description: '軽減税率対象品', quantity: '1', unit: '個', unitPrice: 1_000, taxIncluded: false, taxRate: 8 });
  assert.is((await as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload, headers: key() })).statusCode, 200);
  assert.is((await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: key() })).statusCode, 200);
  const requested = (await sss.events.readStream(`monthlysales-${projectId}_2026-04`)).find((e) => e.type === 'SalesCheckRequested')!;
  const ringiId = requested.metadata.eventId;
  const doc = await documentIdOf(sss, ringiId);
  // What CollaboFlow holds (read from the simulator over HTTP): the invoice per rate in the mapped parts.
  const filed = (await simDocuments(world)).find((d) => d.id === doc)!;
  const perRate = ['fidInvoiceNet10', 'fidInvoiceTax10', 'fidInvoiceGross10', 'fidInvoiceNet8', 'fidInvoiceTax8', 'fidInvoiceGross8', 'fidInvoiceAmount'].map((p) => filed.values[p]);
  assert.equal(perRate, [1_610_000, 161_000, 1_771_000, 1_000, 80, 1_080, 1_772_080]);
  await decide(world, 'kobayashi', doc, { action: 'accept', comment: '確認しました' });
  assert.is((await outcomeOf(sss, ringiId)).outcome, 'approved');
  const approved = (await sss.events.readStream(`monthlysales-${projectId}_2026-04`)).find((e) => e.type === 'SalesCheckApproved');
  assert.ok(approved, 'SalesCheckApproved');
  const covered = (approved!.data as { approvedInvoiceTotals?: { byRate: { taxRate: number; gross: number }[] } }).approvedInvoiceTotals;
  assert.equal(covered?.byRate.map((r) => [r.taxRate, r.gross]), [[10, 1_771_000], [8, 1_080]], 'the approval records what the approver saw');
  await oneDocument(world, ringiId);
});

test.run();
