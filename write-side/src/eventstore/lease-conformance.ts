import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { WithLeases } from '@sss/contracts/ports/leases';
import { waitUntil } from '@sss/contracts/testing/wait-until';

/**
 * One conformance suite for the event stores' lease stores (the SQLite table, EventStoreDB stream
 * metadata; contracts/src/ports/leases.ts). `open` is called once per instance, so each instance has
 * its own connection, as separate processes would. Names are unique, so a shared server is fine.
 */
type Opened = WithLeases & { close(): Promise<void> };

export function leaseStoreConformance(label: string, open: () => Promise<Opened>): void {
  const test = suite(`lease store conformance: ${label}`);
  const name = () => `conformance-${randomUUID().slice(0, 8)}`;
  const instances = (count: number, body: (leases: Opened['leases'][]) => Promise<void>) => async () => {
    const opened = await Promise.all(Array.from({ length: count }, () => open()));
    try {
      await body(opened.map((o) => o.leases));
    } finally {
      await Promise.all(opened.map((o) => o.close()));
    }
  };

  test('one holder at a time; the token stays on renewal and grows when the holder changes', instances(2, async ([a, b]) => {
    const n = name();
    assert.is(await a!.acquire(n, 'A', 300), 1n);
    assert.is(await b!.acquire(n, 'B', 300), null, 'held by A');
    assert.is(await a!.acquire(n, 'A', 300), 1n, 'renewal keeps the token');
    assert.is((await b!.holderOf(n))?.holder, 'A');
    await waitUntil('the lease to expire', async () => (await b!.holderOf(n)) === null);
    assert.is(await b!.acquire(n, 'B', 60_000), 2n, 'taken over: a greater token');
    assert.is(await a!.acquire(n, 'A', 300), null, 'the deposed holder cannot renew');
    await b!.release(n, 'B');
    assert.is(await a!.acquire(n, 'A', 300), 3n, 'released: taken at once');
    await b!.release(n, 'B');
    assert.is((await a!.holderOf(n))?.holder, 'A', 'a release by someone who no longer holds it changes nothing');
  }));

  test('of several instances acquiring at once, exactly one wins, round after round', instances(4, async (all) => {
    for (let round = 0; round < 10; round += 1) {
      const n = name();
      const tokens = await Promise.all(all.map((leases, i) => leases.acquire(n, `I${i}`, 60_000)));
      assert.is(tokens.filter((token) => token !== null).length, 1, `round ${round}: ${tokens.map(String).join(', ')}`);
    }
  }));

  test.run();
}
