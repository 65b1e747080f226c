import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { readSettings } from '../../src/main/config.ts';
import { startSss, type RunningSss } from '../../src/main/sss.ts';
import { openEventStore } from '../../src/main/adapters.ts';
import { settleMatchedDeposit } from '../../../write-side/src/finance/deposit-settlement-policy.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { customer, issuedInvoices } from '../support/finance.ts';
import { transferNotice } from '../../../write-side/test/finance/zengin-fixture.ts';

/**
 * No payment lost on a crash (docs/finance.md §Confirming): a `DepositMatched` with none of its months' events
 * after it — what a crash between the two appends leaves — is appended to a stopped system's store. On the next
 * start the settlement policy records each month's payment and fee exactly once; after another restart, and
 * replayed by hand as if its checkpoint were lost, still exactly once.
 */
const test = suite('deposit settlement across a crash');

const start = (dataDir: string) => startSss(readSettings({ SSS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SSS_UI_DIR: join(dataDir, 'no-ui'), PORT: '0' }));

async function settlementsOf(sss: RunningSss, streamsToRead: string[], depositId: string) {
  const out: string[] = [];
  for (const name of streamsToRead) {
    for (const e of await sss.events.readStream(name)) {
      if ((e.type === 'PaymentRecorded' || e.type === 'InvoiceDifferenceSettled') && (e.data as { depositId?: string }).depositId === depositId) out.push(`${name.slice(-7)} ${e.type} ${(e.data as { amount: number }).amount}`);
    }
  }
  return out.sort();
}

const policyPosition = async (sss: RunningSss) => {
  const status = (await sss.subscribers.status()).find((s) => s.name === 'policy:deposit-settlement');
  return status?.position ? BigInt(status.position) : -1n;
};

test('a DepositMatched left alone by a crash is settled once on start, and never again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-deposit-crash-'));
  const first = await start(dataDir);
  let depositId = '';
  let months: { projectId: string; month: string; invoiceNumber: string }[] = [];
  try {
    months = await issuedInvoices(first, await customer(first, '障害商事', 'シヨウガイシヨウジ'), [100_000, 200_000]);
    const finance = await login(first, DEMO.finance);
    const imported = await as(first, finance)({ method: 'POST', url: '/api/bank-files', headers: { 'idempotency-key': 'crash-1' }, payload: { fileName: 'crash.txt', format: 'zengin', content: transferNotice([{ date: '2026-06-01', amount: 329_780, payerName: 'ｼﾖｳｶﾞｲｼﾖｳｼﾞ' }]).toString('base64') } });
    assert.is(imported.statusCode, 200, imported.body);
    depositId = imported.json<{ depositIds: string[] }>().depositIds[0]!;
  } finally {
    await first.stop();
  }
  const customerId = (await (async () => {
    const store = (await openEventStore(readSettings({ SSS_DATA_DIR: dataDir }))).store;
    try {
      const project = (await store.readStream(`project-${months[0]!.projectId}`))[0]!;
      const id = (project.data as { customerCompanyId: string }).customerCompanyId;
      // What the match route appends first; the crash takes the months' events with it.
      const deposit = await store.readStream(`deposit-${depositId}`);
      await store.append(`deposit-${depositId}`, [{
        type: 'DepositMatched',
        data: { depositId, customerId: id, payerKey: 'シヨウガイシヨウジ', differenceAs: 'bank_fee', reasons: ['manual'], allocations: [
          { ...months[0]!, amount: 110_000, difference: 0 },
          { ...months[1]!, amount: 219_780, difference: 220 },
        ] },
        metadata: { actor: 'system:test-crash', correlationId: randomUUID() },
      }], BigInt(deposit.length - 1));
      return id;
    } finally {
      await store.close();
    }
  })());
  assert.ok(customerId);
  const monthStreams = months.map((m) => `monthlysales-${m.projectId}_${m.month}`);
  const expected = [`2026-04 PaymentRecorded 110000`, `2026-05 InvoiceDifferenceSettled 220`, `2026-05 PaymentRecorded 219780`];

  const second = await start(dataDir);
  try {
    await waitUntil('the settlement policy to record the payments of the matched deposit', async () => (await settlementsOf(second, monthStreams, depositId)).length >= 3, { timeoutMs: 30_000 });
    assert.equal(await settlementsOf(second, monthStreams, depositId), expected);
  } finally {
    await second.stop();
  }

  const third = await start(dataDir);
  try {
    const matched = (await third.events.readStream(`deposit-${depositId}`)).find((e) => e.type === 'DepositMatched')!;
    await waitUntil('the settlement policy to pass the match again after a restart', async () => (await policyPosition(third)) >= matched.position, { timeoutMs: 30_000 });
    assert.equal(await settlementsOf(third, monthStreams, depositId), expected, 'a restart settles nothing twice');
    // As if the checkpoint were lost: the same event handled again appends nothing.
    await settleMatchedDeposit(third.events, matched, () => {});
    await settleMatchedDeposit(third.events, matched, () => {});
    assert.equal(await settlementsOf(third, monthStreams, depositId), expected, 'a replay settles nothing twice');
    const receivables = await as(third, await login(third, DEMO.finance))({ method: 'GET', url: '/api/receivables', headers: { 'x-sss-min-position': (await third.events.headPosition()).toString() } });
    const rows = receivables.json<{ rows: { invoiceNumber: string }[] }>().rows;
    for (const m of months) assert.not.ok(rows.some((r) => r.invoiceNumber === m.invoiceNumber), `${m.invoiceNumber} is paid`);
  } finally {
    await third.stop();
  }
});

test.run();
