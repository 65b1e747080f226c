import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { handleCommand } from '@sss/write-side/kernel/command-handler';
import { userDecider } from '@sss/write-side/user/decider';
import { extraUserLogin } from '../../src/collaboflow-sim/tenant-shape.ts';
import type { RingiWorld } from '../support/ringi.ts';
import { decide, documentIdOf, newProject, outcomeOf, request, ringiEvents, simDocuments, startRingiWorld, userIdOf, waitFor } from '../support/ringi.ts';
import { DEMO } from '../support/sss.ts';

/**
 * A tenant that is not SSS's default: its form designer chose other part ids and types, and the
 * 見積稟議 route has twelve approvers. SSS files with the configured mapping, follows the long route
 * to the end; a tenant whose form lacks a mapped part gets nothing filed, with the check's report.
 */
const test = suite<{ world: RingiWorld; broken: RingiWorld; sato: string }>('ringi on a tenant with its own part ids');

const JUDGES = Array.from({ length: 12 }, (_, i) => extraUserLogin(i + 1));
const project = { projectNumber: 'fid_anken_no', amount: { partId: 'fid_kingaku', type: 'number' } };
const MAPPING = {
  keyPartId: 'fid_sss_ref',
  kinds: {
    estimate: { parts: { ...project, balanceSheet: 'fid_tenpu_shushi' } },
    proposal: { parts: project },
    order: { parts: project },
    early_start: { parts: project },
    sales_check: { parts: { projectNumber: 'fid_anken_no', salesAmount: 'fid_uriage' } },
  },
};
const SHAPE = {
  partIds: { fidSssKey: 'fid_sss_ref', fidProjectNo: 'fid_anken_no', fidAmount: 'fid_kingaku', fidAttachment1: 'fid_tenpu_shushi', fidSalesAmount: 'fid_uriage' },
  partTypes: { fidAmount: 'number' as const },
  extraUsers: JUDGES.length,
  phases: { '101': JUDGES.map((j, i) => ({ title: `第${i + 1}承認`, judges: [j] })) },
};

test.before(async (context) => {
  context.world = await startRingiWorld({ COLLABOFLOW_FORM_MAPPING: JSON.stringify(MAPPING), COLLABOFLOW_ADMIN_LOGIN: 'kato' }, SHAPE);
  context.broken = await startRingiWorld({ COLLABOFLOW_ADMIN_LOGIN: 'kato' }, { dropParts: ['fidCustomer'] });
  context.sato = await userIdOf(context.world.sss, DEMO.sales);
});
test.after(async ({ world, broken }) => {
  await world.stop();
  await broken.stop();
});

test('見積稟議 with a 120-character project name, filed under the tenant’s part ids, approved by the 12th approver', async ({ world, sato }) => {
  const name = `次期基幹システム刷新プロジェクト${'要件定義・設計・開発支援'.repeat(9)}`.slice(0, 120);
  assert.is(name.length, 120);
  const projectId = await newProject(world.sss, sato, name);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  const doc = await documentIdOf(world.sss, ringiId);

  const filed = (await simDocuments(world)).find((d) => d.id === doc)!;
  assert.is(filed.values.fid_sss_ref, ringiId);
  assert.is(typeof filed.values.fid_kingaku, 'number');
  assert.is(String(filed.values.fid_tenpu_shushi).length, 44, 'the 収支管理表 is attached in the tenant’s part');
  assert.not.ok('fidSssKey' in filed.values);
  const state = (await (await fetch(`${world.simUrl}/_sim/${world.instance}/state`)).json()) as { documents: { document_id: number; title: string }[] };
  const title = state.documents.find((d) => d.document_id === doc)!.title;
  assert.ok(title.length <= 100 && title.endsWith('…'), title);

  for (const judge of JUDGES.slice(0, 11)) await decide(world, judge, doc, { action: 'accept' });
  // Past the first page of approvers: SSS sees who is due now.
  await waitFor('the 12th approver recorded as due', async () => {
    const confirmed = (await ringiEvents(world.sss, ringiId)).filter((e) => e.type === 'RingiStatusConfirmed').at(-1);
    const approvals = (confirmed?.data as { approvals?: { approverName: string; current: boolean }[] } | undefined)?.approvals ?? [];
    return approvals.length === 12 && approvals.find((a) => a.current)?.approverName === '判定者 12';
  });
  await decide(world, JUDGES[11]!, doc, { action: 'accept', comment: '最終承認' });
  assert.is((await outcomeOf(world.sss, ringiId)).outcome, 'approved');
  const applied = (await ringiEvents(world.sss, ringiId)).find((e) => e.type === 'RingiOutcomeApplied' || e.type === 'RingiOutcomeRecorded');
  assert.match(JSON.stringify(applied?.data ?? {}), /判定者 12/);
});

test('a user whose CollaboFlow login is set on the user files as that login, not as their e-mail’s local part', async ({ world, sato }) => {
  await handleCommand(world.sss.events, {
    streamName: `user-${sato}`,
    decider: userDecider,
    command: { type: 'ChangeWorkflowLogin', workflowLogin: 'suzuki' },
    context: { actor: 'test', correlationId: randomUUID() },
  });
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'proposal', sato);
  const doc = await documentIdOf(world.sss, ringiId);
  const state = (await (await fetch(`${world.simUrl}/_sim/${world.instance}/state`)).json()) as { documents: { document_id: number; request_username: string }[] };
  assert.is(state.documents.find((d) => d.document_id === doc)?.request_username, '鈴木 一郎');
});

test('a form missing a mapped part: nothing is filed, the 稟議 says why with the check’s report', async ({ broken }) => {
  const sato = await userIdOf(broken.sss, DEMO.sales);
  const projectId = await newProject(broken.sss, sato);
  const ringiId = await request(broken.sss, projectId, 'estimate', sato);
  const stuck = await waitFor('the 稟議 refused', async () => (await ringiEvents(broken.sss, ringiId)).find((e) => e.type === 'RingiStuck'));
  const reason = String((stuck.data as { reason: string }).reason);
  assert.match(reason, /見積稟議のコラボフロー設定に問題があるため起票しません/);
  assert.match(reason, /fidCustomer/);
  assert.equal((await simDocuments(broken)).filter((d) => JSON.stringify(d.values).includes(ringiId)), []);
});

test.run();
