import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { OrgTree, OrgUnitView } from '@sss/contracts/organization/schemas';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session, appendedByPeopleSince } from '../support/sss.ts';

/** The organization API: as-of views across the demo reorganization, staging, confirming, refusals. */
const test = suite<{ sss: RunningSss; admin: Session; sales: Session }>('organization API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.admin = await login(context.sss, DEMO.admin);
  context.sales = await login(context.sss, DEMO.sales);
});
test.after(async ({ sss }) => sss.stop());

const problem = (body: string) => JSON.parse(body) as { code: string; errors?: { field: string; message: string }[] };
const tree = async (sss: RunningSss, session: Session, query: string, position?: string) => {
  const response = await as(sss, session)({ method: 'GET', url: `/api/org-units${query}`, ...(position ? { headers: { 'x-sss-min-position': position } } : {}) });
  assert.is(response.statusCode, 200, response.body);
  return response.json<OrgTree>();
};
const names = (t: OrgTree) => t.units.map((u) => u.name);

test('the tree as of a date before and after the 2025-04-01 reorganization', async ({ sss, sales }) => {
  const before = await tree(sss, sales, '?asOf=2025-03-31');
  assert.ok(names(before).includes('技術戦略推進室'));
  assert.ok(names(before).includes('第2営業部'));
  assert.not.ok(names(before).includes('BS第3グループ'));
  const after = await tree(sss, sales, '?asOf=2025-04-01');
  assert.ok(names(after).includes('DX推進室'));
  assert.not.ok(names(after).includes('技術戦略推進室'));
  assert.not.ok(names(after).includes('第2営業部'), 'dissolved units are hidden with activeOnly (the default)');
  const bs3 = after.units.find((u) => u.name === 'BS第3グループ')!;
  assert.equal(bs3.path, ['ビジネスソリューション事業部', 'BS第3グループ']);
  const all = await tree(sss, sales, '?asOf=2025-04-01&activeOnly=false');
  const s2 = all.units.find((u) => u.code === 'S200')!;
  assert.is(s2.active, false);
  assert.is(s2.dissolvedOn, '2025-04-01');
  assert.is((await tree(sss, sales, '?asOf=2019-12-31')).units.length, 0, 'nothing existed before 2020-04-01');
});

test('one unit as of its own date: the name it had then', async ({ sss, sales }) => {
  const tech = (await tree(sss, sales, '?asOf=2025-04-01')).units.find((u) => u.code === 'T000')!;
  const then = await as(sss, sales)({ method: 'GET', url: `/api/org-units/${tech.id}?asOf=2024-10-01` });
  assert.is(then.json<OrgUnitView>().name, '技術戦略推進室');
  const now = await as(sss, sales)({ method: 'GET', url: `/api/org-units/${tech.id}?asOf=2025-04-01` });
  assert.is(now.json<OrgUnitView>().name, 'DX推進室');
  assert.is(now.json<OrgUnitView>().versionFrom, '2025-04-01');
  const early = await as(sss, sales)({ method: 'GET', url: `/api/org-units/${tech.id}?asOf=2019-01-01` });
  assert.is(early.statusCode, 404);
  const badDate = await as(sss, sales)({ method: 'GET', url: '/api/org-units?asOf=2025-4-1' });
  assert.is(badDate.statusCode, 400);
  assert.ok(problem(badDate.body).errors?.some((e) => e.field === 'querystring.asOf'), badDate.body);
});

