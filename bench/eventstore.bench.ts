/**
 * Append throughput of the event-store port against raw appends on the same store, so the cost of
 * the port (head read for the hash chain, stamping, JSON, expected-revision mapping) is visible:
 * - embedded SQLite: `store.append` with 1, 8 and 64 concurrent writers (group commit: concurrent
 *   appends share a transaction) vs raw better-sqlite3 single-writer inserts of the same rows into the
 *   same file, each in its own transaction (same pragmas: WAL, synchronous=FULL). Targets (issue #14):
 *   ≥ 0.9 × raw with one writer, ≥ 3 × raw with 64;
 * - EventStoreDB: the adapter vs raw `client.appendToStream` on the same server. The server is
 *   EVENTSTORE_URL when set, else the EventStoreDB stand-in (test code) in a child process, so server
 *   work does not share this process's event loop.
 * Every append is a single event appended with an exact expected revision, one after another, as a
 * command handler does. Runs alone with `node --import tsx bench/eventstore.bench.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EventStoreDBClient, NO_STREAM, jsonEvent } from '@eventstore/db-client';
import type { EventStore, NewEvent } from '@sss/contracts/ports/event-store';
import { openEsdbEventStore } from '../write-side/src/eventstore/esdb-event-store.ts';
import { stampEvents } from '../write-side/src/eventstore/metadata.ts';
import { openSqliteEventStore } from '../write-side/src/eventstore/sqlite-event-store.ts';

const quick = process.env.BENCH_QUICK === '1';
const appendCount = quick ? 500 : 2_000;
const warmUpCount = quick ? 50 : 200;
const WRITERS = [1, 8, 64] as const;
const streamLength = 100;

const newEvent = (n: number): NewEvent => ({
  type: 'ProjectEffortPlanned',
  data: { n, projectId: `p-${n % 97}`, month: '2026-04', effort: '0.35', yen: 1_760_000, note: '月次見込み' },
  metadata: { actor: 'user:bench', correlationId: randomUUID(), causationId: null, schemaVersion: 1 },
});

/** The same stamped content both paths write, computed up front so the raw path pays nothing for it. */
const stamped = (streamName: string, revision: bigint, prevHash: string, n: number) => stampEvents(streamName, revision, prevHash, [newEvent(n)])[0]!;

/** `count` sequential single-event appends spread over streams of `streamLength`; returns appends/s. */
async function timeAppends(count: number, appendOne: (stream: string, revision: bigint, n: number) => Promise<void>): Promise<number> {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const startedAt = performance.now();
  for (let n = 0; n < count; n += 1) {
    await appendOne(`${prefix}-${Math.floor(n / streamLength)}`, BigInt(n % streamLength), n);
  }
  return count / ((performance.now() - startedAt) / 1000);
}

async function viaPort(store: EventStore, count: number): Promise<number> {
  return timeAppends(count, async (stream, revision, n) => {
    await store.append(stream, [newEvent(n)], revision === 0n ? 'no_stream' : revision - 1n);
  });
}

/** `count` appends by `writers` concurrent writers, each appending one after another to its own streams. */
async function viaPortConcurrently(store: EventStore, count: number, writers: number): Promise<number> {
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const perWriter = Math.ceil(count / writers);
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let j = 0; j < perWriter; j += 1) {
        const revision = BigInt(j % streamLength);
        await store.append(`${prefix}-w${w}-${Math.floor(j / streamLength)}`, [newEvent(w * perWriter + j)], revision === 0n ? 'no_stream' : revision - 1n);
      }
    }),
  );
  return (perWriter * writers) / ((performance.now() - startedAt) / 1000);
}

