/**
 * The CollaboFlow client over real HTTP against the CollaboFlow simulator.
 *
 * With COLLABOFLOW_URL set (the simulator's origin, as `npm test` exports it) the test uses that
 * simulator; otherwise it starts one as a child process through its CLI. Either way it works in a
 * private tenant (`POST /_sim/tenants`), so faults it injects touch nobody else. The write side never
 * imports infra: the simulator is reached over HTTP only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WorkflowError, type DraftRequest } from '@sss/contracts/ports/workflow';
import { CollaboflowClient, parseCollaboflowWebhook, splitCollaboflowUrl } from '../../src/ringi/collaboflow-client.ts';
import type { RetryDeps } from '../../src/ringi/collaboflow-retry.ts';

const ESTIMATE_ROUTE = 101; // the simulator's seeded 見積稟議 route
const ORDER_ROUTE = 103;

let origin = '';
let child: ChildProcess | undefined;
let instance = '';
let apiKey = '';

async function startSimulatorProcess(): Promise<string> {
  const cli = fileURLToPath(new URL('../../../infra/src/collaboflow-sim/cli.ts', import.meta.url));
  child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) return (JSON.parse(line) as { url: string }).url;
  throw new Error('the simulator exited before printing its address');
}

test.before(async () => {
  origin = process.env.COLLABOFLOW_URL ? new URL(process.env.COLLABOFLOW_URL).origin : await startSimulatorProcess();
  const res = await fetch(`${origin}/_sim/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.is(res.status, 201, 'the simulator creates a private tenant');
  ({ instance, apiKey } = (await res.json()) as { instance: string; apiKey: string });
});

test.after(async () => {
  await fetch(`${origin}/_sim/tenants/${instance}`, { method: 'DELETE' }).catch(() => undefined);
  child?.kill('SIGTERM');
});

test.before.each(async () => {
  await simAdmin('DELETE', '/faults');
});

/** Retry deps that record the backoff instead of waiting it out, so the tests stay fast. */
function recordingDeps(): RetryDeps & { delays: number[] } {
  const delays: number[] = [];
  return { delays, random: () => 0.5, sleep: async (ms) => void delays.push(ms) };
}

function client(options: { timeoutMs?: number; apiKey?: string; deps?: RetryDeps } = {}) {
  return new CollaboflowClient({
    baseUrl: origin,
    instance,
    apiKey: options.apiKey ?? apiKey,
    timeoutMs: options.timeoutMs ?? 5000,
    retry: { attempts: 4, baseDelayMs: 50, maxDelayMs: 400 },
    retryDeps: options.deps ?? recordingDeps(),
  });
}

