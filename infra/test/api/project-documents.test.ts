import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { EstimateView, ProjectDetail } from '@sss/contracts/project/views';
import { readXlsx } from '@sss/read-side/documents/xlsx';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';
import { employeeRow, estimateContent, expenseRow, newProject, projectRefs } from '../support/projects.ts';
import { embeddedFonts, pdfText } from '../support/pdf-text.ts';

/** 収支管理表 and 見積書 as files: each is opened and its numbers checked against the read models. */
const test = suite<{ sss: RunningSss; sales: Session; project: ProjectDetail; estimate: EstimateView }>('project documents');

type Answer = { id: string; position: string };

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
  const refs = await projectRefs(context.sss, context.sales);
  const call = as(context.sss, context.sales);
  const { id } = (await call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '帳票テスト案件' }) })).json<Answer>();
  await call({ method: 'POST', url: `/api/projects/${id}/resources`, payload: employeeRow(refs) });
  // A price that makes half-up rounding matter: 0.3 × 333,333 = 99,999.9 → 100,000.
  await call({ method: 'POST', url: `/api/projects/${id}/resources`, payload: employeeRow(refs, { name: '端数確認', employeeNo: 'E0002', cost: 222_222, quotedUnitPrice: 333_333, effort: { '2025-05': '0.3' } }) });
  await call({ method: 'POST', url: `/api/projects/${id}/resources`, payload: expenseRow() });
  await call({ method: 'POST', url: '/api/estimates', payload: { projectId: id, content: estimateContent() } });
  // Issued once its 見積稟議 approved the version.
  await approveEstimate(context.sss, context.sales, id, 'R-0042');
  const issued = (await call({ method: 'POST', url: `/api/estimates/${id}/issue`, payload: { issuedOn: '2025-03-10' } })).json<Answer>();
  const headers = { 'x-sss-min-position': issued.position };
  context.project = (await call({ method: 'GET', url: `/api/projects/${id}`, headers })).json<ProjectDetail>();
  context.estimate = (await call({ method: 'GET', url: `/api/estimates/${id}`, headers })).json<EstimateView>();
});
test.after(async ({ sss }) => sss.stop());

/** 見積稟議 requested by sales, its approval recorded as the 稟議 process (admin) would: answers the last position. */
async function approveEstimate(sss: RunningSss, sales: Session, projectId: string, ringiNumber: string, whileOpen?: () => Promise<void>): Promise<string> {
  const requested = await as(sss, sales)({ method: 'POST', url: `/api/projects/${projectId}/approvals`, payload: { kind: 'estimate', comment: '見積稟議をお願いします。' } });
  assert.is(requested.statusCode, 201, requested.body);
  await whileOpen?.();
  const admin = await login(sss, DEMO.admin);
  const outcome = await as(sss, admin)({ method: 'POST', url: `/api/projects/${projectId}/approvals/outcome`, payload: { ringiId: requested.json<Answer>().id, outcome: 'approved', ringiNumber, decidedBy: '部長', decidedAt: '2025-03-09T09:00:00Z' } });
  assert.is(outcome.statusCode, 200, outcome.body);
  return outcome.json<Answer>().position;
}

const download = async (sss: RunningSss, session: Session, url: string, contentType: string) => {
  const response = await as(sss, session)({ method: 'GET', url });
  assert.is(response.statusCode, 200, response.body.slice(0, 300));
  assert.match(String(response.headers['content-type']), contentType);
  assert.match(String(response.headers['content-disposition']), /attachment; filename=".*"; filename\*=UTF-8''/);
  return response.rawPayload;
};