async function sqliteFigures(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sss-bench-es-'));
  const store = openSqliteEventStore(join(dir, 'events.db'));
  try {
    const insert = store.db.prepare('INSERT INTO events (stream, revision, type, data, metadata, occurred_at) VALUES (?, ?, ?, ?, ?, ?)');
    const rows: string[][] = [];
    const raw = (count: number) => {
      // Prepare the rows first: the raw figure is the storage floor, without stamping or JSON.
      rows.length = 0;
      for (let n = 0; n < count; n += 1) {
        const event = stamped('raw', BigInt(n), '', n);
        rows.push([event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), event.metadata.occurredAt]);
      }
      return timeAppends(count, async (stream, revision, n) => {
        const [type, data, metadata, occurredAt] = rows[n]!;
        insert.run(stream, revision, type, data, metadata, occurredAt);
      });
    };
    await viaPort(store, warmUpCount);
    await raw(warmUpCount);
    // Raw before and after the port runs, averaged: the disk and the load drift during a run.
    const rawBefore = await raw(appendCount);
    const port: Record<number, number> = {};
    for (const writers of WRITERS) port[writers] = writers === 1 ? await viaPort(store, appendCount) : await viaPortConcurrently(store, appendCount, writers);
    const rawRate = (rawBefore + (await raw(appendCount))) / 2;
    const figures: Record<string, number> = { 'sqlite.raw.appendsPerSec': Math.round(rawRate) };
    for (const writers of WRITERS) {
      figures[`sqlite.port.${writers}w.appendsPerSec`] = Math.round(port[writers]!);
      figures[`sqlite.port.${writers}w.toRawRatio`] = round2(port[writers]! / rawRate);
    }
    return figures;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startStandInProcess(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-bench-esdb-'));
  const cli = fileURLToPath(new URL('../infra/src/servers/esdb-stand-in/esdb-stand-in-cli.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`EventStoreDB stand-in exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('EVENTSTORE_URL=')) resolve(line.slice('EVENTSTORE_URL='.length));
    });
  });
  return { url, child, dataDir };
}

async function esdbFigures(): Promise<Record<string, number | string>> {
  const given = process.env.EVENTSTORE_URL;
  const standIn = given ? undefined : await startStandInProcess();
  const url = given ?? standIn!.url;
  const store = openEsdbEventStore(url);
  const client = EventStoreDBClient.connectionString(url);
  try {
    const raw = (count: number) => {
      // Same content as the port writes, stamped up front: the raw figure is the client and server alone.
      const events = Array.from({ length: count }, (_, n) => {
        const event = stamped('raw', BigInt(n), '', n);
        return jsonEvent({ id: event.metadata.eventId, type: event.type, data: event.data as Record<string, unknown>, metadata: { ...event.metadata } });
      });
      return timeAppends(count, async (stream, revision, n) => {
        await client.appendToStream(stream, events[n]!, { expectedRevision: revision === 0n ? NO_STREAM : revision - 1n });
      });
    };
    await viaPort(store, warmUpCount);
    await raw(warmUpCount);
    const port = await viaPort(store, appendCount);
    const rawRate = await raw(appendCount);
    return {
      'esdb.server': given ? 'EVENTSTORE_URL' : 'stand-in (child process)',
      'esdb.port.appendsPerSec': Math.round(port),
      'esdb.raw.appendsPerSec': Math.round(rawRate),
      'esdb.portToRawRatio': round2(port / rawRate),
    };
  } finally {
    await store.close();
    await client.dispose();
    if (standIn) {
      const exited = new Promise((resolve) => standIn.child.once('exit', resolve));
      standIn.child.kill('SIGTERM');
      await exited;
      rmSync(standIn.dataDir, { recursive: true, force: true });
    }
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export async function run(): Promise<Record<string, number | string>> {
  // Absolute rates depend on the disk (synchronous=FULL fsyncs per append) and on what else runs:
  // the host load is part of the figures, and the ratios are the comparable part.
  const host = { 'host.cpus': cpus().length, 'host.loadAvg1m': round2(loadavg()[0]!) };
  return { appends: appendCount, eventsPerAppend: 1, ...host, ...(await sqliteFigures()), ...(await esdbFigures()) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await run();
  console.table(figures);
}
