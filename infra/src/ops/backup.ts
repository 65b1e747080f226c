import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

/**
 * `npm run backup -- <dir>`: a consistent copy of an embedded SSS data dir, taken while SSS runs.
 *
 * Each SQLite file is copied with `VACUUM INTO` on a read-only connection of this separate process:
 * one read transaction, so the copy is one committed state of the database, WAL included (copying
 * the file alone misses whatever is still in the -wal file), and SSS keeps appending meanwhile.
 *
 * The read models are copied too, and *before* the event store: their checkpoints then never run
 * ahead of the copied event log, and after a restore the projectors replay only what came after
 * their checkpoint (the checkpoints live with the read models, in the same file). They could be
 * rebuilt instead (delete `read-models.db` from a backup and SSS replays the whole log at the next
 * start), but copying them makes a restored SSS answer at once rather than after a full replay.
 *
 * The backup dir has the data dir's layout, so restoring is: stop SSS, replace the data dir with
 * the backup, start (README "Backups"). Everything written is readable by its owner only.
 */

export interface BackupSummary {
  readonly target: string;
  readonly files: readonly { name: string; bytes: number }[];
  readonly events: number;
  readonly streams: number;
  readonly lastPosition: string;
  readonly checkpoints: Readonly<Record<string, string>>;
}

const EVENTS = 'events.db';
const READ_MODELS = 'read-models.db';
/** Plain files SSS keeps in the data dir; each is written whole (write-then-rename or once), so a copy is never half a file. */
const PLAIN_FILES = ['session-secret', 'collaboflow-sim.json'];
/**
 * The ledger's files (docs/tamper-evidence.md), copied *before* the event store so no checkpoint in
 * the backup reaches past its log; the checkpoint file is appended to, so only whole lines are kept.
 */
const LEDGER_FILES = ['ledger-checkpoints.jsonl', 'ledger-key.pem', 'ledger-public-key.pem'];

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** VACUUM INTO does not fsync its output: write under a temporary name, fsync, then rename. */
function copyDatabase(source: string, target: string): void {
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  chmodSync(partial, 0o600);
  fsyncPath(partial);
  renameSync(partial, target);
}

function copyPlainFile(source: string, target: string): void {
  copyFileSync(source, target);
  chmodSync(target, 0o600);
  fsyncPath(target);
}

/** What the copy holds, read from the copy itself (and checked for damage on the way). */
function describeCopy(target: string): Pick<BackupSummary, 'events' | 'streams' | 'lastPosition' | 'checkpoints'> {
  const events = new Database(join(target, EVENTS), { readonly: true, fileMustExist: true });
  let summary: Pick<BackupSummary, 'events' | 'streams' | 'lastPosition'>;
  try {
    const integrity = events.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`the copied event store fails its integrity check: ${String(integrity)}`);
    const row = events.prepare('SELECT COUNT(*) AS events, COALESCE(MAX(position), 0) AS last, (SELECT COUNT(*) FROM streams) AS streams FROM events').get() as { events: number; last: number; streams: number };
    summary = { events: row.events, streams: row.streams, lastPosition: String(row.last) };
  } finally {
    events.close();
  }
  const checkpoints: Record<string, string> = {};
  if (existsSync(join(target, READ_MODELS))) {
    const reads = new Database(join(target, READ_MODELS), { readonly: true, fileMustExist: true });
    try {
      for (const row of reads.prepare('SELECT name, position FROM checkpoints ORDER BY name').all() as { name: string; position: string }[]) checkpoints[row.name] = row.position;
    } finally {
      reads.close();
    }
  }
  return { ...summary, checkpoints };
}

export function backupDataDir(dataDir: string, target: string, log: (line: string) => void = () => {}): BackupSummary {
  if (!existsSync(join(dataDir, EVENTS))) throw new Error(`no embedded event store at ${join(dataDir, EVENTS)} (with EVENTSTORE_URL set, back up EventStoreDB with its own tools)`);
  if (resolve(dataDir) === resolve(target)) throw new Error('the backup dir must not be the data dir');
  if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`${target} is not empty: give a new or empty directory`);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  chmodSync(target, 0o700);

  const files: { name: string; bytes: number }[] = [];
  const record = (name: string) => {
    const bytes = statSync(join(target, name)).size;
    files.push({ name, bytes });
    log(`copied ${name} (${bytes} bytes)`);
  };
  if (existsSync(join(dataDir, READ_MODELS))) {
    copyDatabase(join(dataDir, READ_MODELS), join(target, READ_MODELS));
    record(READ_MODELS);
  } else log(`no ${READ_MODELS}: the read models are rebuilt from the event log at the next start`);
  for (const name of LEDGER_FILES) {
    if (!existsSync(join(dataDir, name))) continue;
    copyPlainFile(join(dataDir, name), join(target, name));
    if (name.endsWith('.jsonl')) truncateSync(join(target, name), readFileSync(join(target, name)).lastIndexOf(0x0a) + 1);
    record(name);
  }
  copyDatabase(join(dataDir, EVENTS), join(target, EVENTS));
  record(EVENTS);
  for (const name of PLAIN_FILES) {
    if (!existsSync(join(dataDir, name))) continue;
    copyPlainFile(join(dataDir, name), join(target, name));
    record(name);
  }
  fsyncPath(target);

  const summary: BackupSummary = { target, files, ...describeCopy(target) };
  log(`event store: ${summary.events} events in ${summary.streams} streams, last position ${summary.lastPosition}`);
  for (const [name, position] of Object.entries(summary.checkpoints)) log(`read model ${name}: checkpoint ${position}`);
  return summary;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.umask(0o077);
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run backup -- <backup dir>   (copies SSS_DATA_DIR, default ./data, while SSS runs)');
    process.exit(2);
  }
  // npm runs scripts from the package root; a relative backup dir means where the command was typed.
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), dir);
  const dataDir = resolve(process.env.SSS_DATA_DIR ?? './data');
  for (const [variable, what] of [['EVENTSTORE_URL', 'EventStoreDB'], ['MONGODB_URL', 'MongoDB']] as const) {
    if (process.env[variable]) console.log(`${variable} is set: ${what} is not in the data dir; back it up with its own tools`);
  }
  try {
    console.log(`backing up ${dataDir} into ${target}`);
    const started = Date.now();
    backupDataDir(dataDir, target, (line) => console.log(`  ${line}`));
    console.log(`backup complete in ${Date.now() - started} ms: ${target}`);
  } catch (error) {
    console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
