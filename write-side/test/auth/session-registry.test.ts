import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SessionClaims } from '@sss/contracts/http/auth';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import { streams } from '@sss/contracts/streams/names';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { startSessionRegistry } from '../../src/auth/session-registry.ts';
import { recordSessionEnd, recordSignIn } from '../../src/auth/sign-in-record.ts';
import { foldSessionEvent, noFacts, sessionRefusal } from '../../src/auth/session-validity.ts';

/**
 * The session cache (issue #14 item 3): answered from memory, refreshed by the instance's own appends
 * at once and by the store's subscription for everyone else's, within a second even when the other
 * writer is another process (two connections to one SQLite file: no in-process wake-up, only polling).
 */

const log = () => {};
const meta = { actor: 'u1', correlationId: 'test' };

async function registeredUser(events: EventStore, userId: string) {
  await events.append(streams.user(userId), [{ type: 'UserRegistered', data: { userId, email: `${userId}@example.co.jp`, name: '甲', roles: ['sales'], orgUnitId: null, passwordHash: 'h' }, metadata: meta }], 'no_stream');
}

const claimsOf = (userId: string, sid: string, now = Date.now()): SessionClaims => ({ sub: userId, name: '甲', email: 'x', roles: ['sales'], exp: now + 3_600_000, iat: now, sid, seen: now });

test('another process\'s logout and deactivation reach a warm cache within a second', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sss-sessions-')), 'events.db');
  const here = openSqliteEventStore(file);
  const elsewhere = openSqliteEventStore(file);
  const registry = await startSessionRegistry(here, { idleMinutes: 30, log });
  try {
    await registeredUser(elsewhere, 'u1');
    const sid = await recordSignIn(elsewhere, 'u1', 'password', '127.0.0.1');
    const other = await recordSignIn(elsewhere, 'u1', 'password', '127.0.0.1');
    const claims = claimsOf('u1', sid);
    assert.ok(await registry.stillValid(claims, Date.now()), 'a cold user is read from the store');
    await recordSessionEnd(elsewhere, 'u1', sid, 'logout');
    await waitUntil('the logout to reach the cache', async () => !(await registry.stillValid(claims, Date.now())), { timeoutMs: 1_000 });
    assert.ok(await registry.stillValid(claimsOf('u1', other), Date.now()), 'only that session ended');
    await elsewhere.append(streams.user('u1'), [{ type: 'UserDeactivated', data: { userId: 'u1' }, metadata: meta }], 'any');
    await waitUntil('the deactivation to reach the cache', async () => !(await registry.stillValid(claimsOf('u1', other, Date.parse('2000-01-01')), Date.now())), { timeoutMs: 1_000 });
  } finally {
    registry.stop();
    await here.close();
    await elsewhere.close();
  }
});

test('an append through the watched store is seen by the very next check', async () => {
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-sessions-')), 'events.db'));
  const registry = await startSessionRegistry(events, { idleMinutes: 30, log });
  try {
    const watched = registry.watching(events);
    await registeredUser(watched, 'u2');
    const sid = await recordSignIn(watched, 'u2', 'password', '127.0.0.1');
    // Issued a millisecond earlier: an ending in the very millisecond a session was issued leaves it standing.
    const claims = claimsOf('u2', sid, Date.now() - 1);
    assert.ok(await registry.stillValid(claims, Date.now()));
    await recordSessionEnd(watched, 'u2', sid, 'everywhere');
    assert.not.ok(await registry.stillValid(claims, Date.now()), 'no wait for the subscription');
  } finally {
    registry.stop();
    await events.close();
  }
});

test('a cold read finds a logout under many later sign-ins (the sign-in stream is read newest first, page by page)', async () => {
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-sessions-')), 'events.db'));
  const registry = await startSessionRegistry(events, { idleMinutes: 30, log });
  try {
    await registeredUser(events, 'u4');
    const sid = await recordSignIn(events, 'u4', 'password', '127.0.0.1');
    await recordSessionEnd(events, 'u4', sid, 'logout');
    for (let i = 0; i < 120; i++) await recordSignIn(events, 'u4', 'password', '127.0.0.1');
    assert.not.ok(await registry.stillValid(claimsOf('u4', sid), Date.now()));
    assert.ok(await registry.stillValid(claimsOf('u4', 'a-later-session'), Date.now()));
  } finally {
    registry.stop();
    await events.close();
  }
});

test('the fold does not depend on the order or repetition of events, and idle sessions are refused', () => {
  const at = (position: bigint, type: string, data: object, occurredAt = '2026-04-01T00:00:00.000Z') =>
    ({ streamName: type === 'SessionEnded' ? streams.signIn('u3') : streams.user('u3'), revision: 0n, position, type, data, metadata: { occurredAt } }) as unknown as RecordedEvent;
  const events = [
    at(1n, 'UserRegistered', { userId: 'u3' }),
    at(2n, 'UserDeactivated', { userId: 'u3' }),
    at(3n, 'UserReactivated', { userId: 'u3' }, '2026-04-01T01:00:00.000Z'),
    at(4n, 'SessionEnded', { userId: 'u3', sessionId: 's1', reason: 'logout' }),
  ];
  const forwards = noFacts();
  const shuffled = noFacts();
  for (const event of events) foldSessionEvent(forwards, event);
  for (const event of [events[3]!, events[2]!, events[0]!, events[1]!, events[2]!]) foldSessionEvent(shuffled, event);
  assert.equal(shuffled, forwards);
  const now = Date.parse('2026-04-01T02:00:00.000Z');
  const claims = (sid: string, iat: number, seen = now) => ({ ...claimsOf('u3', sid, now), iat, seen });
  assert.is(sessionRefusal(forwards, claims('s2', now), now, 30 * 60_000), null);
  assert.is(sessionRefusal(forwards, claims('s1', now), now, 30 * 60_000), 'ended', 'logged out');
  assert.is(sessionRefusal(forwards, claims('s2', Date.parse('2026-03-31T23:30:00.000Z')), now, 30 * 60_000), 'ended', 'issued before the deactivation');
  assert.is(sessionRefusal(forwards, claims('s2', now, now - 31 * 60_000), now, 30 * 60_000), 'idle');
});

test.run();
