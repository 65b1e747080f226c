import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createLoginThrottle, LOCKOUT } from '../../src/auth/login-throttle.ts';

/** Lockout per account, and per address only at a much higher count (issue #11 item 6). */

const MINUTE = 60_000;

test('five failures in fifteen minutes lock the account for fifteen minutes, from every address', () => {
  const throttle = createLoginThrottle();
  for (let i = 0; i < 4; i++) throttle.recordFailure('a@example.co.jp', '10.0.0.1', i * MINUTE);
  assert.is(throttle.lockedUntil('a@example.co.jp', '10.0.0.1', 4 * MINUTE), null, 'four failures lock nothing');
  throttle.recordFailure('a@example.co.jp', '10.0.0.1', 4 * MINUTE);
  assert.is(throttle.lockedUntil('a@example.co.jp', '10.0.0.2', 5 * MINUTE), 19 * MINUTE);
  assert.is(throttle.lockedUntil('b@example.co.jp', '10.0.0.1', 5 * MINUTE), null, 'the address is not locked for others');
  assert.is(throttle.lockedUntil('a@example.co.jp', '10.0.0.1', 19 * MINUTE), null, 'open again when the lock ends');
});

test('failures older than the window do not count, and a success clears the account', () => {
  const throttle = createLoginThrottle();
  for (let i = 0; i < 4; i++) throttle.recordFailure('a@example.co.jp', '10.0.0.1', 0);
  throttle.recordFailure('a@example.co.jp', '10.0.0.1', 15 * MINUTE);
  assert.is(throttle.lockedUntil('a@example.co.jp', '10.0.0.1', 15 * MINUTE), null);
  for (let i = 0; i < 3; i++) throttle.recordFailure('a@example.co.jp', '10.0.0.1', 16 * MINUTE);
  throttle.recordSuccess('a@example.co.jp');
  throttle.recordFailure('a@example.co.jp', '10.0.0.1', 16 * MINUTE);
  assert.is(throttle.lockedUntil('a@example.co.jp', '10.0.0.1', 16 * MINUTE), null);
});

test('an address is locked at its own, much higher threshold, and a success elsewhere does not reset it', () => {
  const throttle = createLoginThrottle();
  assert.ok(LOCKOUT.addressFailures >= 10 * LOCKOUT.accountFailures);
  for (let i = 0; i < LOCKOUT.addressFailures - 1; i++) throttle.recordFailure(`user${i}@example.co.jp`, '10.0.0.9', 0);
  throttle.recordSuccess('someone@example.co.jp');
  assert.is(throttle.lockedUntil('someone@example.co.jp', '10.0.0.9', 0), null);
  throttle.recordFailure('last@example.co.jp', '10.0.0.9', 0);
  assert.is(throttle.lockedUntil('someone@example.co.jp', '10.0.0.9', MINUTE), LOCKOUT.lockMs);
  assert.is(throttle.lockedUntil('someone@example.co.jp', '10.0.0.10', MINUTE), null);
});

test.run();
