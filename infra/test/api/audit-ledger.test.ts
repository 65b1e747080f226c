import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerCheckpointsView, LedgerPublicKeyView, LedgerVerificationStatusView } from '@sss/contracts/audit/ledger';
import { streams } from '@sss/contracts/streams/names';
import { as, DEMO, login, startTestSss } from '../support/sss.ts';

/**
 * The 監査 ledger API on a running SSS: the auditor sees the public key and the checkpoints the
 * signer wrote, starts a whole-store verification and reads its recorded outcome.
 */
test('an auditor verifies the whole store, and the outcome is recorded as LedgerVerified', async () => {
  const sss = await startTestSss();
  try {
    const auditor = as(sss, await login(sss, DEMO.auditor));
    const key = (await auditor({ method: 'GET', url: '/api/audit/ledger/public-key' })).json<LedgerPublicKeyView>();
    assert.match(key.pem, /BEGIN PUBLIC KEY/);
    assert.match(key.fingerprint, /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);

    const started = await auditor({ method: 'POST', url: '/api/audit/verifications', payload: {} });
    assert.is(started.statusCode, 202, started.body);
    let status: LedgerVerificationStatusView;
    const until = Date.now() + 30_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await auditor({ method: 'GET', url: '/api/audit/verifications/latest' })).json<LedgerVerificationStatusView>();
    } while (status.running && Date.now() < until);
    assert.ok(status.latest, 'a verification was recorded');
    assert.is(status.latest!.intact, true, JSON.stringify(status.latest!.firstBreak));
    assert.ok(status.latest!.events > 0);
    assert.ok(status.latest!.checkpointsChecked >= 1);
    const checkpoints = (await auditor({ method: 'GET', url: '/api/audit/ledger/checkpoints' })).json<LedgerCheckpointsView>();
    assert.ok(checkpoints.checkpoints.length >= 1, 'a verification starts with a checkpoint of the current head');
    assert.is(checkpoints.keyId, key.keyId);
    const download = await auditor({ method: 'GET', url: '/api/audit/ledger/checkpoints?format=jsonl' });
    assert.match(String(download.headers['content-disposition']), /^attachment/);
    assert.is(download.body.trim().split('\n').length, checkpoints.checkpoints.length);

    const [recorded] = await sss.events.readStream(streams.ledgerAudit, { direction: 'backwards', maxCount: 1 });
    assert.is(recorded?.type, 'LedgerVerified');
    assert.is(recorded?.metadata.actor, 'system:ledger-verifier', 'the auditor itself writes nothing');
  } finally {
    await sss.stop();
  }
});

test.run();