test('bad input on every organization command is a 4xx naming the field, and appends nothing', async ({ sss, admin }) => {
  const units = (await tree(sss, admin, '?asOf=2025-04-01')).units;
  const bs = units.find((u) => u.code === 'BS00')!;
  const bs1 = units.find((u) => u.code === 'BS01')!;
  const head = await sss.events.headPosition();
  const create = { kind: 'create', code: 'NEW1', name: '新設部', kana: 'シンセツブ', level: 'department', accountingCategory: 'sga', sortOrder: 1, parentId: null };
  const cases: Array<[string, unknown, number, string]> = [
    ['/api/org-draft/changes', { ...create, name: '' }, 400, 'name'],
    ['/api/org-draft/changes', { ...create, kana: 'しんせつ' }, 400, 'kana'],
    ['/api/org-draft/changes', { ...create, level: 'team' }, 400, 'level'],
    ['/api/org-draft/changes', { ...create, code: 'BS01' }, 400, 'code'],
    ['/api/org-draft/changes', { ...create, level: 'headquarters', parentId: bs.id }, 400, 'level'],
    ['/api/org-draft/changes', { ...create, parentId: 'no-such-unit' }, 400, 'parentId'],
    ['/api/org-draft/changes', { kind: 'move', unitId: bs.id, parentId: bs1.id }, 400, 'parentId'],
    ['/api/org-draft/changes', { kind: 'rename', unitId: 'no-such-unit', name: 'x', kana: 'エックス' }, 400, 'unitId'],
    ['/api/org-draft/confirm', { effectiveDate: '2025-13-01' }, 400, 'effectiveDate'],
    ['/api/org-draft/confirm', { effectiveDate: '2025-04-01', extra: 1 }, 400, 'extra'],
  ];
  for (const [url, payload, status, field] of cases) {
    const response = await as(sss, admin)({ method: 'POST', url, payload: payload as object });
    assert.is(response.statusCode, status, `${field}: ${response.body}`);
    assert.ok(problem(response.body).errors?.some((e) => e.field === field), `expected ${field}: ${response.body}`);
  }
  const empty = await as(sss, admin)({ method: 'POST', url: '/api/org-draft/confirm', payload: { effectiveDate: '2026-04-01' } });
  assert.is(empty.statusCode, 422, 'an empty draft cannot be confirmed');
  const withdraw = await as(sss, admin)({ method: 'POST', url: '/api/org-draft/changes/no-such-change/withdraw' });
  assert.is(withdraw.statusCode, 404);
  assert.equal(await appendedByPeopleSince(sss, head), [], 'nothing appended');
});

test('stage, review, confirm at an effective date; a stale If-Match and an early date are refused', async ({ sss, admin, sales }) => {
  const units = (await tree(sss, admin, '?asOf=2026-04-01')).units;
  const bs = units.find((u) => u.code === 'BS00')!;
  const denied = await as(sss, sales)({ method: 'POST', url: '/api/org-draft/changes', payload: { kind: 'dissolve', unitId: bs.id } });
  assert.is(denied.statusCode, 403);

  const staged = await as(sss, admin)({ method: 'POST', url: '/api/org-draft/changes', payload: { kind: 'create', code: 'BS04', name: 'BS第4グループ', kana: 'ビーエスダイヨングループ', level: 'group', accountingCategory: 'cost_of_sales', sortOrder: 106, parentId: bs.id } });
  assert.is(staged.statusCode, 201, staged.body);
  const { id: bs4, position } = staged.json<{ id: string; position: string }>();
  const draft = await as(sss, admin)({ method: 'GET', url: '/api/org-draft', headers: { 'x-sss-min-position': position } });
  const draftBody = draft.json<{ revision: string; changes: { changeId: string; stagedByName: string }[] }>();
  assert.is(draftBody.changes.length, 1);
  assert.is(draftBody.changes[0]!.stagedByName, '管理 太郎');
  assert.not.ok(names(await tree(sss, admin, '?asOf=2026-04-01', position)).includes('BS第4グループ'), 'staged, not applied');

  const early = await as(sss, admin)({ method: 'POST', url: '/api/org-draft/confirm', payload: { effectiveDate: '2025-03-31' } });
  assert.is(early.statusCode, 422);
  assert.ok(problem(early.body).errors?.some((e) => e.field === 'effectiveDate'));
  const stale = await as(sss, admin)({ method: 'POST', url: '/api/org-draft/confirm', headers: { 'if-match': '"1"' }, payload: { effectiveDate: '2026-04-01' } });
  assert.is(stale.statusCode, 409);

  const confirmed = await as(sss, admin)({ method: 'POST', url: '/api/org-draft/confirm', headers: { 'if-match': `"${draftBody.revision}"` }, payload: { effectiveDate: '2026-04-01', note: '第4グループ新設' } });
  assert.is(confirmed.statusCode, 200, confirmed.body);
  const at = confirmed.json<{ position: string }>().position;
  assert.ok(names(await tree(sss, admin, '?asOf=2026-04-01', at)).includes('BS第4グループ'));
  assert.not.ok(names(await tree(sss, admin, '?asOf=2026-03-31', at)).includes('BS第4グループ'), 'not before its effective date');
  const unit = await as(sss, admin)({ method: 'GET', url: `/api/org-units/${bs4}?asOf=2026-04-01` });
  assert.is(unit.json<OrgUnitView>().establishedOn, '2026-04-01');
  const reorganizations = await as(sss, admin)({ method: 'GET', url: '/api/org-reorganizations' });
  assert.equal(reorganizations.json<{ items: { effectiveDate: string }[] }>().items.map((r) => r.effectiveDate), ['2026-04-01', '2025-04-01', '2020-04-01']);
  const history = await as(sss, admin)({ method: 'GET', url: '/api/organization/history' });
  assert.is(history.json<{ chainValid: boolean }>().chainValid, true);
});

test.run();