test('収支管理表: every resource row and every monthly and total figure equals the 案件詳細 summary', async ({ sss, sales, project }) => {
  const file = await download(sss, sales, `/api/projects/${project.id}/balance-sheet.xlsx`, 'spreadsheetml');
  const sheets = await readXlsx(file);
  const rows = sheets['収支管理表']!;
  assert.ok(rows.some((r) => r.includes(project.projectNumber)), 'header carries the project number');
  const header = rows.find((r) => r[0] === '区分')!;
  const col = (label: string) => header.indexOf(label);
  for (const line of project.summary.rows) {
    const row = rows.find((r) => r[0] !== '区分' && r[col('No')] === line.resourceNos[0])!;
    assert.ok(row, `row ${line.name}`);
    assert.is(row[col('原価計')], line.total.cost, `${line.name} 原価計`);
    assert.is(row[col('売上計')], line.total.revenue, `${line.name} 売上計`);
    for (const m of line.months) {
      const cell = row[col(`${m.month.slice(0, 4)}/${m.month.slice(5)}`)];
      assert.is(cell === '' || cell === undefined || cell === null ? '0' : String(cell), m.effort, `${line.name} ${m.month}`);
    }
  }
  const total = rows.find((r) => r[0] === '合計')!;
  assert.is(total[col('売上計')], project.summary.total.revenue);
  assert.is(total[col('原価計')], project.summary.total.cost);

  const months = sheets['月別収支']!;
  const mHeader = months.find((r) => r[0] === '月')!;
  const m = (label: string) => mHeader.indexOf(label);
  for (const f of [...project.summary.byMonth.map((x) => ({ ...x, label: `${x.month.slice(0, 4)}/${x.month.slice(5)}` })), { ...project.summary.total, label: '合計' }]) {
    const row = months.find((r) => r[0] === f.label)!;
    assert.ok(row, f.label);
    assert.is(row[m('売上')], f.revenue, `${f.label} 売上`);
    assert.is(row[m('原価（社員）')], f.employeeCost);
    assert.is(row[m('原価（パートナー）')], f.partnerCost);
    assert.is(row[m('原価（諸経費）')], f.expenseCost);
    assert.is(row[m('原価計')], f.cost);
    assert.is(row[m('粗利')], f.grossProfit);
    assert.is(row[m('粗利率')], f.grossMarginPercent === null ? '-' : `${f.grossMarginPercent}%`);
  }
  assert.is(project.summary.byMonth.find((x) => x.month === '2025-05')!.revenue, 600_000 + 100_000, 'half-up cell');
});

test('見積書 Excel: number, lines, tax and total as the 見積 read model says, with the seal boxes', async ({ sss, sales, estimate }) => {
  const v = estimate.versions[0]!;
  const file = await download(sss, sales, `/api/estimates/${estimate.id}/quotation.xlsx`, 'spreadsheetml');
  const rows = (await readXlsx(file))['見積書']!;
  const field = (label: string) => rows.find((r) => r[0] === label)?.[1];
  assert.is(field('見積番号'), v.estimateNumber);
  assert.is(field('御見積金額（税込）'), v.total);
  for (const line of v.lines) assert.ok(rows.some((r) => r[0] === line.workItem && r[5] === line.amount), line.workItem);
  assert.is(rows.find((r) => r[0] === '小計')?.[5], v.subtotal);
  assert.is(rows.find((r) => r[0] === '合計（税込）')?.[5], v.total);
  assert.is(v.subtotal, 2_160_000 + 360_000);
  assert.is(v.tax, 252_000);
  assert.ok(rows.some((r) => r.includes('印')), 'seal area');
});

test('見積書 PDF: Japanese font embedded; the text carries the number and the amounts', async ({ sss, sales, estimate }) => {
  const v = estimate.versions[0]!;
  const file = await download(sss, sales, `/api/estimates/${estimate.id}/quotation.pdf`, 'application/pdf');
  assert.ok(embeddedFonts(file).length > 0, 'font embedded');
  const text = await pdfText(file);
  assert.ok(text.includes('御見積書'), text.slice(0, 200));
  assert.ok(text.includes(v.estimateNumber!), 'estimate number');
  for (const amount of [v.subtotal, v.tax, v.total, ...v.lines.map((l) => l.amount)]) assert.ok(text.includes(amount.toLocaleString('ja-JP')), `amount ${amount}`);
  assert.ok(text.includes('印'), 'seal area');
  assert.ok(text.includes('第1版（稟議 R-0042 承認済）'), 'the PDF says which version was approved');
});

