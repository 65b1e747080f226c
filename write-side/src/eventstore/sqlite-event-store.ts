import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Observable } from 'rxjs';
import {
  RevisionConflictError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@sss/contracts/ports/event-store';
import { stampEvents } from './metadata.ts';
import { groupCommit, type Outcome } from './group-commit.ts';
import { CheckpointFencedError, type WithCheckpoints } from './checkpoint-store.ts';
import type { LeaseStore, WithLeases } from '@sss/contracts/ports/leases';
import { addLedgerColumn, ledgerAppender } from '../ledger/sqlite-ledger.ts';

/**
 * The embedded event store (the default): one SQLite file in WAL mode with synchronous=FULL, so an
 * append is on disk before it is acknowledged and survives `kill -9` (and power loss). Appends run
 * in IMMEDIATE transactions, which also makes a second process writing the same file safe.
 *
 * Group commit: appends submitted together (concurrent command handlers, one turn of the event loop)
 * share one transaction and so one fsync; each is still checked against its own expected revision
 * in its own savepoint, so a conflicting append fails alone, and each is acknowledged only once that
 * transaction has committed (see group-commit.ts).
 */

interface AppendRequest {
  readonly streamName: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

interface EventRow {
  position: number | bigint;
  stream: string;
  revision: number | bigint;
  type: string;
  data: string;
  metadata: string;
}

const PAGE = 500;
/** Another process may append to the same file; poll at this pace when no in-process append wakes us. */
const POLL_MS = 250;

export interface SqliteEventStore extends EventStore, WithCheckpoints, WithRecordedEnd, WithLeases {
  /** Raw handle for benchmarks and the EventStoreDB stand-in; not for application code. */
  readonly db: Database.Database;
}

/**
 * An adapter that records a stream's end apart from its events (this store's `streams` table) can
 * say where it is: ahead of the last readable event means the stream's last event(s) were deleted,
 * which the per-stream hash chain of what is left cannot show (write-side/src/history/recorded-end.ts).
 */
export interface WithRecordedEnd {
  recordedEnd(streamName: string): bigint | null;
}

export function openSqliteEventStore(path: string): SqliteEventStore {
  // Owner-only from the start: SQLite gives the -wal and -shm files the mode of the database file.
  if (path !== ':memory:') closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.defaultSafeIntegers(true);
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      stream   TEXT    NOT NULL,
      revision INTEGER NOT NULL,
      type     TEXT    NOT NULL,
      data     TEXT    NOT NULL,
      metadata TEXT    NOT NULL,
      occurred_at TEXT NOT NULL,
      UNIQUE (stream, revision)
    );
    CREATE TABLE IF NOT EXISTS streams (
      stream    TEXT PRIMARY KEY,
      revision  INTEGER NOT NULL,
      last_hash TEXT NOT NULL
    );
    -- Subscribers' positions (checkpoint-store.ts): beside the log, not in it.
    CREATE TABLE IF NOT EXISTS checkpoints (
      name     TEXT PRIMARY KEY,
      position INTEGER NOT NULL
    );
  `);
  addCheckpointTokenColumn(db);
  addLedgerColumn(db);
  const ledger = ledgerAppender(db);

  const selectStream = db.prepare<[string], { revision: bigint; last_hash: string }>('SELECT revision, last_hash FROM streams WHERE stream = ?');
  const insertEvent = db.prepare('INSERT INTO events (position, stream, revision, type, data, metadata, occurred_at, ledger) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const upsertStream = db.prepare('INSERT INTO streams (stream, revision, last_hash) VALUES (?, ?, ?) ON CONFLICT(stream) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash');
  const selectAllAfter = db.prepare<[bigint, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
  const selectCheckpoint = db.prepare<[string], { position: bigint }>('SELECT position FROM checkpoints WHERE name = ?');
  // Fenced (checkpoint-store.ts): a row holding a greater token is left alone, and `changes` says so.
  const upsertCheckpoint = db.prepare('INSERT INTO checkpoints (name, position, token) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position, token = excluded.token WHERE checkpoints.token <= excluded.token');
  const selectCheckpointToken = db.prepare<[string], { token: bigint }>('SELECT token FROM checkpoints WHERE name = ?');
  const selectHead = db.prepare<[], { head: bigint | null }>('SELECT MAX(position) AS head FROM events');

  const listeners = new Set<() => void>();
  let closed = false;

  const appendTx = db.transaction((streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult => {
    const current = selectStream.get(streamName);
    const actual = current ? current.revision : 'no_stream';
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && !current) ||
      (expected === 'stream_exists' && !!current) ||
      (typeof expected === 'bigint' && current !== undefined && current.revision === expected);
    if (!ok) throw new RevisionConflictError(streamName, expected, actual);
    const first = current ? current.revision + 1n : 0n;
    const stamped = stampEvents(streamName, first, current?.last_hash ?? '', events);
    let position = 0n;
    const links = ledger.next(streamName, first, stamped.map((event) => event.metadata.hash));
    stamped.forEach((event, index) => {
      position = links[index]!.position;
      insertEvent.run(position, streamName, first + BigInt(index), event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), event.metadata.occurredAt, links[index]!.ledger);
    });
    const last = first + BigInt(stamped.length) - 1n;
    upsertStream.run(streamName, last, stamped[stamped.length - 1]!.metadata.hash);
    return { nextExpectedRevision: last, position };
  });

  const wakeAll = () => {
    for (const wake of listeners) wake();
  };
  // Inside the batch transaction each appendTx call is a savepoint: a conflict rolls back only itself.
  const commitBatch = db.transaction((requests: readonly AppendRequest[]): Outcome<AppendResult>[] =>
    requests.map((request) => {
      try {
        return { ok: appendTx(request.streamName, request.events, request.expected) };
      } catch (error) {
        return { error };
      }
    }),
  );
  const appends = groupCommit<AppendRequest, AppendResult>((requests) => commitBatch.immediate(requests), wakeAll);

  const toRecorded = (row: EventRow): RecordedEvent => ({
    streamName: row.stream,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
  });

  const readAllSync = (after: bigint, maxCount: number): RecordedEvent[] => selectAllAfter.all(after, maxCount).map(toRecorded);

  const store: SqliteEventStore = {
    db,
    leases: sqliteLeaseStore(db),
    recordedEnd(streamName) {
      const row = selectStream.get(streamName);
      return row ? BigInt(row.revision) : null;
    },
    checkpoints: {
      async read(name) {
        const row = selectCheckpoint.get(name);
        return row ? BigInt(row.position) : null;
      },
      async write(name, position, token = 0n) {
        if (upsertCheckpoint.run(name, position, token).changes === 0) {
          throw new CheckpointFencedError(name, token, BigInt(selectCheckpointToken.get(name)?.token ?? 0n));
        }
      },
    },
    async append(streamName, events, expected) {
      if (events.length === 0) throw new Error('append needs at least one event');
      if (closed) throw new Error('the event store is closed');
      return appends.submit({ streamName, events, expected });
    },

    async readStream(streamName, options: ReadStreamOptions = {}) {
      const backwards = options.direction === 'backwards';
      const clauses = ['stream = ?'];
      const params: unknown[] = [streamName];
      if (options.fromRevision !== undefined) {
        clauses.push(backwards ? 'revision <= ?' : 'revision >= ?');
        params.push(options.fromRevision);
      }
      if (options.toRevision !== undefined) {
        clauses.push(backwards ? 'revision >= ?' : 'revision <= ?');
        params.push(options.toRevision);
      }
      if (options.until !== undefined) {
        clauses.push('occurred_at <= ?');
        params.push(options.until);
      }
      const limit = options.maxCount ?? -1;
      const sql = `SELECT * FROM events WHERE ${clauses.join(' AND ')} ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT ?`;
      return db.prepare<unknown[], EventRow>(sql).all(...params, limit).map(toRecorded);
    },

    async readAll(options: ReadAllOptions = {}) {
      return readAllSync(options.after ?? 0n, options.maxCount ?? PAGE);
    },

    subscribeAll(after) {
      return new Observable<RecordedEvent>((subscriber) => {
        let last = after;
        let stopped = false;
        let wake: (() => void) | undefined;
        const notify = () => wake?.();
        listeners.add(notify);
        const pump = async () => {
          while (!stopped && !closed) {
            const page = readAllSync(last, PAGE);
            for (const event of page) {
              if (stopped) return;
              subscriber.next(event);
              last = event.position;
            }
            if (page.length === PAGE) {
              // Yield between pages so a long catch-up never starves the event loop.
              await new Promise((resolve) => setImmediate(resolve));
              continue;
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, POLL_MS);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = undefined;
          }
        };
        pump().catch((error: unknown) => subscriber.error(error));
        return () => {
          stopped = true;
          listeners.delete(notify);
          wake?.();
        };
      });
    },

    async headPosition() {
      return selectHead.get()?.head ?? 0n;
    },

    async close() {
      // Appends already submitted are written (and acknowledged) before the file closes.
      appends.flushNow();
      closed = true;
      for (const wake of listeners) wake();
      listeners.clear();
      db.close();
    },
  };
  return store;
}

/** Checkpoint rows from before fencing hold token 0: any leader's token (≥ 1) may take them. */
function addCheckpointTokenColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(checkpoints)').all();
  if (!columns.some((column) => column.name === 'token')) db.exec('ALTER TABLE checkpoints ADD COLUMN token INTEGER NOT NULL DEFAULT 0');
}

/**
 * Leases in the SQLite event store's file (contracts/src/ports/leases.ts): one row per lease, taken in
 * an IMMEDIATE transaction, so of several connections (instances) to one file exactly one wins. Every
 * instance sharing a SQLite file runs on one machine, so their clocks agree on expiry.
 */
function sqliteLeaseStore(db: Database.Database, now: () => number = Date.now): LeaseStore {
  db.exec('CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, token INTEGER NOT NULL, expires_at INTEGER NOT NULL)');
  // The event store's connection reads integers as bigint (safe integers on).
  type Row = { holder: string; token: bigint | number; expires_at: bigint | number };
  const select = db.prepare<[string], Row>('SELECT holder, token, expires_at FROM leases WHERE name = ?');
  const upsert = db.prepare('INSERT INTO leases (name, holder, token, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, token = excluded.token, expires_at = excluded.expires_at');
  const remove = db.prepare('UPDATE leases SET expires_at = 0 WHERE name = ? AND holder = ?');
  const take = db.transaction((name: string, holder: string, ttlMs: number): bigint | null => {
    const at = now();
    const row = select.get(name);
    if (row && row.holder !== holder && Number(row.expires_at) > at) return null;
    const token = !row ? 1n : row.holder === holder ? BigInt(row.token) : BigInt(row.token) + 1n;
    upsert.run(name, holder, token, at + ttlMs);
    return token;
  });
  return {
    async acquire(name, holder, ttlMs) {
      return take.immediate(name, holder, ttlMs);
    },
    async release(name, holder) {
      remove.run(name, holder);
    },
    async holderOf(name) {
      const row = select.get(name);
      return row && Number(row.expires_at) > now() ? { holder: row.holder, token: BigInt(row.token), expiresAt: new Date(Number(row.expires_at)).toISOString() } : null;
    },
  };
}
