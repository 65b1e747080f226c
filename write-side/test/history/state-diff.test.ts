import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { systemActorName } from '@sss/contracts/history/system-actors';
import { FIELD_LABELS } from '../../src/history/field-labels.ts';
import { historyFoldOf } from '../../src/history/aggregates.ts';
import { stateChanges } from '../../src/history/state-diff.ts';
import { summarize } from '../../src/history/summary.ts';

/** Before → after by folding a decider, for any event type, with labels from the aggregate's table. */

test('an order edit is one change, in yen, labelled in both languages, and worded', () => {
  const fold = historyFoldOf('order-o1')!;
  const terms = { customerPoNumber: 'PO-1', orderDate: '2026-03-25', orderAmount: 1_000_000, labourAmount: 1_000_000, periodStart: '2026-04-01', periodEnd: '2026-06-30', notes: '' };
  const registered = fold.evolve(fold.initialState, { type: 'OrderRegistered', data: { orderId: 'o1', projectId: 'p1', projectNumber: '20260001', ...terms } });
  const edited = fold.evolve(registered, { type: 'OrderEdited', data: { orderId: 'o1', changed: ['orderAmount'], ...terms, orderAmount: 1_100_000 } });
  const changes = stateChanges(registered, edited, fold.labels);
  assert.equal(changes, [{ field: 'terms.orderAmount', label: { ja: '受注内容 受注金額', en: 'Terms Order amount' }, before: '¥1,000,000', after: '¥1,100,000' }]);
  assert.equal(summarize({ ja: '受注変更', en: 'Order edited' }, changes), {
    ja: '受注変更：受注内容 受注金額を ¥1,000,000 → ¥1,100,000 に変更',
    en: 'Order edited: Terms Order amount changed from ¥1,000,000 to ¥1,100,000',
  });
});

test('月毎明細 rows are keyed by their number: removing one row is one row of changes, not a shift', () => {
  const labels = FIELD_LABELS.project;
  const row = (resourceNo: number, effort: Record<string, string>) => ({ resourceNo, effort });
  const before = { resources: [row(1, { '2026-04': '1' }), row(2, { '2026-04': '0.5' })] };
  const after = { resources: [row(2, { '2026-04': '0.5' })] };
  assert.equal(stateChanges(before, after, labels).map((c) => [c.field, c.before, c.after]), [
    ['resources.#1.resourceNo', '1', null],
    ['resources.#1.effort.2026-04', '1', null],
  ]);
  const effort = stateChanges(after, { resources: [row(2, { '2026-04': '0.75' })] }, labels)[0]!;
  assert.equal([effort.label.ja, effort.before, effort.after], ['明細 #2 工数 2026-04', '0.5', '0.75']);
});

test('a password hash only says that it changed; bookkeeping (exists) is not a change', () => {
  const changes = stateChanges({ exists: false, passwordHash: 'a' }, { exists: true, passwordHash: 'b' }, FIELD_LABELS.user);
  assert.equal(changes, [{ field: 'passwordHash', label: { ja: 'パスワード', en: 'Password' }, before: '••••••', after: '••••••' }]);
});

test('system actors in words; people are not system actors', () => {
  assert.equal(systemActorName('system:ringi'), { ja: '稟議連携', en: 'CollaboFlow integration' });
  assert.equal(systemActorName('system:forwarder-kafka'), { ja: 'イベント転送（kafka）', en: 'Event forwarder (kafka)' });
  assert.equal(systemActorName('system:something-new'), { ja: 'システム（something-new）', en: 'System (something-new)' });
  assert.is(systemActorName('0190a1b2-user'), null);
});

test('bookkeeping streams have no history fold', () => {
  assert.is(historyFoldOf('idempotency-x'), null);
  assert.ok(historyFoldOf('monthlysales-p1_2026-04'));
});

test.run();
