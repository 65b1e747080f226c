import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { assertProperty } from '@sss/contracts/testing/property-seed';
import Big from 'big.js';
import { canonicalEffort, sumEfforts } from '@sss/contracts/project/effort';
import { monthsBetween } from '@sss/contracts/domain/months';
import { grossMarginPercent, summarize, type Figures, type SummaryLine, type SummaryResource } from '@sss/contracts/project/summaries';

/** 月毎明細 summaries: examples from the reference, then properties over random projects. */

const row = (resourceNo: number, kind: SummaryResource['kind'], cost: number, quotedUnitPrice: number, effort: Record<string, string>, extra: Partial<SummaryResource> = {}): SummaryResource => ({
  resourceNo,
  kind,
  name: `R${resourceNo}`,
  cost,
  quotedUnitPrice,
  effort,
  ...extra,
});

test('row totals follow the reference: 100 × 1.2 = 120 and 200 × 1.2 = 240', () => {
  const s = summarize([row(1, 'employee', 100, 200, { '2025-04': '0.5', '2025-05': '0.7' })]);
  assert.equal([s.rows[0]?.total.cost, s.rows[0]?.total.revenue, s.rows[0]?.total.effort], [120, 240, '1.2']);
});

test('a project in figures: revenue, cost by kind, 粗利 and 粗利率', () => {
  const s = summarize(
    [
      row(1, 'employee', 800_000, 1_200_000, { '2025-04': '0.5', '2025-05': '1' }, { employeeId: 'e-1' }),
      row(2, 'partner', 700_000, 900_000, { '2025-05': '1' }, { partnerId: 'pt-1' }),
      row(3, 'expense', 150_000, 180_000, { '2025-04': '2' }),
    ],
    monthsBetween('2025-04-01', '2025-06-30'),
  );
  assert.equal(s.months, ['2025-04', '2025-05', '2025-06']);
  assert.equal(s.total, {
    effort: '2.5',
    revenue: 600_000 + 1_200_000 + 900_000 + 360_000,
    cost: 400_000 + 800_000 + 700_000 + 300_000,
    employeeCost: 1_200_000,
    partnerCost: 700_000,
    expenseCost: 300_000,
    grossProfit: 3_060_000 - 2_200_000,
    grossMarginPercent: '28.1',
  });
  assert.equal(s.byMonth[2], { month: '2025-06', effort: '0', revenue: 0, cost: 0, employeeCost: 0, partnerCost: 0, expenseCost: 0, grossProfit: 0, grossMarginPercent: null });
  assert.equal([s.employees.length, s.partners.length, s.expenses.length], [1, 1, 1]);
  assert.is(s.expenses[0]?.total.effort, '2', 'an expense line counts its own quantity');
});

test('rows of the same employee are added together in 社員別サマリー', () => {
  const s = summarize([row(1, 'employee', 100, 200, { '2025-04': '1' }, { employeeId: 'e-1' }), row(2, 'employee', 300, 400, { '2025-04': '1' }, { employeeId: 'e-1' })]);
  assert.equal(s.employees.map((l) => [l.key, l.resourceNos, l.total.cost, l.total.revenue]), [['e-1', [1, 2], 400, 600]]);
});

test('each cell is rounded half-up to the yen, and the row total is the sum of its cells', () => {
  // 0.33 × 1,001 = 330.33 → 330 per month; 0.5 × 1 = 0.5 → 1 (half up)
  const s = summarize([row(1, 'partner', 1_001, 1, { '2025-04': '0.33', '2025-05': '0.33', '2025-06': '0.5' })]);
  assert.equal(s.rows[0]?.months.map((m) => [m.cost, m.revenue]), [[330, 0], [330, 0], [501, 1]]);
  assert.is(s.rows[0]?.total.cost, 1_161);
});

