import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@sss/contracts/http/problem';
import type { Change } from '@sss/contracts/ports/read-store';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';
import { allRows } from '../../src/http/all-rows.ts';
import { exportList } from '../../src/sales/exports.ts';
import { INVOICES } from '../../src/sales/projection.ts';

/**
 * Exports and reports hold every row their filter matches, or refuse: the 請求一覧 CSV used to stop at
 * 10,000 rows without a word, so a ten-year export added up to a wrong total.
 */

const store = openEmbeddedReadStore(join(mkdtempSync(join(tmpdir(), 'sss-allrows-')), 'read.db'));
const ROWS = 10_050;
const invoice = (i: number) => ({
  _id: `inv-${i}`, invoiceNumber: `INV-${String(i).padStart(6, '0')}`, state: 'current', issuedOn: '2026-10-31', invoiceDate: '2026-10-31', recipientName: '株式会社テスト',
  subject: '10月分', net: 1000, tax: 100, gross: 1100, paid: 0, outstanding: 1100, dueDate: '2026-11-30', replaces: null, month: '2026-10', projectId: 'p-1',
});

test.before(async () => {
  const changes: Change[] = [];
  for (let i = 1; i <= ROWS; i++) changes.push({ op: 'put', collection: INVOICES, doc: invoice(i) });
  await (await store).apply(changes);
});

test('the 請求一覧 CSV holds every invoice the filter matches, past ten thousand', async () => {
  const csv = (await exportList(await store, 'invoices', { format: 'csv' }, '2026-12-01')).body.toString('utf8');
  const dataLines = csv.trim().split('\r\n').length - 1;
  assert.is(dataLines, ROWS);
  assert.ok(csv.includes('INV-010050') && csv.includes('INV-000001'), 'the first and the last invoice are both there');
});

test('past the bound a list is refused with how many rows matched, never cut', async () => {
  const s = await store;
  const all = await allRows(s, INVOICES, { state: 'current' }, { invoiceNumber: 1 }, { max: ROWS });
  assert.is(all.length, ROWS);
  assert.is(all[0]!._id, 'inv-1');
  try {
    await allRows(s, INVOICES, { state: 'current' }, undefined, { max: ROWS - 1, field: 'from' });
    assert.unreachable('more rows than the bound must be refused');
  } catch (error) {
    assert.instance(error, DomainError);
    assert.is((error as DomainError).code, 'rule_violated');
    assert.is((error as DomainError).extensions.total, ROWS);
    assert.match((error as DomainError).message, /10,050件/);
  }
});

test.after(async () => (await store).close());
test.run();