async function simAdmin(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${origin}/_sim/${instance}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

/** An approver decides in the simulator, as they would in CollaboFlow's own screens. */
async function decide(login: string, documentId: number, body: Record<string, unknown>): Promise<number> {
  const res = await fetch(`${origin}/${instance}/api/index.cfm/v1/documents/${documentId}?app_cd=1`, {
    method: 'PUT',
    headers: {
      'x-collaboflow-authorization': `Basic ${Buffer.from(`${login}/apikey:${apiKey}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return res.status;
}

/** Documents on the simulator carrying this correlation key: "exactly one" is the point. */
async function documentsWithKey(key: string): Promise<{ document_id: number; flow_status: string }[]> {
  const state = await simAdmin('GET', '/state');
  return (state.documents as { document_id: number; flow_status: string; values: Record<string, unknown> }[]).filter((d) => d.values.fidSssKey === key);
}

let keys = 0;
function estimate(overrides: Partial<DraftRequest> = {}): DraftRequest {
  keys += 1;
  return {
    actAs: 'yamada',
    routeId: ESTIMATE_ROUTE,
    title: '見積稟議 物流管理システム保守',
    correlationKey: `ringi-${Date.now()}-${keys}`,
    values: {
      fidProjectNo: 'P-2026-0107',
      fidProjectName: '物流管理システム保守',
      fidCustomer: '東和運輸株式会社',
      fidAmount: 3_600_000,
      fidPeriodFrom: '2027-01-01',
      fidPeriodTo: '2027-06-30',
      明細: [{ fidItem: '保守運用', fidQty: 6, fidUnitPrice: 600_000, fidLineAmount: 3_600_000 }],
    },
    ...overrides,
  };
}

test('submit files a draft and requests it; approvals on the simulator end in decision', async () => {
  const cf = client();
  const filed = await cf.submit(estimate());
  assert.match(filed.documentNumber, /^RINGI\d{4}-\d{6}$/);
  assert.ok(filed.link.includes(`/documents/${filed.documentId}`));

  const inFlow = await cf.getSummary('yamada', filed.documentId);
  assert.is(inFlow.status, 'flow');
  assert.is(inFlow.applicantName, '山田 太郎');
  assert.is(inFlow.routeId, ESTIMATE_ROUTE);
  assert.is(inFlow.endedAt, null);
  assert.ok(inFlow.requestedAt?.endsWith('Z'));
  const waiting = await cf.getApprovals('yamada', filed.documentId);
  assert.equal(
    waiting.map((s) => [s.phase, s.approverName, s.status, s.current]),
    [
      [1, '高橋 健一', 'waiting', true],
      [2, '渡辺 美咲', 'scheduled', false],
      [2, '中村 由美', 'scheduled', false],
    ],
  );

  assert.is(await decide('takahashi', filed.documentId, { action: 'accept', comment: '妥当な見積です' }), 200);
  assert.is(await decide('watanabe', filed.documentId, { action: 'accept' }), 200);

  const decided = await cf.getSummary('yamada', filed.documentId);
  assert.is(decided.status, 'decision');
  assert.ok(decided.endedAt?.endsWith('Z'));
  const steps = await cf.getApprovals('yamada', filed.documentId);
  assert.equal(steps[0]?.comment, '妥当な見積です');
  assert.equal(steps.map((s) => s.status), ['accept', 'accept', 'skip']);
});

test('reads retry on injected 5xx with growing, jittered delays', async () => {
  const cf = client();
  const { documentId } = await cf.submit(estimate());
  await simAdmin('PUT', '/faults', { http: [{ method: 'GET', path: `/documents/${documentId}`, times: 3, status: 503 }] });
  const deps = recordingDeps();
  const summary = await client({ deps }).getSummary('yamada', documentId);
  assert.is(summary.status, 'flow');
  assert.equal(deps.delays, [38, 75, 150]); // 50·2^n, half fixed + half random (0.5)
});

test('when the outage outlasts the retries, the error is retryable and carries the vendor message', async () => {
  await simAdmin('PUT', '/faults', { http: [{ method: 'GET', path: '/mydrafts', times: 10, status: 500 }] });
  const deps = recordingDeps();
  try {
    await client({ deps }).listMyDrafts('yamada');
    assert.unreachable('should have failed');
  } catch (error) {
    assert.instance(error, WorkflowError);
    const e = error as WorkflowError;
    assert.is(e.code, 'unavailable');
    assert.is(e.retryable, true);
    assert.is(e.httpStatus, 500);
    assert.equal(e.vendorMessages, ['シミュレーターが注入した障害です。']);
    assert.is(deps.delays.length, 3); // 4 attempts in all
  }
});

test('4xx answers are never retried and keep the vendor messages', async () => {
  const deps = recordingDeps();
  const cf = client({ deps });
  const invalid = await cf.submit(estimate({ values: { fidProjectNo: 'P-2026-0999' } })).catch((e: unknown) => e);
  assert.instance(invalid, WorkflowError);
  assert.is((invalid as WorkflowError).code, 'invalid');
  assert.is((invalid as WorkflowError).retryable, false);
  assert.ok((invalid as WorkflowError).vendorMessages.includes('「案件名」は必須項目です。'));

  const { documentId } = await cf.submit(estimate());
  const forbidden = await cf.getSummary('sato', documentId).catch((e: unknown) => e);
  assert.is((forbidden as WorkflowError).code, 'forbidden');
  assert.equal((forbidden as WorkflowError).vendorMessages, ['文書の閲覧権限がありません。']);

  const missing = await cf.getSummary('yamada', 987654).catch((e: unknown) => e);
  assert.is((missing as WorkflowError).code, 'not_found');
  assert.equal(deps.delays, []);
});

test('submitting again after a refused request reuses the draft left behind', async () => {
  const cf = client();
  const complete = estimate();
  const refused = await cf.submit({ ...complete, values: { fidProjectNo: 'P-2026-0107' } }).catch((e: unknown) => e);
  assert.is((refused as WorkflowError).code, 'invalid');
  assert.equal((await documentsWithKey(complete.correlationKey)).map((d) => d.flow_status), ['draft']);
  const filed = await cf.submit(complete);
  const docs = await documentsWithKey(complete.correlationKey);
  assert.equal(docs.map((d) => [d.document_id, d.flow_status]), [[filed.documentId, 'flow']]);
});

test('wrong credentials are unauthorized, not retried', async () => {
  const deps = recordingDeps();
  const error = await client({ apiKey: 'wrong', deps }).listMyRequests('yamada').catch((e: unknown) => e);
  assert.is((error as WorkflowError).code, 'unauthorized');
  assert.equal((error as WorkflowError).vendorMessages, ['不明なユーザーによるアクセスです。']);
  assert.equal(deps.delays, []);
});

test('a POST whose answer is lost (timeout after the draft was saved) still files exactly one document', async () => {
  // Generous margins (1 s timeout, 3 s held answer) so a busy test machine cannot time out a normal call.
  await simAdmin('PUT', '/faults', { http: [{ method: 'POST', path: '/documents', times: 1, delayMs: 3000, when: 'after' }] });
  const request = estimate();
  const deps = recordingDeps();
  const filed = await client({ timeoutMs: 1000, deps }).submit(request);
  assert.ok(deps.delays.length >= 1); // it did time out, and the retry found the draft
  const docs = await documentsWithKey(request.correlationKey);
  assert.equal(docs.map((d) => [d.document_id, d.flow_status]), [[filed.documentId, 'flow']]);
});

test('a request whose answer is lost is confirmed by reading the document, not repeated', async () => {
  await simAdmin('PUT', '/faults', { http: [{ method: 'PUT', path: '/documents/', times: 1, delayMs: 3000, when: 'after' }] });
  const request = estimate();
  const deps = recordingDeps();
  const filed = await client({ timeoutMs: 1000, deps }).submit(request);
  assert.ok(deps.delays.length >= 1);
  assert.match(filed.documentNumber, /^RINGI/);
  const docs = await documentsWithKey(request.correlationKey);
  assert.equal(docs.map((d) => d.flow_status), ['flow']);
});

test('a 5xx before the draft was saved is retried and files one document', async () => {
  await simAdmin('PUT', '/faults', { http: [{ method: 'POST', path: '/documents', times: 2, status: 502 }] });
  const request = estimate();
  await client().submit(request);
  assert.is((await documentsWithKey(request.correlationKey)).length, 1);
});

test('drafts are found by correlation key and route only', async () => {
  const cf = client();
  const request = estimate({ actAs: 'suzuki' });
  const draft = await cf.createDraft(request);
  assert.is(draft.documentNumber, ''); // numbers are issued on request
  assert.is((await cf.findDraftByCorrelationKey('suzuki', ESTIMATE_ROUTE, request.correlationKey))?.documentId, draft.documentId);
  assert.is(await cf.findDraftByCorrelationKey('suzuki', ORDER_ROUTE, request.correlationKey), null);
  assert.is(await cf.findDraftByCorrelationKey('suzuki', ESTIMATE_ROUTE, 'another-key'), null);
  assert.is(await cf.findDraftByCorrelationKey('sato', ESTIMATE_ROUTE, request.correlationKey), null);
  await cf.request('suzuki', draft.documentId);
  await cf.request('suzuki', draft.documentId).catch(() => undefined); // a repeat is refused by the product, never a second filing
  assert.is((await documentsWithKey(request.correlationKey)).length, 1);
});

test('uploaded files are attached to the parts named', async () => {
  const cf = client();
  const fileId = await cf.uploadFile('yamada', {
    fileName: '収支管理表_P-2026-0107.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: new Uint8Array([0x50, 0x4b, 3, 4]),
  });
  assert.is(fileId.length, 44);
  const request = estimate({ attachments: [{ partId: 'fidAttachment1', fileId }] });
  await cf.submit(request);
  const mine = ((await simAdmin('GET', '/state')).documents as { values: Record<string, unknown> }[]).filter((d) => d.values.fidSssKey === request.correlationKey);
  assert.is(mine[0]?.values.fidAttachment1, fileId);
});

test('my drafts and my requests page through the lists', async () => {
  const cf = client();
  for (let i = 0; i < 3; i++) await cf.createDraft(estimate({ actAs: 'ito', title: `提案稟議 下書き${i}`, routeId: 102 }));
  const page = await cf.listMyDrafts('ito', { offset: 1, limit: 1 });
  assert.is(page.total, 3);
  assert.is(page.items.length, 1);
  assert.is(page.items[0]?.title, '提案稟議 下書き1');
  const requests = await cf.listMyRequests('yamada', { limit: 2 });
  assert.is(requests.limit, 2);
  assert.ok(requests.total >= 4);
  assert.ok(requests.items.every((r) => r.status === 'flow' || r.status === 'decision'));
});

test('withdraw takes a document back with a reason', async () => {
  const cf = client();
  const { documentId } = await cf.submit(estimate());
  await cf.withdraw('yamada', documentId, '顧客都合により案件中止');
  assert.is((await cf.getSummary('yamada', documentId)).status, 'takeback');
});

test('route webhooks read as our notifications, carrying our correlation key', async () => {
  const bodies: unknown[] = [];
  const receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      bodies.push(JSON.parse(text));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await simAdmin('PATCH', `/routes/${ORDER_ROUTE}`, { webhooks: [url] });
    const request = estimate({ routeId: ORDER_ROUTE, title: '受注稟議 物流管理システム保守' });
    const filed = await client().submit(request);
    await decide('takahashi', filed.documentId, { action: 'accept' });
    await decide('watanabe', filed.documentId, { action: 'accept' });
    await simAdmin('GET', '/webhooks'); // answers once every delivery was attempted
    const notes = bodies.map((b) => parseCollaboflowWebhook(b));
    assert.equal(notes.map((n) => [n.action, n.status]), [
      ['request', 'flow'],
      ['accept', 'flow'],
      ['accept', 'decision'],
      ['end', 'decision'],
    ]);
    const end = notes[3]!;
    assert.is(end.documentId, filed.documentId);
    assert.is(end.routeId, ORDER_ROUTE);
    assert.is(end.documentNumber, filed.documentNumber);
    assert.is(end.correlationKey, request.correlationKey);
    assert.ok(end.endedAt?.endsWith('Z'));
    assert.is(new Set(notes.map((n) => n.notificationId)).size, 4);
  } finally {
    receiver.close();
  }
});

test('a configured API address splits into base URL and instance', () => {
  assert.equal(splitCollaboflowUrl('https://cloud.collaboflow.com/example/api/index.cfm'), { baseUrl: 'https://cloud.collaboflow.com', instance: 'example' });
  assert.equal(splitCollaboflowUrl('http://127.0.0.1:8090/sss'), { baseUrl: 'http://127.0.0.1:8090', instance: 'sss' });
  assert.equal(splitCollaboflowUrl('http://intra.example.co.jp/wf/collaboflow/api/index.cfm/'), { baseUrl: 'http://intra.example.co.jp/wf', instance: 'collaboflow' });
  assert.throws(() => splitCollaboflowUrl('https://cloud.collaboflow.com/'));
});

test('malformed webhook bodies are refused as invalid', () => {
  for (const body of [null, [], 'text', {}, { id: 'x', document_id: 1, process_id: 1, flow_status: 'weird' }]) {
    try {
      parseCollaboflowWebhook(body);
      assert.unreachable(JSON.stringify(body));
    } catch (error) {
      assert.instance(error, WorkflowError);
      assert.is((error as WorkflowError).code, 'invalid');
    }
  }
});

test.run();
