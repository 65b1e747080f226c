import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { summarize } from '@sss/contracts/project/summaries';
import { changesOf, gridErrors, rowsFrom, summaryResources, withCell } from '../src/projects/grid/gridModel.ts';

const months = ['2025-04', '2025-05'];
const saved = rowsFrom(
  [
    { resourceNo: 1, kind: 'employee', name: '佐藤', cost: 800_000, quotedUnitPrice: 1_000_000, effort: { '2025-04': '1' }, employeeId: 'e1' },
    { resourceNo: 2, kind: 'expense', name: 'PC', cost: 5_000, quotedUnitPrice: 0, effort: {} },
  ],
  months,
);

test('rows show 原価, 提示単価 and one cell per month', () => {
  assert.equal(saved[0]!.cells, ['800000', '1000000', '1', '']);
});

test('totals follow what is typed, before saving', () => {
  const typed = withCell(withCell(saved, 0, 3, '0.5'), 1, 2, '2');
  const summary = summarize(summaryResources(typed, months), months);
  assert.is(summary.total.revenue, 1_500_000);
  assert.is(summary.total.cost, 1_200_000 + 10_000);
  assert.is(summary.total.effort, '1.5');
});

test('a bad cell reports in Japanese and counts as its saved value', () => {
  const typed = withCell(saved, 0, 2, '-1');
  assert.equal(gridErrors(typed), [{ row: 0, col: 2, message: '工数にマイナスは入力できません' }]);
  assert.is(summarize(summaryResources(typed, months), months).total.revenue, 1_000_000);
});

test('saving sends only what changed; a cleared month is "0"', () => {
  assert.equal(changesOf(saved, months), []);
  const typed = withCell(withCell(withCell(saved, 0, 2, ''), 0, 3, '0.50'), 1, 0, '6,000');
  assert.equal(changesOf(typed, months), [
    { resourceNo: 1, efforts: { '2025-04': '0', '2025-05': '0.5' } },
    { resourceNo: 2, prices: { cost: 6000, quotedUnitPrice: 0 } },
  ]);
  assert.equal(changesOf(withCell(saved, 0, 2, '1.0'), months), []);
});

test.run();
