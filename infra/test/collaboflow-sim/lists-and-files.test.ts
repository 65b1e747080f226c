import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { apiKeyHeader } from '../../src/collaboflow-sim/index.ts';
import { API_KEY, ESTIMATE, estimateValues, startTestSim, type TestSim } from './helpers.ts';

let sim: TestSim;
test.before(async () => {
  sim = await startTestSim();
});
test.after(async () => {
  await sim.stop();
});

test('mydrafts, myrequests and mydeterms page with offset, limit and total_count', async () => {
  for (let i = 0; i < 3; i++) {
    await sim.api('sato', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, title: `下書き${i}`, action: 'draft', document: {} });
  }
  for (let i = 0; i < 12; i++) await sim.api('sato', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, title: `申請${i}`, document: estimateValues });

  const drafts = (await sim.api('sato', 'GET', '/mydrafts?offset=1&limit=2')).body;
  assert.is(drafts.total_count, 3);
  assert.is(drafts.offset, 1);
  assert.is(drafts.limit, 2);
  assert.equal(drafts.records?.map((r) => r.title), ['下書き1', '下書き0']); // newest first
  assert.equal((drafts.records?.[0] as { create_user: { loginid: string } }).create_user.loginid, 'sato');
  assert.equal(drafts.records?.[0]?.represent_user, {});

  const firstPage = (await sim.api('sato', 'GET', '/myrequests')).body;
  assert.is(firstPage.limit, 10); // the product's default
  assert.is(firstPage.total_count, 12);
  assert.is(firstPage.records?.length, 10);
  const secondPage = (await sim.api('sato', 'GET', '/myrequests?offset=10&limit=10')).body;
  assert.is(secondPage.records?.length, 2);
  assert.is(secondPage.decision_count, 0);
  assert.is(secondPage.records?.[0]?.flow_status, 'flow');

  const waiting = (await sim.api('takahashi', 'GET', '/mydeterms?limit=500')).body;
  assert.ok(Number(waiting.total_count) >= 12);
  assert.is((await sim.api('watanabe', 'GET', '/mydeterms')).body.total_count, 0);
});

test('paging parameters out of range are 400', async () => {
  assert.is((await sim.api('sato', 'GET', '/mydrafts?limit=501')).status, 400);
  assert.is((await sim.api('sato', 'GET', '/mydrafts?offset=-1')).status, 400);
});

test('myprocesses lists the seeded routes, one per SSS ringi type', async () => {
  const routes = (await sim.api('yamada', 'GET', '/myprocesses')).body;
  assert.is(routes.limit, 100);
  assert.equal(routes.records?.map((r) => r.title), ['見積稟議', '提案稟議', '受注稟議', '先行着手稟議', '売上実績・請求チェック']);
});

test('directory: users, groups, forms and parts for the admin only', async () => {
  assert.is((await sim.api('yamada', 'GET', '/users')).status, 403);
  const users = (await sim.api('kato', 'GET', '/users?limit=100')).body;
  assert.ok(users.records?.some((u) => u.loginid === 'kobayashi' && u.title === '営管室長'));
  assert.match(String(users.records?.[0]?.id), /^[0-9A-F]{32}$/);
  assert.is((await sim.api('kato', 'GET', '/groups')).body.total_count, 4);
  const forms = (await sim.api('kato', 'GET', '/forms')).body;
  assert.is(forms.total_count, 5);
  const parts = (await sim.api('kato', 'GET', '/forms/1/versions/latest/parts')).body as { parts: Record<string, { name: string; required: boolean }>; tables: { title: string }[] };
  assert.equal(parts.parts.fidSssKey?.name, 'SSS連携キー');
  assert.is(parts.parts.fidProjectNo?.required, true);
  assert.equal(parts.tables.map((t) => t.title), ['明細']);
  assert.is((await sim.api('kato', 'GET', '/forms/99/versions/latest/parts')).status, 404);
});

test('files: multipart `file` upload gives a 44-character id that downloads the same bytes and attaches', async () => {
  const form = new FormData();
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  form.append('file', new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '収支管理表.xlsx');
  const up = await fetch(`${sim.apiBase}/v1/files`, { method: 'POST', headers: { 'x-collaboflow-authorization': apiKeyHeader('yamada', API_KEY) }, body: form });
  assert.is(up.status, 201);
  const fileId = ((await up.json()) as { id: string }).id;
  assert.is(fileId.length, 44);

  const down = await fetch(`${sim.apiBase}/v1/files/${fileId}/download`, { headers: { 'x-collaboflow-authorization': apiKeyHeader('yamada', API_KEY) } });
  assert.is(down.status, 200);
  assert.equal(new Uint8Array(await down.arrayBuffer()), bytes);
  assert.match(down.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E5%8F%8E/);

  const id = await sim.fileEstimate({ ...estimateValues, fidAttachment1: fileId });
  const contents = (await sim.api('yamada', 'GET', `/documents/${id}/contents`)).body.contents as Record<string, { label: string; link: string }>;
  assert.is(contents.fidAttachment1?.label, '収支管理表.xlsx');
  assert.match(contents.fidAttachment1?.link ?? '', /\/files\/.+\/download$/);

  const twice = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: { fidAttachment1: fileId, fidAttachment2: fileId } });
  assert.is(twice.status, 400);
  const unknown = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: { fidAttachment1: 'nope' } });
  assert.is(unknown.status, 400);
});

test('an upload without the `file` field is 400; an unknown file is 404', async () => {
  const form = new FormData();
  form.append('other', 'x');
  const up = await fetch(`${sim.apiBase}/v1/files`, { method: 'POST', headers: { 'x-collaboflow-authorization': apiKeyHeader('yamada', API_KEY) }, body: form });
  assert.is(up.status, 400);
  assert.is((await sim.api('yamada', 'GET', '/files/unknown/download')).status, 404);
});

test.run();
