import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { as, DEMO, login, newCompany, startTestSss } from '../support/sss.ts';

/** Issue #11: the probes that got through, each answered at the edge now. */

interface Problem { status: number; code: string; errors?: { field: string; message: string }[] }

test('the probes of issue #11 are refused with problems naming the field', async () => {
  const sss = await startTestSss();
  try {
    const cookies = await login(sss, DEMO.admin);
    const call = as(sss, cookies);
    const refusedField = async (payload: Record<string, unknown>, field: string, words: string) => {
      const response = await call({ method: 'POST', url: '/api/companies', payload });
      assert.is(response.statusCode, 400, response.body);
      const error = response.json<Problem>().errors?.find((e) => e.field === field);
      assert.ok(error, response.body);
      assert.match(error.message, words);
    };
    await refusedField(newCompany('P-1', { isPartner: true, partner: { salesRepName: '山田', injected: { $ne: 1 } } }), 'partner.injected', '受け付けていません');
    await refusedField(newCompany('P-2', { name: 'テスト\u0000商事' }), 'name', '名称に使えない文字（制御文字）');
    await refusedField(newCompany('P-3', { formalName: 'abc\u202Egpj.exe' }), 'formalName', '文字の向き');
    await refusedField(newCompany('P-4', { name: 'テスト\uD800' }), 'name', 'サロゲート');
    await refusedField(newCompany('P-5', { name: '一行目\n二行目' }), 'name', '改行');
    await refusedField(newCompany('P-6', { registeredOn: '2026-02-30' }), 'registeredOn', '実在する日付');

    // NFC on the way in; newlines where a person writes notes
    const accepted = await call({ method: 'POST', url: '/api/companies', payload: newCompany('P-7', { name: 'Cafe\u0301 テスト', notes: '一行目\r\n二行目' }) });
    assert.is(accepted.statusCode, 201, accepted.body);
    const { id, position } = accepted.json<{ id: string; position: string }>();
    const company = (await call({ method: 'GET', url: `/api/companies/${id}`, headers: { 'x-sss-min-position': position } })).json<{ name: string; notes: string }>();
    assert.equal([company.name, company.notes], ['Caf\u00e9 テスト', '一行目\n二行目']);

    // every error is a problem document: unknown routes, malformed URLs, 413, 415
    for (const [request, status] of [
      [{ method: 'GET', url: '/api/no-such-thing' }, 404],
      [{ method: 'GET', url: '/api/companies/%E0%A4%A' }, 404],
      [{ method: 'POST', url: '/api/companies', payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } }, 413],
      [{ method: 'POST', url: `/api/users/${id}/deactivate`, headers: { 'content-type': 'text/plain' }, payload: '' }, 415],
    ] as const) {
      const response = await sss.app.inject({ ...request, cookies });
      assert.is(response.statusCode, status, `${request.url}: ${response.body.slice(0, 200)}`);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.is(response.json<Problem>().status, status);
    }
  } finally {
    await sss.stop();
  }
});

test('CSRF: a bodiless command from a form (text/plain) or from another origin is refused', async () => {
  const sss = await startTestSss();
  try {
    const cookies = await login(sss, DEMO.admin);
    const users = (await as(sss, cookies)({ method: 'GET', url: '/api/users' })).json<{ items: { id: string; email: string }[] }>();
    const sato = users.items.find((u) => u.email === DEMO.sales)!;
    const attempts = [
      { headers: { 'content-type': 'text/plain' }, payload: '', status: 415 },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1', status: 415 },
      { headers: {}, payload: undefined, status: 415 },
      { headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:4444' }, payload: undefined, status: 403 },
      { headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, payload: undefined, status: 403 },
    ];
    for (const attempt of attempts) {
      const response = await sss.app.inject({ method: 'POST', url: `/api/users/${sato.id}/deactivate`, headers: attempt.headers, ...(attempt.payload === undefined ? {} : { payload: attempt.payload }), cookies });
      assert.is(response.statusCode, attempt.status, JSON.stringify(attempt.headers));
    }
    assert.ok(await login(sss, DEMO.sales), 'the user is still active');
  } finally {
    await sss.stop();
  }
});

test.run();
