import { openEsdbEventStore } from '@sss/write-side/eventstore/esdb-event-store';
import { followFromCheckpoint } from '@sss/write-side/eventstore/checkpointed-subscription';
import { startLedgerSigner } from '@sss/write-side/ledger/signer';
import { loadLedgerKeys } from '@sss/write-side/ledger/keys';
import { NO_SUBSCRIBER_REPORT } from '@sss/contracts/ports/subscribers';

/**
 * One instance of a leased subscriber in its own process, so a test can kill it with SIGKILL (no
 * lease release, no renewal, nothing handled after) — infra/test/deploy/leader-takeover.test.ts.
 * Usage: leader-instance.ts <kind: subscription|signer> <esdb url> <holder> <ttl ms> <renew ms> <dir>
 * Prints one JSON line per fact: {"role":"leader"}, {"handled":"<type>"}, {"signed":"<position>"}.
 */
const [kind, url, holder, ttl, renew, dir] = process.argv.slice(2) as [string, string, string, string, string, string];
const say = (fact: Record<string, string>) => process.stdout.write(`${JSON.stringify(fact)}\n`);
const lease = { holder, ttlMs: Number(ttl), renewMs: Number(renew) };
const events = openEsdbEventStore(url);
const quiet = () => {};

// Leadership timers are unref'd (a server's listener keeps its process alive); this process has none.
setInterval(() => {}, 60_000);

if (kind === 'subscription') {
  followFromCheckpoint({
    events,
    name: 'policy-under-kill',
    handle: (event) => {
      say({ handled: event.type });
    },
    log: quiet,
    report: { ...NO_SUBSCRIBER_REPORT, role: (role) => say({ role }) },
    lease,
  });
} else if (kind === 'signer') {
  const keys = loadLedgerKeys(`${dir}/ledger-key.pem`, { create: false });
  const signer = await startLedgerSigner({ events, keys, file: `${dir}/checkpoints-${holder}.jsonl`, every: 1_000_000, log: quiet, lease });
  // The signer reports no role: signing on demand shows whether it leads and how far it has read.
  const poll = async (): Promise<void> => {
    const signed = await signer.signNow().catch(() => null);
    if (signed) say({ role: 'leader', signed: signed.position });
    setTimeout(() => void poll(), 50);
  };
  void poll();
} else {
  throw new Error(`unknown kind ${kind}`);
}