test('months run across the year end, and effort sums are exact decimals', () => {
  assert.equal(monthsBetween('2025-11-15', '2026-02-01'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.equal(monthsBetween('2025-04-01', '2025-04-30'), ['2025-04']);
  assert.equal(monthsBetween('2025-05-01', '2025-04-30'), []);
  assert.is(sumEfforts(['0.1', '0.2']), '0.3');
  assert.is(canonicalEffort('0.50'), '0.5');
});

test('粗利率 is one decimal, half-up, null without revenue', () => {
  assert.is(grossMarginPercent(1, 3), '33.3');
  assert.is(grossMarginPercent(2, 3), '66.7');
  assert.is(grossMarginPercent(1, 8), '12.5');
  assert.is(grossMarginPercent(1, 1600), '0.1', '0.0625 % rounds up to 0.1');
  assert.is(grossMarginPercent(-1, 1600), '-0.1');
  assert.is(grossMarginPercent(0, 100), '0.0');
  assert.is(grossMarginPercent(-50, 0), null);
});

// ---------------------------------------------------------------------------------------------
// Properties: whatever the rows, every way of adding the numbers on screen gives the same yen.

const MONTHS = monthsBetween('2024-10-01', '2025-09-30');
const effortArb = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => new Big(`${i}.${String(f).padStart(2, '0')}`).toString());
const resourceArb = fc.record({
  kind: fc.constantFrom('employee' as const, 'partner' as const, 'expense' as const),
  cost: fc.integer({ min: 0, max: 3_000_000 }),
  quotedUnitPrice: fc.integer({ min: 0, max: 3_000_000 }),
  person: fc.integer({ min: 1, max: 4 }),
  effort: fc.dictionary(fc.constantFrom(...MONTHS), effortArb, { maxKeys: MONTHS.length }),
});
const projectArb = fc.array(resourceArb, { maxLength: 12 }).map((rows) =>
  rows.map((r, i): SummaryResource => ({
    resourceNo: i + 1,
    kind: r.kind,
    name: `R${i + 1}`,
    cost: r.cost,
    quotedUnitPrice: r.quotedUnitPrice,
    effort: r.effort,
    ...(r.kind === 'employee' ? { employeeId: `e-${r.person}` } : r.kind === 'partner' ? { partnerId: `pt-${r.person}` } : {}),
  })),
);

const YEN_KEYS = ['revenue', 'cost', 'employeeCost', 'partnerCost', 'expenseCost', 'grossProfit'] as const;
const sum = (figures: readonly Figures[], key: (typeof YEN_KEYS)[number]) => figures.reduce((a, f) => a + f[key], 0);
const sumLines = (lines: readonly SummaryLine[]) => lines.map((l) => l.total);

test('property: monthly figures add up to the total, to the yen', () => {
  assertProperty(
    fc.property(projectArb, (resources) => {
      const s = summarize(resources);
      for (const key of YEN_KEYS) assert.is(sum(s.byMonth, key), s.total[key], key);
    }),
    { numRuns: 150 },
  );
});

test('property: cost by kind adds up to cost, and 粗利 = 売上 − 原価, in every figure', () => {
  assertProperty(
    fc.property(projectArb, (resources) => {
      const s = summarize(resources);
      const all = [s.total, ...s.byMonth, ...s.rows.flatMap((r) => [r.total, ...r.months])];
      for (const f of all) {
        assert.is(f.employeeCost + f.partnerCost + f.expenseCost, f.cost);
        assert.is(f.revenue - f.cost, f.grossProfit);
        assert.ok(Number.isSafeInteger(f.revenue) && Number.isSafeInteger(f.cost));
      }
    }),
    { numRuns: 150 },
  );
});

test('property: rows add up to the total, and each row total to its months', () => {
  assertProperty(
    fc.property(projectArb, (resources) => {
      const s = summarize(resources);
      for (const key of YEN_KEYS) assert.is(sum(sumLines(s.rows), key), s.total[key], key);
      for (const r of s.rows) for (const key of YEN_KEYS) assert.is(sum(r.months, key), r.total[key], `row ${r.key} ${key}`);
    }),
    { numRuns: 150 },
  );
});

test('property: employee + partner + expense summaries together equal the project, with nothing counted twice', () => {
  assertProperty(
    fc.property(projectArb, (resources) => {
      const s = summarize(resources);
      const lines = sumLines([...s.employees, ...s.partners, ...s.expenses]);
      for (const key of YEN_KEYS) assert.is(sum(lines, key), s.total[key], key);
      assert.equal([...s.employees, ...s.partners, ...s.expenses].flatMap((l) => l.resourceNos).sort((a, b) => a - b), resources.map((r) => r.resourceNo));
      assert.is(sum(sumLines(s.employees), 'cost'), s.total.employeeCost);
      assert.is(sum(sumLines(s.partners), 'cost'), s.total.partnerCost);
      assert.is(sum(sumLines(s.expenses), 'cost'), s.total.expenseCost);
    }),
    { numRuns: 150 },
  );
});

test('property: no cell drifts more than half a yen from the exact product, and effort totals are exact', () => {
  assertProperty(
    fc.property(projectArb, (resources) => {
      const s = summarize(resources);
      s.rows.forEach((line, i) => {
        const r = resources[i]!;
        for (const m of line.months) {
          const exact = new Big(r.effort[m.month] ?? '0').times(r.cost);
          assert.ok(exact.minus(m.cost).abs().lte(0.5), `${m.cost} vs ${exact.toString()}`);
        }
      });
      const labour = resources.filter((r) => r.kind !== 'expense').flatMap((r) => Object.values(r.effort));
      assert.is(s.total.effort, labour.reduce((a, e) => a.plus(e), new Big(0)).toString());
    }),
    { numRuns: 150 },
  );
});

test('property: 粗利率 matches 粗利 ÷ 売上 to within rounding', () => {
  assertProperty(
    fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (profit, revenue) => {
      const shown = grossMarginPercent(profit, revenue)!;
      assert.match(shown, /^-?\d+\.\d$/);
      assert.ok(new Big(shown).minus(new Big(profit).times(100).div(revenue)).abs().lte(0.05));
    }),
  );
});

test.run();
