import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { apiKeyHeader } from '../../src/collaboflow-sim/index.ts';
import { API_KEY, ESTIMATE, estimateValues, startTestSim } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'collaboflow-sim-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('with a state file, documents, files, numbering and webhook settings survive a restart', async () => {
  const stateFile = join(dir, 'state.json');
  const first = await startTestSim({ stateFile });
  const form = new FormData();
  form.append('file', new Blob(['見積書'], { type: 'text/plain' }), '見積書.txt');
  const upload = await fetch(`${first.apiBase}/v1/files`, { method: 'POST', headers: { 'x-collaboflow-authorization': apiKeyHeader('yamada', API_KEY) }, body: form });
  const fileId = ((await upload.json()) as { id: string }).id;
  const id = await first.fileEstimate({ ...estimateValues, fidAttachment2: fileId });
  await first.api('takahashi', 'PUT', `/documents/${id}`, { action: 'accept', comment: '承認' });
  await first.admin('PATCH', `/routes/${ESTIMATE}`, { webhooks: ['http://127.0.0.1:9/hook'] });
  const number = (await first.api('yamada', 'GET', `/documents/${id}`)).body.document_number as string;
  await first.stop();

  const second = await startTestSim({ stateFile });
  try {
    const summary = (await second.api('yamada', 'GET', `/documents/${id}`)).body;
    assert.is(summary.flow_status, 'flow');
    assert.is(summary.document_number, number);
    const determs = (await second.api('yamada', 'GET', `/documents/${id}/determs`)).body.records ?? [];
    assert.is(determs[0]?.comment, '承認');
    const file = await fetch(`${second.apiBase}/v1/files/${fileId}/download`, { headers: { 'x-collaboflow-authorization': apiKeyHeader('yamada', API_KEY) } });
    assert.is(await file.text(), '見積書');
    const routes = (await second.admin('GET', '/state')).body.routes as { id: number; webhooks: string[] }[];
    assert.equal(routes.find((r) => r.id === ESTIMATE)?.webhooks, ['http://127.0.0.1:9/hook']);
    await second.admin('PATCH', `/routes/${ESTIMATE}`, { webhooks: [] });
    const next = await second.fileEstimate();
    assert.is(next, id + 1);
    const nextNumber = (await second.api('yamada', 'GET', `/documents/${next}`)).body.document_number as string;
    assert.is(Number(nextNumber.slice(-6)), Number(number.slice(-6)) + 1);
  } finally {
    await second.stop();
  }
});

test.run();
