import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@sss/contracts/http/problem';
import type { Change } from '@sss/contracts/ports/read-store';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';
import { searchIssuedDocuments } from '../../src/audit/document-search.ts';
import { SALES_REPORTS } from '../../src/sales/projection.ts';

/**
 * The 電帳法 document search refuses a search that would read more than its 10,000 売上連絡票 — through
 * the one all-rows rule, naming the field that narrows it — and answers in full below the bound.
 */

const store = openEmbeddedReadStore(join(mkdtempSync(join(tmpdir(), 'sss-docsearch-')), 'read.db'));
const ROWS = 10_001;
/** An issued 売上連絡票 as the sales projection stores it: the issued content plus its search fields. */
const report = (i: number) => {
  const customer = i === 1 ? { customerId: 'c-rare', customerName: '稀少商事' } : { customerId: 'c-many', customerName: '多数商事' };
  const date = i % 2 ? '2026-10-31' : '2026-09-30';
  return {
    _id: `p-${i}:2026-10_1`, projectId: `p-${i}`, month: '2026-10', issueNo: 1, issuedOn: date, contentHash: 'x', date, amount: 1000 + i, customerId: customer.customerId,
    content: { projectNumber: `2026${String(i).padStart(5, '0')}`, projectName: `案件${i}`, month: '2026-10', actualGross: 1000 + i, invoiceDate: date, ...customer },
  };
};

test.before(async () => {
  const changes: Change[] = [];
  for (let i = 1; i <= ROWS; i++) changes.push({ op: 'put', collection: SALES_REPORTS, doc: report(i) });
  await (await store).apply(changes);
});

test('more 売上連絡票 than the bound are refused with the count, naming the period', async () => {
  try {
    await searchIssuedDocuments(await store, { kind: 'sales_report' });
    assert.unreachable('a search past the bound must be refused, not answered short');
  } catch (error) {
    assert.instance(error, DomainError);
    const refusal = error as DomainError;
    assert.is(refusal.code, 'rule_violated');
    assert.is(refusal.extensions.total, ROWS);
    assert.is(refusal.extensions.max, 10_000);
    assert.equal(refusal.errors.map((e) => e.field), ['from']);
    assert.match(refusal.message, /10,001件/);
  }
});

test('a narrowed search below the bound answers every match', async () => {
  const september = await searchIssuedDocuments(await store, { kind: 'sales_report', from: '2026-09-01', to: '2026-09-30' });
  assert.is(september.length, (ROWS - 1) / 2);
  const rare = await searchIssuedDocuments(await store, { kind: 'sales_report', customerId: 'c-rare' });
  assert.equal(rare.map((d) => d.customerName), ['稀少商事']);
});

test.after(async () => (await store).close());
test.run();
