import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { filter, firstValueFrom } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { openEmbeddedReadStore } from '@sss/read-side/store/embedded-read-store';
import { openMongoReadStore } from '@sss/read-side/store/mongo-read-store';
import { startProjector } from '@sss/read-side/projector/projector';
import { countingProjection } from '../../../read-side/test/support/counting-projection.ts';

/**
 * A projector process is killed with SIGKILL while it works through thousands of events, several
 * times over, and restarted each time; at the end its read model equals a clean rebuild. Runs on
 * the embedded store and on MongoDB (FerretDB, from MONGODB_URL: no transactions there).
 */

const EVENTS = 3000;
const child = new URL('./projector-child.ts', import.meta.url).pathname;

async function fillEvents(path: string) {
  const events = openSqliteEventStore(path);
  for (let i = 0; i < EVENTS; i += 100) {
    for (let s = 0; s < 5; s++) {
      await events.append(`s-${s}`, Array.from({ length: 20 }, (_, k) => ({ type: 'Numbered', data: { n: i + s * 20 + k + 1 }, metadata: { actor: 't', correlationId: 'c' } })), 'any');
    }
  }
  await events.close();
}

function runUntilKilled(eventsPath: string, kind: string, target: string, killAfter: bigint): Promise<bigint> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, eventsPath, kind, target], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let last = 0n;
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      last = BigInt(line.split(' ')[1]!);
      if (last >= killAfter && proc.exitCode === null) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => (signal === 'SIGKILL' || last >= BigInt(EVENTS) ? resolve(last) : reject(new Error(`child exited ${code}`))));
  });
}

async function tallies(store: ReadStore) {
  return (await store.find('tallies', {}, { sort: { _id: 1 } })).map(({ _pos: _ignored, ...doc }) => doc);
}

for (const kind of ['embedded', 'mongodb'] as const) {
  test(`${kind}: SIGKILLed projector processes, restarted, end equal to a clean rebuild`, async () => {
    if (kind === 'mongodb' && !process.env.MONGODB_URL) throw new Error('MONGODB_URL is not set: run through `npm test`, which starts FerretDB');
    const dir = mkdtempSync(join(tmpdir(), 'sss-sigkill-'));
    const eventsPath = join(dir, 'events.db');
    await fillEvents(eventsPath);
    const target = kind === 'embedded' ? join(dir, 'read.db') : `sigkill_${randomUUID().slice(0, 8)}`;
    const open = (name: string) => (kind === 'embedded' ? Promise.resolve(openEmbeddedReadStore(name)) : openMongoReadStore({ url: process.env.MONGODB_URL!, database: name }));

    for (const killAt of [500n, 1500n, 2400n]) await runUntilKilled(eventsPath, kind, target, killAt);

    const events = openSqliteEventStore(eventsPath);
    const resumed = await open(target);
    const resumedProjector = await startProjector({ events, store: resumed, projection: countingProjection, batchSize: 100 });
    await firstValueFrom(resumedProjector.position$.pipe(filter((p) => p >= BigInt(EVENTS))));
    await resumedProjector.stop();

    const clean = await open(kind === 'embedded' ? join(dir, 'clean.db') : `${target}_clean`);
    const cleanProjector = await startProjector({ events, store: clean, projection: countingProjection, batchSize: 500 });
    await firstValueFrom(cleanProjector.position$.pipe(filter((p) => p >= BigInt(EVENTS))));
    await cleanProjector.stop();

    assert.equal(await tallies(resumed), await tallies(clean));
    const total = (await resumed.get('tallies', 'TOTAL'))!;
    assert.is(total.count, EVENTS, 'every event counted exactly once');
    assert.is(total.sum, (EVENTS * (EVENTS + 1)) / 2);
    await Promise.all([resumed.close(), clean.close(), events.close()]);
  });
}

test.run();
