import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { main } from '../../src/ops/admin-create.ts';
import { readSettings } from '../../src/main/config.ts';
import { startSss } from '../../src/main/sss.ts';

/** `npm run admin:create` and SSS_ADMIN_*: the first administrator of a store without demo data, once. */

const quietly = async <T>(run: () => Promise<T>): Promise<{ value: T; printed: string }> => {
  const { log, error } = console;
  let printed = '';
  console.log = (...args: unknown[]) => void (printed += `${args.join(' ')}\n`);
  console.error = console.log;
  try {
    return { value: await run(), printed };
  } finally {
    Object.assign(console, { log, error });
  }
};

const registrations = async (dataDir: string, email: string) => {
  const events = openSqliteEventStore(join(dataDir, 'events.db'));
  try {
    return (await events.readAll({ maxCount: 10_000 })).filter((e) => e.type === 'UserRegistered' && (e.data as { email: string }).email === email).length;
  } finally {
    await events.close();
  }
};

test('admin:create registers the administrator once: the second run changes nothing; a weak password is refused and appends nothing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-admin-create-'));
  try {
    const env = { SSS_DATA_DIR: dataDir };
    const weak = await quietly(() => main(['--email', 'first@example.co.jp'], env, () => 'short\n'));
    assert.is(weak.value, 1);
    assert.match(weak.printed, 'パスワードは10文字以上にしてください。');
    assert.is(await registrations(dataDir, 'first@example.co.jp'), 0);

    const first = await quietly(() => main(['--email', 'First@Example.co.jp', '--name', '最初の管理者'], env, () => 'a-long-pass-2026\nignored\n'));
    assert.is(first.value, 0, first.printed);
    assert.match(first.printed, 'administrator First@Example.co.jp created');
    const again = await quietly(() => main(['--email', 'first@example.co.jp'], { ...env, SSS_ADMIN_PASSWORD: 'another-pass-2027' }, (): string => { throw new Error('SSS_ADMIN_PASSWORD is used before stdin'); }));
    assert.is(again.value, 0, again.printed);
    assert.match(again.printed, 'already exists; nothing changed');
    assert.is(await registrations(dataDir, 'first@example.co.jp'), 1);

    // SSS then starts without demo data, and the administrator signs in with the first password.
    const sss = await startSss(readSettings({ SSS_DATA_DIR: dataDir, SSS_DEMO_DATA: 'false', LOG_LEVEL: 'silent', SSS_UI_DIR: join(dataDir, 'no-ui') }));
    try {
      const login = await sss.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'first@example.co.jp', password: 'a-long-pass-2026' } });
      assert.is(login.statusCode, 200, login.body);
      assert.equal(login.json<{ roles: string[] }>().roles, ['admin']);
    } finally {
      await sss.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('SSS_ADMIN_EMAIL / SSS_ADMIN_PASSWORD: ensured at every start, created once, and no demo data beside it when asked for none', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-first-admin-'));
  const settings = readSettings({ SSS_DATA_DIR: dataDir, SSS_DEMO_DATA: 'false', LOG_LEVEL: 'silent', SSS_UI_DIR: join(dataDir, 'no-ui'), SSS_ADMIN_EMAIL: 'boot@example.co.jp', SSS_ADMIN_PASSWORD: 'a-long-pass-2026' });
  try {
    for (let start = 0; start < 2; start++) {
      const sss = await startSss(settings);
      try {
        const login = await sss.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'boot@example.co.jp', password: 'a-long-pass-2026' } });
        assert.is(login.statusCode, 200, login.body);
        const users = (await sss.events.readAll({ maxCount: 10_000 })).filter((e) => e.type === 'UserRegistered');
        assert.is(users.length, 1, 'the administrator alone: no demo users, and not twice');
      } finally {
        await sss.stop();
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test.run();
