import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { addMonths, firstDayOf, formatMonthJapanese, formatMonthSlashed, lastDayOf, monthOf, monthsBetween } from '../../src/domain/months.ts';
import { isCalendarDate } from '../../src/domain/dates.ts';

test('addMonths crosses year ends both ways', () => {
  assert.is(addMonths('2026-11', 3), '2027-02');
  assert.is(addMonths('2026-12', 1), '2027-01');
  assert.is(addMonths('2027-01', -1), '2026-12');
  assert.is(addMonths('2026-04', -5), '2025-11');
  assert.is(addMonths('2026-04', 0), '2026-04');
  assert.is(addMonths('2026-04', 24), '2028-04');
});

test('addMonths then back is the identity, and agrees with Date.UTC', () => {
  const month = fc.record({ y: fc.integer({ min: 1970, max: 9000 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
  fc.assert(fc.property(month, fc.integer({ min: -600, max: 600 }), (m, n) => {
    assert.is(addMonths(addMonths(m, n), -n), m);
    const viaDate = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + n, 1)).toISOString().slice(0, 7);
    assert.is(addMonths(m, n), viaDate);
  }));
});

test('monthsBetween is inclusive, takes months or dates, and is empty when reversed', () => {
  assert.equal(monthsBetween('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.equal(monthsBetween('2025-11-15', '2026-02-01'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.equal(monthsBetween('2026-04', '2026-04-30'), ['2026-04']);
  assert.equal(monthsBetween('2026-05', '2026-04'), []);
  assert.equal(monthsBetween('', '2026-04'), []);
  assert.is(monthsBetween('2000-01', '2999-12').length, 1200);
});

test('first and last day of a month, leap years included', () => {
  assert.is(firstDayOf('2026-02'), '2026-02-01');
  assert.is(lastDayOf('2026-02'), '2026-02-28');
  assert.is(lastDayOf('2028-02'), '2028-02-29');
  assert.is(lastDayOf('2000-02'), '2000-02-29');
  assert.is(lastDayOf('2100-02'), '2100-02-28');
  assert.is(lastDayOf('2026-04'), '2026-04-30');
  assert.is(lastDayOf('2026-12'), '2026-12-31');
  assert.is(lastDayOf('2026-12-15'), '2026-12-31');
  fc.assert(fc.property(fc.integer({ min: 1900, max: 2400 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const last = lastDayOf(month);
    assert.ok(isCalendarDate(last));
    assert.is(last, new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10));
  }));
});

test('the month of a date, and how documents and sheets write a month', () => {
  assert.is(monthOf('2025-04-15'), '2025-04');
  assert.is(monthOf('2025-04'), '2025-04');
  assert.is(formatMonthJapanese('2026-04'), '2026年4月');
  assert.is(formatMonthJapanese('2026-12'), '2026年12月');
  assert.is(formatMonthSlashed('2026-04'), '2026/04');
});

test.run();
