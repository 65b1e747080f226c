import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RevisionConflictError } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { handleCommand } from '../../src/kernel/command-handler.ts';
import type { Decider } from '../../src/kernel/decider.ts';
import { reserveUniqueKey } from '../../src/kernel/unique-key.ts';

type Event = { type: 'Added'; data: { n: number } };
const counter: Decider<{ add: number }, Event, number> = {
  initialState: 0,
  decide: (command, total) => (total + command.add > 10 ? DomainError.field('rule_violated', 'add', '10を超えます。') : command.add === 0 ? [] : [{ type: 'Added', data: { n: command.add } }]),
  evolve: (total, event) => total + event.data.n,
};
const context = { actor: 'user:1', correlationId: 'c-1' };
const store = () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-ch-')), 'e.db'));

test('loads, decides and appends with the revision it loaded, stamping actor and correlation', async () => {
  const events = store();
  const first = await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 3 }, context });
  assert.is(first.revision, 0n);
  const second = await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 4 }, context });
  assert.is(second.revision, 1n);
  const stored = await events.readStream('counter-1');
  assert.is(stored[1]!.metadata.actor, 'user:1');
  assert.is(stored[1]!.metadata.correlationId, 'c-1');
});

test('a decision error is thrown and nothing is appended', async () => {
  const events = store();
  await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 9 }, context });
  try {
    await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 2 }, context });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, DomainError);
  }
  assert.is((await events.readStream('counter-1')).length, 1);
});

test('with the revision the client saw, a mismatch is a conflict; without it, the command runs on fresh state', async () => {
  const events = store();
  await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 1 }, context });
  await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 1 }, context });
  try {
    await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 1 }, context, expectedRevision: 0n });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, RevisionConflictError);
  }
  const results = await Promise.all(Array.from({ length: 4 }, () => handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 1 }, context })));
  assert.equal(results.map((r) => r.revision).sort(), [2n, 3n, 4n, 5n]);
});

test('a command that changes nothing appends nothing and answers the current revision', async () => {
  const events = store();
  await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 1 }, context });
  const result = await handleCommand(events, { streamName: 'counter-1', decider: counter, command: { add: 0 }, context });
  assert.is(result.revision, 0n);
  assert.is(result.events.length, 0);
});

test('a unique key has one owner; a claim by an owner that never came into being is taken over after the grace period', async () => {
  const events = store();
  const later = () => Date.now() + 5 * 60_000;
  const claim = (owner: string, now?: () => number) => reserveUniqueKey(events, { scope: 'code', value: 'A1', owner, ownerStream: (id) => `thing-${id}`, field: 'code', label: 'コード' }, context, { now });
  await claim('x');
  await claim('x');
  const refused = await claim('y').then(() => null, (error: unknown) => error);
  assert.is((refused as DomainError).code, 'already_exists', 'x may still be on its way: not taken over at once');
  await claim('y', later); // thing-x still has no events minutes later: x died between reserving and creating
  await events.append('thing-y', [{ type: 'Created', data: {}, metadata: context }], 'no_stream');
  try {
    await claim('z', later);
    assert.unreachable();
  } catch (error) {
    assert.is((error as DomainError).code, 'already_exists');
  }
});

test.run();
