import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { apiKeyHeader } from '../../src/collaboflow-sim/index.ts';
import { API_KEY, ESTIMATE, estimateValues, startTestSim, type TestSim } from './helpers.ts';

/**
 * The 見積稟議 route: phase 1 事業部長 (takahashi), phase 2 営業管理部 (watanabe or nakamura, the
 * first acceptance decides). yamada applies.
 */

let sim: TestSim;
test.before(async () => {
  sim = await startTestSim();
});
test.after(async () => {
  await sim.stop();
});

const status = async (id: number, as = 'yamada') => (await sim.api(as, 'GET', `/documents/${id}`)).body.flow_status;
const put = (as: string, id: number, body: Record<string, unknown>) => sim.api(as, 'PUT', `/documents/${id}`, body);
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

test('a draft has no number and no dates; requesting it issues RINGIyyyy-nnnnnn', async () => {
  const created = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, title: '見積稟議', action: 'draft', document: estimateValues });
  assert.is(created.status, 201);
  const id = Number(created.body.document_id);
  const draft = (await sim.api('yamada', 'GET', `/documents/${id}`)).body;
  assert.is(draft.flow_status, 'draft');
  assert.is(draft.document_number, '');
  assert.is(draft.request_date, '');
  assert.is(draft.end_date, '');
  assert.is((await put('yamada', id, { action: 'request' })).status, 200);
  const requested = (await sim.api('yamada', 'GET', `/documents/${id}`)).body;
  assert.is(requested.flow_status, 'flow');
  assert.match(String(requested.document_number), /^RINGI\d{4}-\d{6}$/);
  assert.match(String(requested.request_date), UTC);
  assert.is(requested.end_date, '');
});

test('a draft skips required checks, a request does not, and a refused request changes nothing', async () => {
  const created = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: { fidProjectNo: 'P-1' } });
  assert.is(created.status, 201);
  const id = Number(created.body.document_id);
  const refused = await put('yamada', id, { action: 'request' });
  assert.is(refused.status, 400);
  assert.ok(refused.body.messages?.includes('「案件名」は必須項目です。'));
  assert.is(await status(id), 'draft');
  const direct = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, document: { fidProjectNo: 'P-1' } });
  assert.is(direct.status, 400);
});

test('only the judge whose turn it is may decide (403 otherwise); the phases run in order', async () => {
  const id = await sim.fileEstimate();
  assert.is((await put('watanabe', id, { action: 'accept' })).status, 403); // phase 2, not yet
  assert.is((await put('yamada', id, { action: 'accept' })).status, 403); // the applicant
  assert.is((await put('takahashi', id, { action: 'accept', comment: '承認します' })).status, 200);
  assert.is((await put('takahashi', id, { action: 'accept' })).status, 403); // already decided his phase
  assert.is(await status(id), 'flow');
  assert.is((await put('nakamura', id, { action: 'accept' })).status, 200);
  const summary = (await sim.api('yamada', 'GET', `/documents/${id}`)).body;
  assert.is(summary.flow_status, 'decision');
  assert.match(String(summary.end_date), UTC);
  const determs = (await sim.api('yamada', 'GET', `/documents/${id}/determs`)).body.records ?? [];
  assert.equal(
    determs.map((d) => [d.phase_number, d.determ_username, d.determ_status, d.comment]),
    [
      [1, '高橋 健一', 'accept', '承認します'],
      [2, '中村 由美', 'accept', ''],
      [2, '渡辺 美咲', 'skip', ''], // the "any" rule: one acceptance decides the phase
    ],
  );
});

test('a decided document is immutable', async () => {
  const id = await sim.fileEstimate();
  await put('takahashi', id, { action: 'accept' });
  await put('watanabe', id, { action: 'accept' });
  for (const [as, body] of [
    ['watanabe', { action: 'accept' }],
    ['nakamura', { action: 'reject', comment: 'やはり却下' }],
    ['yamada', { action: 'takeback', comment: '取り消したい' }],
    ['yamada', { action: 'draft', document: { fidAmount: 1 } }],
    ['yamada', { action: 'rerequest' }],
  ] as const) {
    const res = await put(as, id, body);
    assert.is(res.status, 400, JSON.stringify(body));
    assert.equal(res.body.messages, ['決裁済みの文書は変更できません。']);
  }
  const state = (await sim.admin('GET', '/state')).body.documents as { document_id: number; values: { fidAmount: number } }[];
  assert.is(state.find((d) => d.document_id === id)?.values.fidAmount, 12_000_000);
});

test('reject and remand need a comment; reject ends the document', async () => {
  const id = await sim.fileEstimate();
  const noComment = await put('takahashi', id, { action: 'reject' });
  assert.is(noComment.status, 400);
  assert.equal(noComment.body.messages, ['判定コメントは必須です。']);
  assert.is((await put('takahashi', id, { action: 'remand', phase_number: 0 })).status, 400);
  assert.is((await put('takahashi', id, { action: 'reject', comment: '粗利率が基準未満のため' })).status, 200);
  assert.is(await status(id), 'reject');
  assert.is((await put('takahashi', id, { action: 'accept' })).status, 400);
});

