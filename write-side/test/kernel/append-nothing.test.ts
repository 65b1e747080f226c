import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { handleCommand, type CommandContext } from '../../src/kernel/command-handler.ts';
import type { Decider } from '../../src/kernel/decider.ts';
import { withIdempotency } from '../../src/kernel/idempotency.ts';
import { withUniqueKey } from '../../src/kernel/unique-key.ts';

/**
 * Issue #11 item 9: a refused command leaves nothing in the event store — no Idempotency-Key
 * reservation or answer, no unique-key claim — counted over the whole store, not one stream.
 */

type Command = { code: string; name: string; explode?: boolean };
type Event = { type: 'Registered'; data: { code: string; name: string } };
const registration: Decider<Command, Event, boolean> = {
  initialState: false,
  decide: (command, exists) => {
    if (command.explode) throw new Error('a bug in the middle of the command');
    if (exists) return new DomainError('already_exists', '登録済みです。');
    return command.name.length === 0 ? DomainError.field('validation_failed', 'name', '名前を入力してください。') : [{ type: 'Registered', data: { code: command.code, name: command.name } }];
  },
  evolve: () => true,
};

const context: CommandContext = { actor: 'user:1', correlationId: 'c-1' };
const openStore = () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-append-nothing-')), 'e.db'));
const count = async (events: EventStore) => (await events.readAll({ maxCount: 10_000 })).length;
const thing = (id: string) => `thing-${id}`;

/** What a registration route does: Idempotency-Key around a unique code around load → decide → append. */
function register(events: EventStore, id: string, command: Command, key: string | undefined) {
  return withIdempotency(events, { actor: context.actor, key, request: command, correlationId: 'c-1' }, async (beforeAppend) => {
    const outer = beforeAppend ? { ...context, beforeAppend } : context;
    const claim = { scope: 'thing-code', value: command.code, owner: id, ownerStream: thing, field: 'code', label: 'コード' };
    const result = await withUniqueKey(events, claim, outer, (claiming) => handleCommand(events, { streamName: thing(id), decider: registration, command, context: claiming }));
    return { status: 201, body: { id, revision: result.revision.toString() } };
  });
}

const refusal = (promise: Promise<unknown>) => promise.then(() => assert.unreachable('was not refused'), (error: unknown) => error);

test('an idempotent command refused by the domain appends nothing, and its replay is refused again', async () => {
  const events = openStore();
  const error = await refusal(register(events, 'a', { code: 'C1', name: '' }, 'key-1'));
  assert.is((error as DomainError).code, 'validation_failed');
  assert.is(await count(events), 0);
  assert.is(((await refusal(register(events, 'a', { code: 'C1', name: '' }, 'key-1'))) as DomainError).code, 'validation_failed');
  assert.is(await count(events), 0);
});

test('a unique-key command refused because the code is taken appends nothing (no claim, no key)', async () => {
  const events = openStore();
  await register(events, 'a', { code: 'C1', name: '一' }, 'key-1');
  const before = await count(events);
  const error = await refusal(register(events, 'b', { code: 'c1', name: '二' }, 'key-2'));
  assert.is((error as DomainError).code, 'already_exists');
  assert.is((error as DomainError).errors[0]?.field, 'code');
  assert.is(await count(events), before);
});

test('an error thrown in the middle of a command appends nothing', async () => {
  const events = openStore();
  const error = await refusal(register(events, 'a', { code: 'C1', name: '一', explode: true }, 'key-1'));
  assert.match(String(error), /a bug in the middle/);
  assert.is(await count(events), 0);
  // Nothing was claimed, so the same code and the same key register at once afterwards.
  const answer = await register(events, 'a', { code: 'C1', name: '一' }, 'key-1');
  assert.is(answer.status, 201);
  assert.equal((await events.readAll()).map((e) => e.type), ['UniqueKeyReserved', 'IdempotencyKeyReserved', 'Registered', 'IdempotentOutcomeRecorded']);
});

test('when the owner\'s append fails after the claim, the claim and the key are released and a correct registration of the code succeeds at once', async () => {
  const real = openStore();
  let failOwner = true;
  const flaky: EventStore = {
    ...real,
    append: (stream, events, expected) => (failOwner && stream.startsWith('thing-') ? Promise.reject(new Error('disk full')) : real.append(stream, events, expected)),
  };
  await refusal(register(flaky, 'a', { code: 'C1', name: '一' }, 'key-1'));
  assert.equal((await real.readAll()).map((e) => e.type), ['UniqueKeyReserved', 'IdempotencyKeyReserved', 'UniqueKeyReleased', 'IdempotencyKeyReleased'], 'only the documented compensations');
  failOwner = false;
  // The retry is a new attempt (a new owner id) with the same key: neither the key nor the code blocks it.
  const retry = await register(flaky, 'a2', { code: 'C1', name: '一' }, 'key-1');
  assert.is(retry.status, 201);
  assert.is(retry.replayed, false);
});

test('two concurrent deliveries of one keyed request append the command once', async () => {
  const events = openStore();
  const outcomes = await Promise.allSettled([register(events, 'a', { code: 'C1', name: '一' }, 'key-1'), register(events, 'b', { code: 'C1', name: '一' }, 'key-1')]);
  assert.is(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
  assert.is((await events.readAll()).filter((e) => e.type === 'Registered').length, 1);
  const replay = await register(events, 'c', { code: 'C1', name: '一' }, 'key-1');
  assert.ok(replay.replayed);
});

test.run();
