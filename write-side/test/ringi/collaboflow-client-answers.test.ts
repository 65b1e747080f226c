/**
 * The client against answers the published API allows but the happy path rarely shows: PUT with
 * no body, long approver lists over several pages, titles over 100 characters, oversized files,
 * form-encoded webhooks. A scripted HTTP server stands in for CollaboFlow, so each answer is exact.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { WorkflowError } from '@sss/contracts/ports/workflow';
import { CollaboflowClient, MAX_UPLOAD_BYTES, parseCollaboflowWebhook } from '../../src/ringi/collaboflow-client.ts';

type Handler = (url: URL, body: string) => { status: number; body: string };
interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly body: string;
}

let server: Server;
let origin = '';
let handle: Handler = () => ({ status: 404, body: '' });
const seen: Seen[] = [];

test.before(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push({ method: req.method ?? '', url, body });
      const answer = handle(url, body);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.after(() => void server.close());
test.before.each(() => void (seen.length = 0));

const client = () =>
  new CollaboflowClient({ baseUrl: origin, instance: 'acme', apiKey: 'k', appCd: 7, retry: { attempts: 1 }, retryDeps: { sleep: async () => {}, random: () => 0 } });
const json = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });
const summary = (status: string) => json({ error: false, document_id: 5, document_number: 'R-1', link: 'l', processes_id: 101, title: 't', flow_status: status, request_date: '', end_date: '' });

test('a PUT answered 200 with no body, or with text, is success; a GET answered with text is not', async () => {
  for (const answer of ['', 'OK']) {
    handle = (url) => (url.pathname.endsWith('/documents/5') && seen.at(-1)?.method === 'PUT' ? { status: 200, body: answer } : summary('draft'));
    await client().request('u', 5);
    await client().withdraw('u', 5, '不要になりました');
  }
  assert.ok(seen.every((s) => s.url.searchParams.get('app_cd') === '7'), 'the configured app_cd is sent');
  handle = () => ({ status: 200, body: 'OK' });
  try {
    await client().getSummary('u', 5);
    assert.unreachable();
  } catch (error) {
    assert.is((error as WorkflowError).code, 'protocol');
  }
});

test('approvers are read to the last page: a 25-approver route gives 25 steps', async () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ phase_number: i + 1, phase_title: `第${i + 1}承認`, determ_usercd: `U${i}`, determ_username: `判定者${i}`, determ_status: i < 24 ? 'accept' : 'undeterm', comment: '', determ_date: '', current: i === 24 }));
  handle = (url) => {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    return json({ error: false, offset, limit, total_count: rows.length, records: rows.slice(offset, offset + limit) });
  };
  const steps = await client().getApprovals('u', 5);
  assert.is(steps.length, 25);
  assert.equal(steps.at(-1)?.current, true);
  assert.equal(steps.at(-1)?.status, 'waiting');
});

test('a title built from a 120-character project name is filed shortened to 100 characters', async () => {
  handle = (url) => (url.pathname.endsWith('/documents') ? json({ error: false, document_id: 5, document_number: '', link: 'l' }, 201) : summary('draft'));
  const title = `見積稟議 P-2026-0001 ${'あ'.repeat(120)}`;
  await client().createDraft({ actAs: 'u', routeId: 101, title, values: {}, correlationKey: 'k1' });
  const posted = JSON.parse(seen.find((s) => s.method === 'POST')!.body) as { title: string; app_cd: number };
  assert.is(posted.title.length, 100);
  assert.is(posted.app_cd, 7);
});

test('a file over 30 MB is refused before any upload, with a reason a person can act on', async () => {
  try {
    await client().uploadFile('u', { fileName: '収支管理表.xlsx', contentType: 'application/octet-stream', data: new Uint8Array(MAX_UPLOAD_BYTES + 1) });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, WorkflowError);
    assert.is((error as WorkflowError).retryable, false);
    assert.match((error as WorkflowError).message, /30 MB/);
  }
  assert.is(seen.length, 0);
});

test('routes and form parts are read for the setup check, tables included', async () => {
  handle = (url) =>
    url.pathname.endsWith('/myprocesses')
      ? json({ error: false, offset: 0, limit: 100, total_count: 1, records: [{ id: 101, title: '見積稟議', form: { id: 1, name: '見積稟議書' } }] })
      : json({ error: false, parts: { fid_key: { name: 'キー', type: 'text', required: false } }, tables: [{ title: '明細', parts: { fid_item: { name: '項目', type: 'text', required: true } } }] });
  assert.equal(await client().listRoutes('admin'), [{ routeId: 101, title: '見積稟議', formId: 1, formName: '見積稟議書' }]);
  assert.equal(await client().getFormParts('admin', 1), [
    { partId: 'fid_key', name: 'キー', type: 'text', required: false, table: null },
    { partId: 'fid_item', name: '項目', type: 'text', required: true, table: '明細' },
  ]);
});

test('a webhook reads the same as JSON, as a form of fields, or as a form carrying the JSON', () => {
  const payload = { id: 'n1', flow_status: 'decision', action_type: 'end', process_id: 101, document_id: 5, document_number: 'R-1', document_title: 't', request_date: '', end_date: '2026-11-30T01:00:00Z', contents: { fid_ref: { type: 'text', value: 'ringi-1' } } };
  const asJson = parseCollaboflowWebhook(payload, 'fid_ref');
  const fields = Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]));
  assert.equal(parseCollaboflowWebhook(fields, 'fid_ref'), asJson);
  assert.equal(parseCollaboflowWebhook({ payload: JSON.stringify(payload) }, 'fid_ref'), asJson);
  assert.is(asJson.correlationKey, 'ringi-1');
});

test.run();