test('remand to phase 0 returns the document to the applicant, who rerequests from phase 1', async () => {
  const id = await sim.fileEstimate();
  await put('takahashi', id, { action: 'accept' });
  assert.is((await put('nakamura', id, { action: 'remand', comment: '金額を見直してください', phase_number: 0 })).status, 200);
  assert.is(await status(id), 'remand');
  assert.is((await put('takahashi', id, { action: 'accept' })).status, 400); // nobody's turn but the applicant's
  const withComment = await put('yamada', id, { action: 'rerequest', comment: '直しました' });
  assert.is(withComment.status, 400); // rerequest takes no comment
  assert.is((await put('yamada', id, { action: 'rerequest', document: { fidAmount: 11_000_000 } })).status, 200);
  assert.is(await status(id), 'flow');
  const current = (await sim.api('yamada', 'GET', `/documents/${id}/determs?current=true`)).body.records ?? [];
  assert.equal(current.map((d) => [d.phase_number, d.determ_username, d.determ_status, d.current]), [[1, '高橋 健一', 'undeterm', true]]);
  const contents = (await sim.api('yamada', 'GET', `/documents/${id}/contents`)).body.contents as Record<string, { value: string }>;
  assert.is(contents.fidAmount?.value, '11000000');
});

test('remand to an earlier judge keeps the document in flow; remand forward is refused', async () => {
  const id = await sim.fileEstimate();
  assert.is((await put('takahashi', id, { action: 'remand', comment: '先へは戻せない', phase_number: 1 })).status, 400);
  await put('takahashi', id, { action: 'accept' });
  assert.is((await put('watanabe', id, { action: 'remand', comment: '事業部長に再確認', phase_number: 1 })).status, 200);
  assert.is(await status(id), 'flow');
  const current = (await sim.api('takahashi', 'GET', `/documents/${id}/determs?current=true`)).body.records ?? [];
  assert.equal(current.map((d) => d.determ_username), ['高橋 健一']);
});

test('takeback: only the applicant, with a reason, and it ends the document', async () => {
  const id = await sim.fileEstimate();
  assert.is((await put('takahashi', id, { action: 'takeback', comment: 'x' })).status, 403);
  assert.is((await put('yamada', id, { action: 'takeback' })).status, 400);
  assert.is((await put('yamada', id, { action: 'takeback', comment: '顧客の予算凍結のため', document: { fidAmount: 1 } })).status, 400);
  assert.is((await put('yamada', id, { action: 'takeback', comment: '顧客の予算凍結のため' })).status, 200);
  const summary = (await sim.api('yamada', 'GET', `/documents/${id}`)).body;
  assert.is(summary.flow_status, 'takeback');
  assert.match(String(summary.end_date), UTC);
  assert.is((await put('yamada', id, { action: 'rerequest' })).status, 400);
});

test('a decided document can be taken back only where the tenant policy allows it', async () => {
  const id = await sim.fileEstimate();
  await put('takahashi', id, { action: 'accept' });
  await put('watanabe', id, { action: 'accept' });
  assert.is((await put('yamada', id, { action: 'takeback', comment: '契約不成立' })).status, 400);
  assert.is((await sim.admin('PATCH', `/routes/${ESTIMATE}`, { takebackAfterDecision: true })).status, 200);
  try {
    assert.is((await put('yamada', id, { action: 'takeback', comment: '契約不成立' })).status, 200);
    assert.is(await status(id), 'takeback');
  } finally {
    await sim.admin('PATCH', `/routes/${ESTIMATE}`, { takebackAfterDecision: false });
  }
});

test('who may read: the applicant and the judges who got it; not a colleague, not a draft to a judge', async () => {
  const id = await sim.fileEstimate();
  assert.is((await sim.api('takahashi', 'GET', `/documents/${id}`)).status, 200);
  assert.is((await sim.api('sato', 'GET', `/documents/${id}`)).status, 403);
  assert.is((await sim.api('watanabe', 'GET', `/documents/${id}`)).status, 403); // not reached yet
  assert.is((await sim.api('kato', 'GET', `/documents/${id}`)).status, 200); // auditor
  const draft = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: {} });
  const denied = await sim.api('takahashi', 'GET', `/documents/${draft.body.document_id}`);
  assert.is(denied.status, 403);
  assert.equal(denied.body.messages, ['文書の閲覧権限がありません。']);
});

test('PUT also accepts application/x-www-form-urlencoded', async () => {
  const id = await sim.fileEstimate();
  const res = await fetch(`${sim.apiBase}/v1/documents/${id}?app_cd=1`, {
    method: 'PUT',
    headers: { 'x-collaboflow-authorization': apiKeyHeader('takahashi', API_KEY) },
    body: new URLSearchParams({ action: 'remand', comment: 'フォームから差し戻し', phase_number: '0' }),
  });
  assert.is(res.status, 200);
  assert.is(await status(id), 'remand');
});

test('a proxy application records both the applicant and the proxy', async () => {
  const created = await sim.api('sato', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, request_userid: 'suzuki', document: estimateValues });
  assert.is(created.status, 201);
  assert.is(created.body.request_username, '鈴木 一郎');
  assert.is(created.body.represent_username, '佐藤 花子');
});

test('contents read back as strings with labels; table rows carry index from 1', async () => {
  const id = await sim.fileEstimate();
  const contents = (await sim.api('yamada', 'GET', `/documents/${id}/contents`)).body.contents as Record<string, unknown>;
  assert.equal(contents.fidAmount, { type: 'money', value: '12000000', label: '12,000,000', display: true, writable: true });
  const rows = contents['明細'] as Record<string, { value: string } | number>[];
  assert.is(rows.length, 2);
  assert.is(rows[0]?.index, 1);
  assert.is((rows[1]?.fidItem as { value: string }).value, '設計・開発');
});

test('table updates: {} keeps a row, a missing row is deleted', async () => {
  const created = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: estimateValues });
  const id = Number(created.body.document_id);
  assert.is((await put('yamada', id, { action: 'draft', document: { 明細: [{}] } })).status, 200);
  const rows = (await sim.api('yamada', 'GET', `/documents/${id}/contents`)).body.contents as Record<string, { fidItem: { value: string } }[]>;
  assert.equal(rows['明細']?.map((r) => r.fidItem.value), ['要件定義']);
});

test.run();
