import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';
import { eventually, newPartnerCompany, registerCompany, waitForCopy } from '../support/partners.ts';

/** The partner API on the embedded default (in-process bus): rules, bad input, and the company⇄partner flow. */
const test = suite<{ sss: RunningSss; sales: Session; admin: Session; partnerCo: string; customerCo: string }>('partner API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
  context.admin = await login(context.sss, DEMO.salesAdmin);
  context.partnerCo = await registerCompany(context.sss, context.sales, newPartnerCompany('PA1'));
  context.customerCo = await registerCompany(context.sss, context.sales, newCompany('CU1'));
  await waitForCopy(context.sss, context.partnerCo, 0);
  await waitForCopy(context.sss, context.customerCo, 0);
});
test.after(async ({ sss }) => sss.stop());

type Problem = { code: string; errors?: { field: string; message: string }[] };
const problem = (body: string) => JSON.parse(body) as Problem;

async function expectRefusal(sss: RunningSss, session: Session, method: 'POST' | 'PUT', url: string, payload: unknown, status: number, field: string, message?: RegExp) {
  const head = await sss.events.headPosition();
  const response = await as(sss, session)({ method, url, payload: payload as object });
  assert.is(response.statusCode, status, `${method} ${url} ${JSON.stringify(payload)}: ${response.body}`);
  const error = problem(response.body).errors?.find((e) => e.field === field);
  assert.ok(error, `expected an error on ${field}: ${response.body}`);
  if (message) assert.match(error!.message, message);
  // The bus traffic of earlier tests may still append copies and checkpoints; the aggregates must not move.
  const appended = (await sss.events.readAll({ after: head })).filter((e) => /^(partner|company|unique)-/.test(e.streamName));
  assert.equal(appended.map((e) => e.type), [], 'nothing appended');
}

test('register: bad input is a 400 naming the field, and appends nothing', async ({ sss, sales }) => {
  const cases: Array<[Record<string, unknown>, string, RegExp?]> = [
    [{ kana: 'ヤマダ' }, 'name', /必須/],
    [{ name: '山田 太郎', kana: 'yamada' }, 'kana'],
    [{ name: '', kana: 'ヤマダ' }, 'name'],
    [{ name: '   ', kana: 'ヤマダ' }, 'name', /空白/],
    [{ name: '山田 太郎', kana: 'ヤマダ', registeredOn: '2025-02-30' }, 'registeredOn', /実在する日付/],
    [{ name: '山田 太郎', kana: 'ヤマダ', companyIds: ['no-such-company'] }, 'companyIds.0', /見つかりません/],
    [{ name: '山田 太郎', kana: 'ヤマダ', extra: 1 }, 'extra'],
  ];
  for (const [payload, field, message] of cases) await expectRefusal(sss, sales, 'POST', '/api/partners', payload, 400, field, message);
});

test('a partner cannot be affiliated to a company that is not a partner company (422 on the field)', async ({ sss, sales, partnerCo, customerCo }) => {
  await expectRefusal(sss, sales, 'POST', '/api/partners', { name: '山田 太郎', kana: 'ヤマダ タロウ', companyIds: [partnerCo, customerCo] }, 422, 'companyIds.1', /協力会社ではない/);
});

test('edit, affiliations and retire refuse bad input with the field, appending nothing', async ({ sss, sales, admin, customerCo }) => {
  const created = await as(sss, sales)({ method: 'POST', url: '/api/partners', payload: { name: '佐々木 花', kana: 'ササキ ハナ' } });
  assert.is(created.statusCode, 201, created.body);
  const { id } = created.json<{ id: string }>();
  await expectRefusal(sss, sales, 'PUT', `/api/partners/${id}`, { name: '佐々木 花', kana: 'sasaki' }, 400, 'kana');
  await expectRefusal(sss, sales, 'PUT', `/api/partners/${id}`, { name: '佐々木 花', kana: 'ササキ', registeredOn: '2025-13-01' }, 400, 'registeredOn');
  await expectRefusal(sss, sales, 'PUT', `/api/partners/${id}/affiliations`, { companyIds: 'x' }, 400, 'companyIds');
  await expectRefusal(sss, sales, 'PUT', `/api/partners/${id}/affiliations`, { companyIds: [customerCo] }, 422, 'companyIds.0', /協力会社ではない/);
  await expectRefusal(sss, admin, 'POST', `/api/partners/${id}/retire`, { retiredOn: 'yesterday' }, 400, 'retiredOn');
  await expectRefusal(sss, admin, 'POST', `/api/partners/${id}/retire`, { retiredOn: '1999-01-01' }, 400, 'retiredOn', /登録日/);
  const missing = await as(sss, sales)({ method: 'PUT', url: '/api/partners/nobody', payload: { name: 'a', kana: 'ア' } });
  assert.is(missing.statusCode, 404);
});

