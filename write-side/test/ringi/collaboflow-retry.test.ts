import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { backoffDelay, withRetry, type RetryPolicy } from '../../src/ringi/collaboflow-retry.ts';

const policy: RetryPolicy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

test('backoff doubles per retry, is capped, and keeps half of it fixed', () => {
  assert.equal([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n, () => 0)), [50, 100, 200, 400, 500, 500]);
  assert.equal([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n, () => 0.999999)), [100, 200, 400, 800, 1000, 1000]);
});

test('retries retryable failures until one succeeds, telling each attempt its number', async () => {
  const slept: number[] = [];
  const seen: number[] = [];
  const result = await withRetry(
    async (n) => {
      seen.push(n);
      if (n < 2) throw new Error('flaky');
      return 'ok';
    },
    () => true,
    policy,
    { sleep: async (ms) => void slept.push(ms), random: () => 0.5 },
  );
  assert.is(result, 'ok');
  assert.equal(seen, [0, 1, 2]);
  assert.equal(slept, [75, 150]);
});

test('a failure that is not retryable is thrown at once', async () => {
  let calls = 0;
  const error = await withRetry(
    async () => {
      calls += 1;
      throw new Error('bad request');
    },
    () => false,
    policy,
    { sleep: async () => assert.unreachable('no sleep'), random: () => 0 },
  ).catch((e: unknown) => e);
  assert.is((error as Error).message, 'bad request');
  assert.is(calls, 1);
});

test('after the last attempt the last error is thrown', async () => {
  let calls = 0;
  const error = await withRetry(
    async () => {
      calls += 1;
      throw new Error(`outage ${calls}`);
    },
    () => true,
    policy,
    { sleep: async () => undefined, random: () => 0 },
  ).catch((e: unknown) => e);
  assert.is(calls, 5);
  assert.is((error as Error).message, 'outage 5');
});

test.run();
