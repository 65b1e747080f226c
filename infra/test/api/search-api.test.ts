import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';
import { newPartnerCompany, registerCompany, waitForCopy } from '../support/partners.ts';

/**
 * The list routes behind the pickers match a typed query on a folded key: katakana, hiragana and
 * half-width kana (and width, case, small kana, long-vowel marks) find the same entries.
 */
const test = suite<{ sss: RunningSss; sales: Session }>('search on folded keys');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
});
test.after(async ({ sss }) => sss.stop());

const get = async (sss: RunningSss, session: Session, url: string, position?: string) => {
  const response = await as(sss, session)({ method: 'GET', url, ...(position ? { headers: { 'x-sss-min-position': position } } : {}) });
  assert.is(response.statusCode, 200, `${url}: ${response.body}`);
  return response.json<{ items: { id: string; name: string }[]; total?: number }>();
};
const q = (text: string) => encodeURIComponent(text);

test('カブシキ / かぶしき / ｶﾌﾞｼｷ all find the same company; other companies are not found', async ({ sss, sales }) => {
  const target = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('KANA1', { name: '鍵屋', kana: 'カブシキガイシャカギヤ' }) });
  const other = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('KANA2', { name: '錠前屋', kana: 'ユウゲンガイシャジョウマエヤ' }) });
  assert.is(target.statusCode, 201, target.body);
  assert.is(other.statusCode, 201, other.body);
  const { id, position } = target.json<{ id: string; position: string }>();
  for (const text of ['カブシキ', 'かぶしき', 'ｶﾌﾞｼｷ', 'ｶｷﾞﾔ', 'kana1', 'ＫＡＮＡ１']) {
    const page = await get(sss, sales, `/api/companies?q=${q(text)}`, other.json<{ position: string }>().position);
    assert.equal(page.items.map((c) => c.id), [id], text);
  }
  // a query is literal text, not a pattern
  assert.equal((await get(sss, sales, `/api/companies?q=${q('.*')}`, position)).items, []);
});

test('a partner is found by its own kana in any form, and by its company’s name', async ({ sss, sales }) => {
  const company = await registerCompany(sss, sales, newPartnerCompany('KANAP', { name: 'ヤマダシステム', kana: 'ヤマダシステム' }));
  await waitForCopy(sss, company, 0);
  const created = await as(sss, sales)({ method: 'POST', url: '/api/partners', payload: { name: '検索 花子', kana: 'ケンサク ハナコ', companyIds: [company] } });
  assert.is(created.statusCode, 201, created.body);
  const { id, position } = created.json<{ id: string; position: string }>();
  for (const text of ['けんさくはなこ', 'ｹﾝｻｸ', 'ハナコ', 'やまだしすてむ', 'ﾔﾏﾀﾞ']) {
    assert.equal((await get(sss, sales, `/api/partners?q=${q(text)}`, position)).items.map((p) => p.id), [id], text);
  }
  const options = await get(sss, sales, `/api/partner-companies?q=${q('ﾔﾏﾀﾞ')}`);
  assert.equal(options.items.map((c) => c.id), [company]);
  // A 所属会社 written in kanji is found by its 読み: the partner context's copy carries the kana.
  const kanji = await registerCompany(sss, sales, newPartnerCompany('KANAQ', { name: '渓谷電算', kana: 'ケイコクデンサン' }));
  const copied = (await waitForCopy(sss, kanji, 0)).position.toString();
  for (const text of ['けいこく', 'ｹｲｺｸﾃﾞﾝｻﾝ', 'ケイコク']) {
    assert.equal((await get(sss, sales, `/api/partner-companies?q=${q(text)}`, copied)).items.map((c) => c.id), [kanji], text);
  }
});

test('staff for the pickers: searched by name or email, paged with a total, never admins or auditors', async ({ sss, sales }) => {
  const all = await get(sss, sales, '/api/project-staff?pageSize=200');
  const names = all.items.map((m) => m.name);
  assert.ok(names.includes('佐藤 健一') && names.includes('加藤 由美'), names.join(','));
  assert.not.ok(names.includes('管理 太郎'), 'admin offered as staff');
  assert.not.ok(names.includes('渡辺 修'), 'auditor offered as staff');
  assert.is(all.total, all.items.length);
  const first = await get(sss, sales, '/api/project-staff?pageSize=1');
  assert.is(first.items.length, 1);
  assert.is(first.total, all.total);
  assert.equal((await get(sss, sales, `/api/project-staff?q=${q('ＳＡＴＯ')}`)).items.map((m) => m.name), ['佐藤 健一']);
  assert.equal((await get(sss, sales, `/api/project-staff?q=${q('watanabe')}`)).items, []);
});

test('org units: the tree narrows by name, kana in any form, or code', async ({ sss, sales }) => {
  const response = await as(sss, sales)({ method: 'GET', url: `/api/org-units?q=${q('ｹｲﾘ')}` });
  assert.is(response.statusCode, 200, response.body);
  assert.equal(response.json<{ units: { name: string }[] }>().units.map((u) => u.name), ['経理部']);
  const byCode = await as(sss, sales)({ method: 'GET', url: `/api/org-units?q=${q('ａ１００')}` });
  assert.equal(byCode.json<{ units: { name: string }[] }>().units.map((u) => u.name), ['経理部']);
  const none = await as(sss, sales)({ method: 'GET', url: `/api/org-units?q=${q('存在しない組織')}` });
  assert.equal(none.json<{ units: unknown[] }>().units, []);
});

test.run();
