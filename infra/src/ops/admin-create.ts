import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { passwordProblems } from '@sss/write-side/auth/passwords';
import { readSettingsOrExit } from '../main/config.ts';
import { openEventStore } from '../main/adapters.ts';
import { prepareDataDir } from '../main/data-dir.ts';
import { ensureFirstAdmin } from '../main/first-admin.ts';

/**
 * `npm run admin:create -- --email <address> [--name <name>]`: registers an administrator on the
 * store the settings name (EVENTSTORE_URL, else SSS_DATA_DIR's SQLite log), once. The password comes
 * from SSS_ADMIN_PASSWORD or the first line of standard input, never from the command line (where
 * `ps` and the shell history would show it). Running it again changes nothing: an existing user with
 * that e-mail is left as it is. Exit 0 created or already there, 1 refused, 78 bad settings.
 */
const USAGE = `usage: SSS_ADMIN_PASSWORD=… npm run admin:create -- --email <address> [--name <name>]
       printf '%s\\n' "$PASSWORD" | npm run admin:create -- --email <address>
  --email   the e-mail the administrator signs in with (default: SSS_ADMIN_EMAIL)
  --name    the name shown in SSS (default: SSS_ADMIN_NAME or システム管理者)
  The store is the one SSS uses with the same settings: EVENTSTORE_URL, else SSS_DATA_DIR/events.db.`;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, stdin: () => string = () => readFileSync(0, 'utf8')): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const email = (values.email ?? env.SSS_ADMIN_EMAIL ?? '').trim();
  if (!email) {
    console.error(`--email is missing\n${USAGE}`);
    return 1;
  }
  const password = env.SSS_ADMIN_PASSWORD || (stdin().split(/\r?\n/)[0] ?? '');
  const problems = passwordProblems(password, email);
  if (problems.length) {
    console.error(`the password is refused: ${problems.map((p) => p.message).join(' ')}`);
    return 1;
  }
  // Checked as the start-up settings would be, with this administrator in them.
  const settings = readSettingsOrExit({ ...env, SSS_ADMIN_EMAIL: email, SSS_ADMIN_PASSWORD: password });
  prepareDataDir(settings);
  const { store, kind } = await openEventStore(settings);
  try {
    const outcome = await ensureFirstAdmin(store, { email, password, name: values.name ?? (env.SSS_ADMIN_NAME || 'システム管理者') });
    console.log(outcome === 'created' ? `administrator ${email} created (${kind})` : `a user ${email} already exists; nothing changed (${kind})`);
    return 0;
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(await main(process.argv.slice(2)));
