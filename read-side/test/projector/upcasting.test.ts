import { filter, firstValueFrom } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UNSET_BILLING } from '@sss/contracts/company/billing';
import { upcastingEventStore } from '@sss/contracts/events/upcasting';
import { startProjector } from '../../src/projector/projector.ts';
import { companyProjection, COMPANIES } from '../../src/company/projection.ts';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';

/**
 * The read side's paths — the projector's subscription, and the as-of views built from what it
 * projected — see a company recorded before the billing fields (schema version 1) in the current
 * shape, every billing field 未設定 (docs/schema-evolution.md).
 */

const V1 = {
  companyId: 'c1', code: 'OLD1', name: '旧株式', kana: 'キュウ', formalName: '旧株式会社', shortName: 'Old', isCustomer: true, isPartner: false,
  ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, notes: '', registeredOn: '2024-04-01',
};

test('projection and as-of view: a version 1 company reads with its billing fields 未設定', async () => {
  const log = memoryEventLog(); // records every event at schema version 1
  const registered = log.push('company-c1', 'CompanyRegistered', V1);
  const edited = log.push('company-c1', 'CompanyEdited', { ...V1, name: '新株式', changed: ['name'] });
  const store = openEmbeddedReadStore(':memory:');
  const projector = await startProjector({ events: upcastingEventStore(log), store, projection: companyProjection, batchSize: 1 });
  await firstValueFrom(projector.position$.pipe(filter((p) => p >= edited.position)));
  const now = (await store.get(COMPANIES, 'c1'))!;
  assert.equal([now.name, now.billing], ['新株式', UNSET_BILLING]);
  const then = (await (await store.asOf({ position: registered.position })).store.get(COMPANIES, 'c1'))!;
  assert.equal([then.name, then.billing], ['旧株式', UNSET_BILLING]);
  await projector.stop();
  await store.close();
});

test('without the upcasting store the same projection would miss the field: the decorator is what adds it', async () => {
  const log = memoryEventLog();
  const registered = log.push('company-c1', 'CompanyRegistered', V1);
  const store = openEmbeddedReadStore(':memory:');
  const projector = await startProjector({ events: log, store, projection: companyProjection, batchSize: 1 });
  await firstValueFrom(projector.position$.pipe(filter((p) => p >= registered.position)));
  assert.is((await store.get(COMPANIES, 'c1'))!.billing, undefined);
  await projector.stop();
  await store.close();
});

test.run();
