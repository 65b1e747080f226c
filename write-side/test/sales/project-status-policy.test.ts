import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { reconcileProjectStatus } from '../../src/sales/project-status-policy.ts';

/** While a month is being checked the project shows 売上実績処理中; replays converge to the present. */

const meta = { actor: 'system:test', correlationId: 'c1' };
const key = { projectId: 'p1', month: '2026-04' };

async function setUp(): Promise<EventStore> {
  const store = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-sales-policy-')), 'events.db'));
  await store.append('project-p1', [
    { type: 'ProjectRegistered', data: { projectId: 'p1', projectNumber: '20260001', status: 'proposing', copiedFrom: null, by: 'u1', at: '2026-01-01T00:00:00Z', name: '案件' }, metadata: meta },
    { type: 'ProjectStatusChanged', data: { projectId: 'p1', from: 'proposing', to: 'ordered', reason: '', ringiId: null, by: 'u1', at: '2026-01-02T00:00:00Z' }, metadata: meta },
  ], 'no_stream');
  return store;
}

const projectStatus = async (store: EventStore) => {
  const events = await store.readStream('project-p1');
  return events.filter((e) => e.type === 'ProjectStatusChanged').map((e) => (e.data as { to: string }).to).at(-1);
};

test('a requested check puts the project in 売上実績処理中; the outcome returns it to 受注済', async () => {
  const store = await setUp();
  const logs: string[] = [];
  const log = (m: string) => void logs.push(m);
  await store.append('monthlysales-p1_2026-04', [{ type: 'SalesCheckRequested', data: { ...key, totals: { net: 1, tax: 0, gross: 1 } }, metadata: meta }], 'any');
  const [requested] = await store.readStream('monthlysales-p1_2026-04');
  await reconcileProjectStatus(store, requested!, log);
  assert.is(await projectStatus(store), 'sales_actual_in_progress');

  await store.append('monthlysales-p1_2026-04', [{ type: 'SalesCheckApproved', data: { ...key, ringiId: 'r1', comment: '' }, metadata: meta }], 'any');
  const approved = (await store.readStream('monthlysales-p1_2026-04'))[1]!;
  await reconcileProjectStatus(store, approved, log);
  assert.is(await projectStatus(store), 'ordered');

  // A restart replays the old request: the month is no longer open, so nothing re-opens.
  const before = (await store.readStream('project-p1')).length;
  await reconcileProjectStatus(store, requested!, log);
  await reconcileProjectStatus(store, approved, log);
  assert.is((await store.readStream('project-p1')).length, before);
  assert.equal(logs, []);
  await store.close();
});

test('the 稟議 of an invoice correction puts the project in 売上実績処理中 too, until it is decided', async () => {
  const store = await setUp();
  const logs: string[] = [];
  const stream = 'monthlysales-p1_2026-04';
  const totals = { byRate: [], net: 1, tax: 0, gross: 1 };
  const steps = [
    { type: 'SalesCheckRequested', data: { ...key, totals: { net: 1, tax: 0, gross: 1 }, invoiceTotals: totals } },
    { type: 'SalesCheckApproved', data: { ...key, ringiId: 'r1', comment: '', approvedInvoiceTotals: totals } },
    { type: 'InvoiceIssued', data: { ...key, invoice: { invoiceNumber: 'INV-000001' } } },
    { type: 'SalesCheckRequested', data: { ...key, totals: { net: 1, tax: 0, gross: 1 }, invoiceTotals: { ...totals, net: 2, gross: 2 }, correctionOf: 'INV-000001' } },
  ];
  for (const step of steps) {
    await store.append(stream, [{ ...step, metadata: meta }], 'any');
    await reconcileProjectStatus(store, (await store.readStream(stream)).at(-1)!, (m) => void logs.push(m));
  }
  assert.is(await projectStatus(store), 'sales_actual_in_progress', 'the correction is being checked');
  await store.append(stream, [{ type: 'SalesCheckApproved', data: { ...key, ringiId: 'r2', comment: '', approvedInvoiceTotals: { ...totals, net: 2, gross: 2 } }, metadata: meta }], 'any');
  await reconcileProjectStatus(store, (await store.readStream(stream)).at(-1)!, (m) => void logs.push(m));
  assert.is(await projectStatus(store), 'ordered');
  assert.equal(logs, []);
  await store.close();
});

test('a month of an unknown project is logged and skipped, not retried forever', async () => {
  const store = await setUp();
  const logs: string[] = [];
  await store.append('monthlysales-px_2026-04', [{ type: 'SalesCheckRequested', data: { projectId: 'px', month: '2026-04', totals: { net: 1, tax: 0, gross: 1 } }, metadata: meta }], 'any');
  const [requested] = await store.readStream('monthlysales-px_2026-04');
  await reconcileProjectStatus(store, requested!, (m) => void logs.push(m));
  assert.is(logs.length, 1);
  await store.close();
});

test.run();
