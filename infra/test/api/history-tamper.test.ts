import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { History } from '@sss/contracts/common';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';

/**
 * Issue #12: someone who can write the store deletes a stream's LAST event. The per-stream hash chain
 * of what is left still verifies, and the company used to be stuck on endless 409s (the read model,
 * and the store's own record of the stream, are ahead of every revision a command can read). On this
 * test's own throwaway store: the history shows the loss, and commands answer one clear problem.
 */
const test = suite<{ sss: RunningSss; admin: Session; auditor: Session }>('history: a deleted last event');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.admin = await login(context.sss, DEMO.salesAdmin);
  context.auditor = await login(context.sss, DEMO.auditor);
});
test.after(async ({ sss }) => sss.stop());

const problem = (body: string) => JSON.parse(body) as { code: string; status: number; detail: string; recordedRevision?: string };

test('the history names the missing revision, and commands answer integrity_broken instead of 409 forever', async ({ sss, admin, auditor }) => {
  const call = as(sss, admin);
  const created = (await call({ method: 'POST', url: '/api/companies', payload: newCompany('TAMPER1') })).json<{ id: string; revision: string }>();
  const edited = await call({ method: 'PUT', url: `/api/companies/${created.id}`, headers: { 'if-match': '"0"' }, payload: newCompany('TAMPER1', { name: '消される編集' }) });
  assert.is(edited.statusCode, 200, edited.body);
  const seen = edited.json<{ revision: string; position: string }>();
  assert.is(seen.revision, '1');
  // The read model has caught up with revision 1 before the tampering, as it would in production.
  const detail = await call({ method: 'GET', url: `/api/companies/${created.id}`, headers: { 'x-sss-min-position': seen.position } });
  assert.is(detail.json<{ revision: string }>().revision, '1');

  const healthy = (await as(sss, auditor)({ method: 'GET', url: `/api/companies/${created.id}/history` })).json<History>();
  assert.ok(healthy.chainValid);

  const db = (sss.events as unknown as { db?: { prepare(sql: string): { run(...params: unknown[]): { changes: number | bigint } } } }).db;
  assert.ok(db, 'the embedded store (SQLite) is the one tampered with here');
  const deleted = db.prepare('DELETE FROM events WHERE stream = ? AND revision = 1').run(`company-${created.id}`);
  assert.is(Number(deleted.changes), 1);

  const history = await as(sss, auditor)({ method: 'GET', url: `/api/companies/${created.id}/history` });
  assert.is(history.statusCode, 200, history.body);
  const tampered = history.json<History>();
  assert.is(tampered.chainValid, false, 'the deleted last event shows as a break');
  assert.equal([tampered.missingFrom, tampered.brokenAt], ['1', '1']);
  assert.is(tampered.events.length, 1);
  assert.is(tampered.events[0]!.verification.state, 'broken');
  assert.match(tampered.events[0]!.verification.detail.ja, /リビジョン 1 以降のイベントが記録から失われています/);

  // With the revision the screen showed (If-Match 1) and without one (the retrying path): one clear problem each.
  for (const [what, request] of [
    ['If-Match from the read model', { method: 'PUT' as const, url: `/api/companies/${created.id}`, headers: { 'if-match': '"1"' }, payload: newCompany('TAMPER1', { name: '再編集' }) }],
    ['no If-Match', { method: 'POST' as const, url: `/api/companies/${created.id}/credit-limit`, payload: { creditLimit: 1_000_000, reviewedOn: '2025-04-01' } }],
  ] as const) {
    const head = await sss.events.headPosition();
    const response = await call(request);
    assert.is(response.statusCode, 500, `${what}: ${response.body}`);
    const p = problem(response.body);
    assert.is(p.code, 'integrity_broken', what);
    assert.match(p.detail, /リビジョン 1 以降のイベントが失われています/);
    assert.is(p.recordedRevision, '1');
    assert.ok((await sss.events.readAll({ after: head })).every((e) => !e.streamName.startsWith('company-')), `${what}: nothing appended`);
  }

  // A stale If-Match on a whole stream is still the ordinary conflict.
  const other = (await call({ method: 'POST', url: '/api/companies', payload: newCompany('TAMPER2') })).json<{ id: string }>();
  await call({ method: 'PUT', url: `/api/companies/${other.id}`, headers: { 'if-match': '"0"' }, payload: newCompany('TAMPER2', { name: '一度目' }) });
  const stale = await call({ method: 'PUT', url: `/api/companies/${other.id}`, headers: { 'if-match': '"0"' }, payload: newCompany('TAMPER2', { name: '二度目' }) });
  assert.equal([stale.statusCode, problem(stale.body).code], [409, 'revision_conflict']);
});

test.run();
