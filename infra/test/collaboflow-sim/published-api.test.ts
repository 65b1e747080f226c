import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { apiKeyHeader } from '../../src/collaboflow-sim/index.ts';
import { extraUserLogin } from '../../src/collaboflow-sim/tenant-shape.ts';
import { API_KEY, ESTIMATE, startTestSim, type TestSim } from './helpers.ts';
import { mismatches, PUBLISHED, type Shape } from './published-api-schema.ts';

/**
 * The simulator's answers to every call SSS makes, held to the shapes the published API defines,
 * on a tenant whose part ids are not SSS's defaults and whose route has twelve approvers.
 */

const JUDGES = Array.from({ length: 12 }, (_, i) => extraUserLogin(i + 1));
let sim: TestSim;
test.before(async () => {
  sim = await startTestSim({
    shape: {
      partIds: { fidSssKey: 'fid_sss_ref', fidProjectNo: 'fid_anken_no', fidAmount: 'fid_kingaku', fidAttachment1: 'fid_tenpu1' },
      extraUsers: JUDGES.length,
      phases: { [ESTIMATE]: JUDGES.map((j, i) => ({ title: `第${i + 1}承認`, judges: [j] })) },
    },
  });
});
test.after(async () => {
  await sim.stop();
});

const conforms = (shape: Shape, body: unknown) => assert.equal(mismatches(shape, body), [], JSON.stringify(body).slice(0, 300));

test('the shape checker itself notices a wrong type, a missing field and a file name where an id belongs', () => {
  assert.equal(mismatches(PUBLISHED.postFile, { error: false, id: 'a.xlsx' }), ['$.id: expected file id, got "a.xlsx"', '$.filename: missing']);
  assert.equal(mismatches({ n: 'integer' }, { n: '1' }), ['$.n: expected integer, got "1"']);
});

test('filing with tenant part ids, a 12-approver route: every answer has the published shape', async () => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'application/pdf' }), '見積書.pdf');
  const up = await fetch(`${sim.apiBase}/v1/files`, { method: 'POST', headers: { 'x-collaboflow-authorization': apiKeyHeader('yamada', API_KEY) }, body: form });
  assert.is(up.status, 201);
  const file = (await up.json()) as { id: string; filename: string };
  conforms(PUBLISHED.postFile, file);
  assert.is(file.filename, '見積書.pdf');

  const document = { fid_sss_ref: 'key-1', fid_anken_no: 'P-1', fidProjectName: '案件', fidCustomer: '顧客', fid_kingaku: 1000, fid_tenpu1: file.id };
  const refused = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: { fidSssKey: 'x' } });
  assert.is(refused.status, 400, 'a part id the tenant does not have is refused');
  const long = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', title: 'あ'.repeat(101), document });
  assert.is(long.status, 400, 'titles over 100 characters are refused');

  const created = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', title: 'あ'.repeat(100), document });
  assert.is(created.status, 201);
  conforms(PUBLISHED.postDocument, created.body);
  const id = Number(created.body.document_id);
  conforms(PUBLISHED.myDrafts, (await sim.api('yamada', 'GET', '/mydrafts')).body);

  const put = await fetch(`${sim.apiBase}/v1/documents/${id}?app_cd=1`, {
    method: 'PUT',
    headers: { 'x-collaboflow-authorization': apiKeyHeader('yamada', API_KEY), 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'request' }),
  });
  assert.is(put.status, 200);
  assert.is(await put.text(), '', 'PUT documents no body');

  conforms(PUBLISHED.documentOverview, (await sim.api('yamada', 'GET', `/documents/${id}`)).body);
  conforms(PUBLISHED.myRequests, (await sim.api('yamada', 'GET', '/myrequests')).body);
  conforms(PUBLISHED.myProcesses, (await sim.api('yamada', 'GET', '/myprocesses')).body);

  const firstPage = (await sim.api('yamada', 'GET', `/documents/${id}/determs`)).body;
  conforms(PUBLISHED.determs, firstPage);
  assert.equal([firstPage.limit, firstPage.total_count, firstPage.records?.length], [10, 12, 10], 'determs pages by 10 by default');
  const rest = (await sim.api('yamada', 'GET', `/documents/${id}/determs?offset=10&limit=10`)).body;
  assert.equal(rest.records?.map((r) => r.phase_number), [11, 12]);

  const contents = (await sim.api('yamada', 'GET', `/documents/${id}/contents`)).body;
  conforms(PUBLISHED.contents, contents);
  assert.equal([contents.processes_id, contents.flow_status], [ESTIMATE, 'flow']);
  const parts = contents.contents as Record<string, { value: string; label: string }>;
  conforms(PUBLISHED.attachmentPart, parts.fid_tenpu1);
  assert.equal([parts.fid_tenpu1?.value, parts.fid_tenpu1?.label], [file.id, '見積書.pdf']);
  assert.is(parts.fid_sss_ref?.value, 'key-1');

  const definition = (await sim.api('kato', 'GET', '/forms/1/versions/latest/parts')).body;
  conforms(PUBLISHED.formParts, definition);
  const defs = definition.parts as Record<string, unknown>;
  conforms(PUBLISHED.partDefinition, defs.fid_kingaku);
  assert.not.ok('fidAmount' in defs);
});

test.run();
