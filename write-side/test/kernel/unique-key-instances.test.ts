import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { openEsdbEventStore } from '../../src/eventstore/esdb-event-store.ts';
import { handleCommand, type CommandContext } from '../../src/kernel/command-handler.ts';
import type { Decider } from '../../src/kernel/decider.ts';
import { uniqueStream, withUniqueKey } from '../../src/kernel/unique-key.ts';

/**
 * Issue #17 item 2: the same code registered on several app instances at once has exactly one winner,
 * every round. Each instance is its own store client (its own SQLite connection to one file, its own
 * gRPC client to the EventStoreDB stand-in). The orphan grace is zero, so every loser that finds the
 * winner's stream still empty tries to take the claim over while the winner's append is in flight:
 * the race issue #17 saw (the take-over saw the owner's stream empty; both got 201). The fence
 * (`UniqueKeyOwnerVoided`, unique-key.ts) must leave exactly one owner anyway.
 */

const INSTANCES = 3;
const CLAIMANTS_PER_INSTANCE = 3;

type Event = { type: 'Registered'; data: { code: string } };
const registration: Decider<{ code: string }, Event, boolean> = {
  initialState: false,
  decide: (command, exists) => (exists ? new DomainError('already_exists', '登録済みです。') : [{ type: 'Registered', data: { code: command.code } }]),
  evolve: () => true,
};
const thing = (id: string) => `thing-${id}`;
const context: CommandContext = { actor: 'user:1', correlationId: 'c-1' };

async function register(events: EventStore, code: string, owner: string): Promise<'won' | 'refused'> {
  const claim = { scope: 'thing-code', value: code, owner, ownerStream: thing, field: 'code', label: 'コード' };
  try {
    await withUniqueKey(events, claim, context, (claiming) => handleCommand(events, { streamName: thing(owner), decider: registration, command: { code }, context: claiming }), { orphanGraceMs: 0 });
    return 'won';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'already_exists') return 'refused';
    throw error;
  }
}

async function rounds(instances: readonly EventStore[], count: number): Promise<void> {
  for (let round = 0; round < count; round++) {
    const code = `C-${randomUUID()}`;
    const claimants = instances.flatMap((events) => Array.from({ length: CLAIMANTS_PER_INSTANCE }, () => ({ events, owner: randomUUID().replaceAll('-', '') })));
    const outcomes = await Promise.all(claimants.map(({ events, owner }) => register(events, code, owner)));
    const winners = claimants.filter((_, i) => outcomes[i] === 'won').map((c) => c.owner);
    assert.is(winners.length, 1, `round ${round}: exactly one registration answered success (${winners.length})`);
    const reader = instances[0]!;
    const existing: string[] = [];
    for (const { owner } of claimants) {
      const [first] = await reader.readStream(thing(owner), { maxCount: 1 });
      if (first?.type === 'Registered') existing.push(owner);
    }
    assert.equal(existing, winners, `round ${round}: exactly the winner exists as an aggregate`);
    const [claim] = await reader.readStream(uniqueStream('thing-code', code), { direction: 'backwards', maxCount: 1 });
    assert.is((claim?.data as { owner?: string } | undefined)?.owner, winners[0], `round ${round}: the claim names the winner`);
  }
}

test(`SQLite: ${INSTANCES} connections to one file, ${INSTANCES * CLAIMANTS_PER_INSTANCE} claimants, one winner every round`, async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sss-unique-')), 'events.db');
  const instances = Array.from({ length: INSTANCES }, () => openSqliteEventStore(path));
  await rounds(instances, 40);
  for (const events of instances) await events.close();
});

test(`EventStoreDB (stand-in in CI): ${INSTANCES} clients, one winner every round`, async () => {
  const url = process.env.EVENTSTORE_URL;
  if (!url) throw new Error('EVENTSTORE_URL is not set: run through `npm test` (which starts the EventStoreDB stand-in)');
  const instances = Array.from({ length: INSTANCES }, () => openEsdbEventStore(url));
  await rounds(instances, 25);
  for (const events of instances) await events.close();
});

test.run();
