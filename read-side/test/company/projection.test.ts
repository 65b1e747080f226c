import { filter, firstValueFrom } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startProjector } from '../../src/projector/projector.ts';
import { companyProjection, COMPANIES } from '../../src/company/projection.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';
import { readStoreKinds } from '../support/read-store-kinds.ts';

const registered = {
  companyId: 'c1', code: 'C100', name: 'アルファ', kana: 'アルファ', formalName: '株式会社アルファ', shortName: 'Alpha', isCustomer: true, isPartner: false,
  ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, notes: '', registeredOn: '2025-04-01',
};

for (const kind of readStoreKinds()) {
  test(`${kind.name}: the company document follows every company event, with names of the people involved`, async () => {
    const log = memoryEventLog();
    log.push('user-u1', 'UserRegistered', { userId: 'u1', name: '鈴木 美咲', email: 's@example.co.jp', roles: ['sales_admin'], orgUnitId: null, passwordHash: 'x' });
    log.push('company-c1', 'CompanyRegistered', registered);
    log.push('company-c1', 'CompanyEdited', { ...registered, name: 'アルファ改', changed: ['name'] });
    log.push('company-c1', 'CreditLimitChanged', { companyId: 'c1', creditLimit: 5_000_000, previousLimit: null, reviewedOn: '2025-04-10', changedBy: 'u1' });
    log.push('company-c1', 'AntiSocialCheckRecorded', { companyId: 'c1', checkedOn: '2025-04-11', result: 'clear', note: '', checkedBy: 'u1' });
    const last = log.push('company-c1', 'CompanyAbolished', { companyId: 'c1', abolishedOn: '2025-09-30', reason: '' });
    const store = await kind.open('company-projection');
    const projector = await startProjector({ events: log, store, projection: companyProjection, batchSize: 2 });
    await firstValueFrom(projector.position$.pipe(filter((p) => p >= last.position)));
    const doc = (await store.get(COMPANIES, 'c1'))!;
    assert.is(doc.name, 'アルファ改');
    assert.is(doc.revision, '4');
    assert.equal(doc.credit, { creditLimit: 5_000_000, reviewedOn: '2025-04-10', updatedBy: 'u1', updatedByName: '鈴木 美咲' });
    assert.equal(doc.antiSocialCheck, { checkedOn: '2025-04-11', result: 'clear', checkedBy: 'u1', checkedByName: '鈴木 美咲' });
    assert.is(doc.abolishedOn, '2025-09-30');
    assert.is(doc.partnerCount, 0);
    await projector.stop();
    await store.close();
  });
}

test('events of other streams are ignored', async () => {
  const changes = await companyProjection.project(
    { streamName: 'project-1', revision: 0n, position: 1n, type: 'CompanyRegistered', data: registered, metadata: {} as never },
    { get: async () => null },
  );
  assert.equal(changes, []);
});

test.run();
