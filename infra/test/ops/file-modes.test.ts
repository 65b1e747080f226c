import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startTestSss, login, DEMO } from '../support/sss.ts';
import { backupDataDir } from '../../src/ops/backup.ts';

/**
 * Data files are their owner's only even where no umask helps (this process keeps the usual 022;
 * `npm start` also sets 077): each file SSS creates is given its mode explicitly.
 */

function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  for (const name of readdirSync(dir, { recursive: true }) as string[]) out[name] = (statSync(join(dir, name)).mode & 0o777).toString(8);
  return out;
}

test('every file in a fresh data dir, and in a backup of it, is mode 0600 (dirs 0700)', async () => {
  process.umask(0o022);
  const dataDir = join(mkdtempSync(join(tmpdir(), 'sss-modes-')), 'data');
  const sss = await startTestSss({ SSS_DATA_DIR: dataDir });
  try {
    // A command, so the simulator and both stores have written something.
    await login(sss, DEMO.sales);
    const found = modes(dataDir);
    for (const name of ['events.db', 'events.db-wal', 'events.db-shm', 'read-models.db', 'read-models.db-wal', 'read-models.db-shm', 'audit-index.db', 'session-secret']) assert.ok(name in found, `${name} exists`);
    assert.equal(found, Object.fromEntries(Object.keys(found).map((name) => [name, name === '.' ? '700' : '600'])));

    const target = join(mkdtempSync(join(tmpdir(), 'sss-modes-backup-')), 'backup');
    backupDataDir(dataDir, target);
    const backup = modes(target);
    assert.ok('events.db' in backup && 'session-secret' in backup);
    assert.equal(backup, Object.fromEntries(Object.keys(backup).map((name) => [name, name === '.' ? '700' : '600'])));
  } finally {
    await sss.stop();
  }
});

test.run();
