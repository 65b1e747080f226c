import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { commandHandlerFor } from '../../src/kernel/command-handler-for.ts';
import { jitteredBackoff } from '../../src/kernel/conflict-retry.ts';
import type { Decider } from '../../src/kernel/decider.ts';

/** The bound command handler: one decider, one stream builder, conflicts retried only when nothing was pinned. */

type Command = { type: 'Open' } | { type: 'Add'; n: number };
type Event = { type: 'Opened'; data: Record<string, never> } | { type: 'Added'; data: { n: number } };
const counter: Decider<Command, Event, { open: boolean; total: number }> = {
  initialState: { open: false, total: 0 },
  decide: (command, state) => {
    if (command.type === 'Open') return state.open ? new DomainError('already_exists', '既にあります。') : [{ type: 'Opened', data: {} }];
    return command.n === 0 ? [] : [{ type: 'Added', data: { n: command.n } }];
  },
  evolve: (state, event) => (event.type === 'Opened' ? { ...state, open: true } : { ...state, total: state.total + event.data.n }),
};
const context = { actor: 'user:1', correlationId: 'c-1' };
const metadata = { actor: 'rival', correlationId: 'c-2' };
const sqlite = () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-chf-')), 'e.db'));

/** A store where another writer slips an event in before each of our next `races` appends. */
function racing(inner: EventStore, races: number): EventStore & { appends: number } {
  let left = races;
  const store = Object.create(inner) as EventStore & { appends: number };
  store.appends = 0;
  store.append = async (streamName, events, expected) => {
    store.appends++;
    if (left-- > 0) await inner.append(streamName, [{ type: 'Added', data: { n: 100 }, metadata }], 'any');
    return inner.append(streamName, events, expected);
  };
  return store;
}

/** Waits recorded instead of slept, with a fixed "random" share: the back-off is deterministic. */
function recordedRetry(attempts: number) {
  const waits: number[] = [];
  const retry = jitteredBackoff({ attempts, baseMs: 10, capMs: 1_000, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
  return { retry, waits };
}

const handlerOn = (store: EventStore, retry = recordedRetry(3).retry) =>
  commandHandlerFor({ store, decider: counter, stream: (id: string) => `counter-${id}`, mustExist: (command) => command.type !== 'Open', retry });

test('runs against the stream its id names; commands other than creation need the stream', async () => {
  const store = sqlite();
  const counters = handlerOn(store);
  try {
    await counters.run('a', { type: 'Add', n: 1 }, context);
    assert.unreachable();
  } catch (error) {
    assert.is((error as DomainError).code, 'not_found');
  }
  await counters.run('a', { type: 'Open' }, context);
  const added = await counters.run('a', { type: 'Add', n: 2 }, context, 0n);
  assert.is(added.streamName, 'counter-a');
  assert.is(added.revision, 1n);
  assert.is(counters.streamName('a'), 'counter-a');
  assert.equal(await counters.load('a'), { state: { open: true, total: 2 }, exists: true, revision: 1n });
  assert.equal(await counters.load('b'), { state: counter.initialState, exists: false, revision: -1n });
});

test('a lost race is retried on fresh state after a back-off, then succeeds', async () => {
  const inner = sqlite();
  await handlerOn(inner).run('a', { type: 'Open' }, context);
  const store = racing(inner, 1);
  const { retry, waits } = recordedRetry(3);
  const result = await handlerOn(store, retry).run('a', { type: 'Add', n: 2 }, context);
  assert.is(store.appends, 2);
  assert.equal(waits, [5]);
  assert.is(result.revision, 2n);
  assert.equal((await handlerOn(inner).load('a')).state, { open: true, total: 102 });
});

test('a pinned revision (If-Match) is never retried: the conflict reaches the caller with the current revision', async () => {
  const inner = sqlite();
  await handlerOn(inner).run('a', { type: 'Open' }, context);
  const store = racing(inner, 1);
  const { retry, waits } = recordedRetry(3);
  try {
    await handlerOn(store, retry).run('a', { type: 'Add', n: 2 }, context, 0n);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, RevisionConflictError);
    assert.is((error as RevisionConflictError).actual, 1n);
  }
  assert.is(store.appends, 1);
  assert.equal(waits, []);
  // and a revision that is already stale when loaded is refused before deciding
  try {
    await handlerOn(inner, retry).run('a', { type: 'Add', n: 2 }, context, 0n);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, RevisionConflictError);
    assert.is((error as RevisionConflictError).actual, 1n);
  }
  assert.equal(waits, []);
});

test('retries are bounded: after the last attempt loses, the conflict is thrown; waits double', async () => {
  const inner = sqlite();
  await handlerOn(inner).run('a', { type: 'Open' }, context);
  const store = racing(inner, Number.POSITIVE_INFINITY);
  const { retry, waits } = recordedRetry(3);
  try {
    await handlerOn(store, retry).run('a', { type: 'Add', n: 2 }, context);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, RevisionConflictError);
  }
  assert.is(store.appends, 3);
  assert.equal(waits, [5, 10]);
  assert.equal((await handlerOn(inner).load('a')).state.total, 300);
});

test('the back-off is a random share of a doubling window, capped', () => {
  const full = jitteredBackoff({ baseMs: 10, capMs: 50, random: () => 0.999 });
  assert.equal([1, 2, 3, 4, 5].map(full.delay), [9, 19, 39, 49, 49]);
  assert.is(jitteredBackoff({ random: () => 0 }).delay(4), 0);
  assert.is(jitteredBackoff().attempts, 10, 'ten rounds: group commit lets one writer per stream win per batch');
});

test.run();