test('an approved 見積 is locked: an edit makes version 2, which is not issued until its own 稟議 approves it', async ({ sss, sales }) => {
  const refs = await projectRefs(sss, sales);
  const call = as(sss, sales);
  const { id } = (await call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '版管理テスト案件' }) })).json<Answer>();
  await call({ method: 'POST', url: `/api/projects/${id}/resources`, payload: employeeRow(refs) });
  await call({ method: 'POST', url: '/api/estimates', payload: { projectId: id, content: estimateContent() } });
  const unapproved = await call({ method: 'POST', url: `/api/estimates/${id}/issue`, payload: { issuedOn: '2025-03-10' } });
  assert.is(unapproved.statusCode, 409, 'no issue before the 見積稟議');
  await approveEstimate(sss, sales, id, 'R-0100');

  const edit = await call({ method: 'PUT', url: `/api/estimates/${id}`, payload: estimateContent({ subject: '承認後の変更' }) });
  assert.is(edit.statusCode, 200, edit.body);
  const view = (await call({ method: 'GET', url: `/api/estimates/${id}`, headers: { 'x-sss-min-position': edit.json<Answer>().position } })).json<EstimateView>();
  assert.equal(view.versions.map((v) => [v.version, v.subject, v.approval?.label ?? null]), [[2, '承認後の変更', null], [1, estimateContent().subject, '第1版（稟議 R-0100 承認済）']]);

  const refused = await call({ method: 'POST', url: `/api/estimates/${id}/issue`, payload: { issuedOn: '2025-03-10' } });
  assert.is(refused.statusCode, 409, refused.body);
  const problem = refused.json<{ errors: { field: string; message: string }[] }>();
  assert.ok(problem.errors.some((e) => e.field === 'version' && e.message.includes('第2版は見積稟議で承認されていない')), refused.body);
  const draftPdf = await pdfText(await download(sss, sales, `/api/estimates/${id}/quotation.pdf`, 'application/pdf'));
  assert.ok(draftPdf.includes('第2版（未承認）'), 'an unapproved version says so');

  await approveEstimate(sss, sales, id, 'R-0101', async () => {
    const during = await call({ method: 'PUT', url: `/api/estimates/${id}`, payload: estimateContent({ subject: '稟議中の変更' }) });
    assert.is(during.statusCode, 409, `no edit while the 見積稟議 is open: ${during.body}`);
  });
  const issued = await call({ method: 'POST', url: `/api/estimates/${id}/issue`, payload: { issuedOn: '2025-03-10' } });
  assert.is(issued.statusCode, 200, issued.body);
  const after = { 'x-sss-min-position': issued.json<Answer>().position };
  await call({ method: 'GET', url: `/api/estimates/${id}`, headers: after });
  const pdf = await pdfText(await download(sss, sales, `/api/estimates/${id}/quotation.pdf`, 'application/pdf'));
  assert.ok(pdf.includes('第2版（稟議 R-0101 承認済）'), 'the issued 見積書 names the approved version');
});

test('見積一覧 shows the newest version; 見積番号 is 案件番号-版; an issued version cannot be edited (409)', async ({ sss, sales, project, estimate }) => {
  const list = await as(sss, sales)({ method: 'GET', url: `/api/estimates?projectId=${project.id}` });
  const rows = list.json<{ total: number; items: { id: string; status: string; estimateNumber: string | null; total: number }[] }>();
  assert.is(rows.total, 1);
  assert.equal(rows.items[0], { ...rows.items[0]!, id: estimate.id, status: 'issued', estimateNumber: `${project.projectNumber}-01`, total: estimate.versions[0]!.total });
  const edit = await as(sss, sales)({ method: 'PUT', url: `/api/estimates/${estimate.id}`, payload: estimateContent({ subject: '発行後の変更' }) });
  assert.is(edit.statusCode, 409, edit.body);
});

test('受注一覧 Excel opens and lists confirmed orders with their monthly plan', async ({ sss, sales }) => {
  const file = await download(sss, sales, '/api/orders/export.xlsx', 'spreadsheetml');
  const sheets = await readXlsx(file);
  assert.ok(sheets['受注一覧'], 'sheet present');
});

test.run();
