import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UNSET_BILLING } from '@sss/contracts/company/billing';
import type { CompanyFields } from '@sss/contracts/company/schemas';
import { currentSchemaVersion, upcastingEventStore } from '@sss/contracts/events/upcasting';
import { streams } from '@sss/contracts/streams/names';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { verifyChain } from '../../src/eventstore/metadata.ts';
import { companyDecider } from '../../src/company/decider.ts';
import { commandHandlerFor } from '../../src/kernel/command-handler-for.ts';
import { streamHistory } from '../../src/history/stream-history.ts';
import { verifyLedger } from '../../src/ledger/verify.ts';

/**
 * A company registered before the billing fields existed (schema version 1, no `billing`) reads as
 * version 2 with every billing field 未設定 on each write-side read path, while its stored bytes —
 * what the hash chain covers — stay as they were (docs/schema-evolution.md).
 */

const V1_REGISTERED = {
  companyId: 'c1', code: 'OLD1', name: '旧株式', kana: 'キュウ', formalName: '旧株式会社', shortName: 'Old', isCustomer: true, isPartner: false,
  ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, notes: '', registeredOn: '2024-04-01',
};
const context = { actor: 'u1', correlationId: 'c' };

async function withOldCompany() {
  const raw = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-upcast-')), 'events.db'));
  await raw.append(streams.company('c1'), [{ type: 'CompanyRegistered', data: V1_REGISTERED, metadata: { ...context, schemaVersion: 1 } }], 'no_stream');
  return { raw, store: upcastingEventStore(raw) };
}

test('company events are at version 2; types without upcasters stay at 1', () => {
  assert.is(currentSchemaVersion('CompanyRegistered'), 2);
  assert.is(currentSchemaVersion('CompanyEdited'), 2);
  assert.is(currentSchemaVersion('CreditLimitChanged'), 1);
});

test('readStream, readAll and subscribeAll answer the new shape; the stored form is kept beside it', async () => {
  const { raw, store } = await withOldCompany();
  const [stored] = await raw.readStream(streams.company('c1'));
  assert.is((stored!.data as Record<string, unknown>).billing, undefined, 'stored without billing');
  for (const event of [(await store.readStream(streams.company('c1')))[0]!, (await store.readAll())[0]!, (await firstValueFrom(store.subscribeAll(0n).pipe(take(1), toArray())))[0]!]) {
    assert.equal((event.data as { billing: unknown }).billing, UNSET_BILLING);
    assert.is(event.metadata.schemaVersion, 2);
    assert.is(event.metadata.hash, stored!.metadata.hash);
    assert.equal(event.stored, { data: stored!.data, metadata: stored!.metadata });
  }
  await raw.close();
});

test('the hash chain verifies the stored bytes, never the upcast data', async () => {
  const { raw, store } = await withOldCompany();
  const events = await store.readStream(streams.company('c1'));
  assert.equal(verifyChain(events), { valid: true });
  // Hashing what was read instead of what was stored would call an untouched event tampered.
  assert.equal(verifyChain(events.map(({ stored: _stored, ...event }) => ({ ...event, metadata: { ...event.metadata, schemaVersion: 1 } }))), { valid: false, brokenAt: 0n });
  await raw.close();
});

test('command handler: the decider folds the upcast event, and the edit it records is version 2 with the new fields', async () => {
  const { raw, store } = await withOldCompany();
  const companies = commandHandlerFor({ store, decider: companyDecider, stream: streams.company, mustExist: true });
  const loaded = await companies.load('c1');
  assert.equal(loaded.state.details?.billing, UNSET_BILLING);
  const { companyId: _id, billing: _billing, ...old } = { ...V1_REGISTERED, billing: null };
  const fields: CompanyFields = { ...old, billing: { postalCode: '100-0001', address: '東京都千代田区千代田1-1', phone: '03-1234-5678', closingDay: 'end', paymentMonths: 1, paymentDay: 'end', recipientDepartment: '経理部', recipientPerson: '山田 太郎' } };
  const result = await companies.run('c1', { type: 'EditCompany', fields, today: '2026-11-30' }, context);
  assert.equal(result.events.map((e) => e.type === 'CompanyEdited' && e.data.changed), [['billing']]);
  const [, edited] = await raw.readStream(streams.company('c1'));
  assert.is(edited!.metadata.schemaVersion, 2);
  assert.equal((edited!.data as { billing: unknown }).billing, { ...fields.billing, recipientPerson: '山田 太郎' });
  await raw.close();
});

test('history: the old event is shown in the new shape, and its chain reads as intact', async () => {
  const { raw, store } = await withOldCompany();
  const history = await streamHistory(store, streams.company('c1'));
  assert.ok(history.chainValid);
  assert.equal((history.events[0]!.data as { billing: unknown }).billing, UNSET_BILLING);
  await raw.close();
});

test('an invoice issued at version 1 reads with the issuer address, phone and 振込先 未設定, not today\'s settings', async () => {
  const raw = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-upcast-')), 'events.db'));
  const invoice = { invoiceNumber: 'INV-1', replaces: null, issuer: { name: '株式会社SSSデモ', registrationNumber: 'T7123456789012' } };
  await raw.append(streams.monthlySales('p1', '2026-04'), [{ type: 'InvoiceIssued', data: { projectId: 'p1', month: '2026-04', invoice }, metadata: { ...context, schemaVersion: 1 } }], 'no_stream');
  const [event] = await upcastingEventStore(raw).readStream(streams.monthlySales('p1', '2026-04'));
  assert.equal((event!.data as { invoice: { issuer: unknown } }).invoice.issuer, { ...invoice.issuer, address: null, phone: null, bankAccount: null });
  assert.equal((event!.data as { invoice: { recipientAddress: unknown } }).invoice.recipientAddress, { postalCode: null, address: null, department: null, person: null });
  assert.is(event!.metadata.schemaVersion, 3);
  await raw.close();
});

test('an invoice issued at version 2 reads with the customer address and 送付先 未設定, not the company master data of today', async () => {
  const raw = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-upcast-')), 'events.db'));
  const issuer = { name: '株式会社SSSデモ', registrationNumber: 'T7123456789012', address: '東京都千代田区丸の内1-1-1', phone: '03-0000-0000', bankAccount: null };
  const invoice = { invoiceNumber: 'INV-2', replaces: null, issuer, recipientName: '顧客商事株式会社' };
  await raw.append(streams.monthlySales('p2', '2026-04'), [{ type: 'InvoiceIssued', data: { projectId: 'p2', month: '2026-04', invoice }, metadata: { ...context, schemaVersion: 2 } }], 'no_stream');
  const [event] = await upcastingEventStore(raw).readStream(streams.monthlySales('p2', '2026-04'));
  const read = (event!.data as { invoice: { issuer: unknown; recipientAddress: unknown } }).invoice;
  assert.equal(read.issuer, issuer, 'version 2 fields stay as stored');
  assert.equal(read.recipientAddress, { postalCode: null, address: null, department: null, person: null });
  assert.is(event!.metadata.schemaVersion, 3);
  await raw.close();
});

test('the verify tool checks the stored bytes: intact whether it reads the adapter or the upcasting store', async () => {
  const { raw, store } = await withOldCompany();
  const { publicKey } = generateKeyPairSync('ed25519');
  for (const source of [raw, store]) {
    const report = await verifyLedger({ readPage: (after, maxCount) => source.readAll({ after, maxCount }), checkpoints: [], publicKey });
    assert.is(report.firstBreak, null);
    assert.is(report.events, 1);
  }
  await raw.close();
});

test.run();
