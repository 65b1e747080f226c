import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ESTIMATE, estimateValues, startReceiver, startTestSim, type Receiver, type TestSim } from './helpers.ts';

let sim: TestSim;
let receiver: Receiver;
test.before(async () => {
  sim = await startTestSim();
  receiver = await startReceiver();
  await sim.admin('PATCH', `/routes/${ESTIMATE}`, { webhooks: [receiver.url] });
});
test.after(async () => {
  await sim.stop();
  await receiver.close();
});

const pageUrl = (path: string) => `${sim.url}/_sim/${sim.instance}${path}`;
const getPage = async (path: string) => {
  const res = await fetch(pageUrl(path));
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
  return res.text();
};
const postForm = (id: number, fields: Record<string, string>) =>
  fetch(pageUrl(`/documents/${id}`), { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

test('an approver picks who they are and sees what waits for them', async () => {
  const id = await sim.fileEstimate({ ...estimateValues, fidProjectName: '<script>alert(1)</script>' });
  const inbox = await getPage('/?as=takahashi');
  assert.match(inbox, '高橋 健一 さんの承認待ち');
  assert.match(inbox, `/documents/${id}?as=takahashi`);
  const other = await getPage('/?as=watanabe');
  assert.not.match(other, `/documents/${id}?as=watanabe`);
  const detail = await getPage(`/documents/${id}?as=takahashi`);
  assert.match(detail, '承認</button>');
  assert.match(detail, '&lt;script&gt;'); // user text is escaped
  assert.not.match(detail, '<script>alert');
});

test('approving on the page moves the document on and fires the webhook', async () => {
  const id = await sim.fileEstimate();
  const res = await postForm(id, { as: 'takahashi', action: 'accept', comment: '問題ありません' });
  assert.is(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /msg=/);
  const determs = (await sim.api('yamada', 'GET', `/documents/${id}/determs`)).body.records ?? [];
  assert.equal([determs[0]?.determ_status, determs[0]?.comment], ['accept', '問題ありません']);
  const hooks = await receiver.waitFor(1);
  assert.ok(hooks.some((h) => h.document_id === id && h.action_type === 'accept'));
});

test('sending back without a comment is refused with the product message, then works with one', async () => {
  const id = await sim.fileEstimate();
  const refused = await postForm(id, { as: 'takahashi', action: 'remand', phase_number: '0' });
  assert.is(refused.status, 303);
  assert.match(decodeURIComponent(refused.headers.get('location') ?? ''), '判定コメントは必須です。');
  await postForm(id, { as: 'takahashi', action: 'remand', phase_number: '0', comment: '見積根拠を添付してください' });
  assert.is((await sim.api('yamada', 'GET', `/documents/${id}`)).body.flow_status, 'remand');
  const applicantView = await getPage(`/documents/${id}?as=yamada`);
  assert.match(applicantView, '再申請');
  assert.match(applicantView, '見積根拠を添付してください');
});

test('rejecting on the page ends the document', async () => {
  const id = await sim.fileEstimate();
  await postForm(id, { as: 'takahashi', action: 'reject', comment: '採算が合わない' });
  assert.is((await sim.api('yamada', 'GET', `/documents/${id}`)).body.flow_status, 'reject');
  const view = await getPage(`/documents/${id}?as=takahashi`);
  assert.match(view, '却下');
  assert.not.match(view, '承認</button>');
});

test.run();
