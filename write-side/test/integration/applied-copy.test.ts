import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { IncomingMessage } from '@sss/contracts/ports/message-bus';
import { applyToCopy, PoisonMessage } from '../../src/integration/applied-copy.ts';
import { companyCopyHandler } from '../../src/partner/company-copy-consumer.ts';
import { partnerCountHandler } from '../../src/company/partner-count-consumer.ts';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';

/** The idempotent consumers' rules, without a bus: repeats skipped, copies whole, poison named. */

const store = () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-copy-')), 'events.db'));
let offset = 0;
const message = (topic: string, key: string, type: string, revision: number, payload: unknown): IncomingMessage => ({
  topic, key, partition: 0, offset: String(offset++), headers: {},
  value: { messageId: `m-${key}-${revision}`, type, version: 1, occurredAt: '2025-06-01T00:00:00.000Z', source: { stream: `x-${key}`, revision: String(revision) }, payload },
});
const profile = (name: string, isPartner = true) => ({ companyId: 'c1', code: 'C1', name, kana: 'カ', formalName: `${name}株式会社`, shortName: 'K', isCustomer: false, isPartner, registeredOn: '2025-04-01' });
const company = (type: string, revision: number, payload: unknown) => message('sss.company.v1', 'c1', type, revision, payload);

test('company copy: applies in order, skips repeats, keeps abolition across later updates', async () => {
  const events = store();
  assert.is(await applyToCopy(events, company('CompanyRegistered', 0, profile('アルファ')), companyCopyHandler), 'applied');
  assert.is(await applyToCopy(events, company('CompanyRegistered', 0, profile('アルファ')), companyCopyHandler), 'duplicate');
  assert.is(await applyToCopy(events, company('CompanyUpdated', 3, { ...profile('ベータ'), changed: ['name'] }), companyCopyHandler), 'applied', 'revisions may jump (unpublished events)');
  assert.is(await applyToCopy(events, company('CompanyUpdated', 2, { ...profile('古い名前'), changed: ['name'] }), companyCopyHandler), 'duplicate', 'an older revision never overwrites');
  assert.is(await applyToCopy(events, company('CompanyAbolished', 4, { companyId: 'c1', abolishedOn: '2025-05-31', reason: '' }), companyCopyHandler), 'applied');
  assert.is(await applyToCopy(events, company('CompanyRenamedSomeday', 5, {}), companyCopyHandler), 'ignored', 'unknown types are skipped (additive evolution)');
  const copies = await events.readStream('companycopy-c1');
  assert.equal(copies.map((e) => [(e.data as { sourceRevision: string }).sourceRevision, (e.data as { name: string }).name, (e.data as { abolishedOn: string | null }).abolishedOn]), [
    ['0', 'アルファ', null], ['3', 'ベータ', null], ['4', 'ベータ', '2025-05-31'],
  ]);
  await events.close();
});

test('company copy: poison messages are named, never applied', async () => {
  const events = store();
  const poison = async (m: IncomingMessage, reason: RegExp) => {
    try {
      await applyToCopy(events, m, companyCopyHandler);
      assert.unreachable('expected a poison message');
    } catch (error) {
      assert.instance(error, PoisonMessage);
      assert.match((error as Error).message, reason);
    }
  };
  await poison({ ...company('CompanyRegistered', 0, {}), value: 'just text' }, /not an integration envelope/);
  await poison(company('CompanyRegistered', 0, { companyId: 'c1' }), /does not match its schema/);
  await poison(company('CompanyAbolished', 1, { companyId: 'c1', abolishedOn: '2025-05-31', reason: '' }), /never saw registered/);
  await poison(message('sss.company.v1', 'other', 'CompanyRegistered', 0, profile('キー違い')), /does not match payload companyId/);
  assert.equal(await events.readStream('companycopy-c1'), []);
  await events.close();
});

test('partner counts: each change records before and after; retiring stops counting; repeats and no-ops append nothing', async () => {
  const events = store();
  const partner = (type: string, revision: number, payload: Record<string, unknown>) => message('sss.partner.v1', 'p1', type, revision, { partnerId: 'p1', ...payload });
  assert.is(await applyToCopy(events, partner('PartnerRegistered', 0, { name: '山田', kana: 'ヤマダ', registeredOn: '2025-04-01', companyIds: ['a'] }), partnerCountHandler), 'applied');
  assert.is(await applyToCopy(events, partner('PartnerUpdated', 1, { name: '山田 太郎', kana: 'ヤマダ', registeredOn: '2025-04-01' }), partnerCountHandler), 'ignored');
  assert.is(await applyToCopy(events, partner('PartnerAffiliationsSet', 2, { companyIds: ['a', 'b'] }), partnerCountHandler), 'applied');
  assert.is(await applyToCopy(events, partner('PartnerAffiliationsSet', 2, { companyIds: ['a', 'b'] }), partnerCountHandler), 'duplicate');
  assert.is(await applyToCopy(events, partner('PartnerRetired', 3, { retiredOn: '2025-06-30', companyIds: ['a', 'b'] }), partnerCountHandler), 'applied');
  const copies = (await events.readStream('partnercopy-p1')).map((e) => e.data as { counted: string[]; previouslyCounted: string[] });
  assert.equal(copies.map((c) => [c.previouslyCounted, c.counted]), [[[], ['a']], [['a'], ['a', 'b']], [['a', 'b'], []]]);
  await events.close();
});

test.run();