test('a renamed company shows its new name on its partners; abolished flags the affiliation; counts follow', async ({ sss, sales, admin, partnerCo }) => {
  const created = await as(sss, sales)({ method: 'POST', url: '/api/partners', payload: { name: '山田 太郎', kana: 'ヤマダ タロウ', registeredOn: '2025-04-01', companyIds: [partnerCo] } });
  assert.is(created.statusCode, 201, created.body);
  const { id, position } = created.json<{ id: string; position: string }>();
  const detail = await as(sss, sales)({ method: 'GET', url: `/api/partners/${id}`, headers: { 'x-sss-min-position': position } });
  assert.equal(detail.json<{ affiliations: { name: string; companyAbolished: boolean }[] }>().affiliations.map((a) => [a.name, a.companyAbolished]), [['協力PA1', false]]);
  await eventually('partner count 1', async () => (await as(sss, sales)({ method: 'GET', url: `/api/companies/${partnerCo}` })).json<{ partnerCount: number }>().partnerCount === 1);

  const company = (await as(sss, sales)({ method: 'GET', url: `/api/companies/${partnerCo}` })).json<Record<string, unknown>>();
  const edited = await as(sss, sales)({ method: 'PUT', url: `/api/companies/${partnerCo}`, payload: { ...newPartnerCompany('PA1'), name: '新名称PA1', partner: company.partner } });
  assert.is(edited.statusCode, 200, edited.body);
  await eventually('renamed company on the partner', async () => {
    const view = (await as(sss, sales)({ method: 'GET', url: `/api/partners/${id}` })).json<{ affiliations: { name: string }[] }>();
    return view.affiliations[0]?.name === '新名称PA1';
  });
  const byCompany = await as(sss, sales)({ method: 'GET', url: `/api/partners?companyId=${partnerCo}` });
  assert.equal(byCompany.json<{ items: { id: string }[] }>().items.map((p) => p.id), [id]);

  const abolished = await as(sss, admin)({ method: 'POST', url: `/api/companies/${partnerCo}/abolish`, payload: { abolishedOn: '2025-05-01' } });
  assert.is(abolished.statusCode, 200, abolished.body);
  await eventually('abolished flag on the affiliation', async () => {
    const view = (await as(sss, sales)({ method: 'GET', url: `/api/partners/${id}` })).json<{ affiliations: { companyAbolished: boolean }[] }>();
    return view.affiliations[0]?.companyAbolished === true;
  });

  const retired = await as(sss, admin)({ method: 'POST', url: `/api/partners/${id}/retire`, payload: { retiredOn: '2025-06-30' } });
  assert.is(retired.statusCode, 200, retired.body);
  await eventually('partner count back to 0', async () => (await as(sss, sales)({ method: 'GET', url: `/api/companies/${partnerCo}` })).json<{ partnerCount: number }>().partnerCount === 0);
});

test('search by name or kana, filter by active', async ({ sss, sales }) => {
  const created = await as(sss, sales)({ method: 'POST', url: '/api/partners', payload: { name: '検索 一郎', kana: 'ケンサク イチロウ' } });
  const { position } = created.json<{ position: string }>();
  for (const q of ['検索', 'ケンサク']) {
    const list = await as(sss, sales)({ method: 'GET', url: `/api/partners?q=${encodeURIComponent(q)}&active=true`, headers: { 'x-sss-min-position': position } });
    assert.equal(list.json<{ items: { name: string }[] }>().items.map((p) => p.name), ['検索 一郎']);
  }
});

test.run();
