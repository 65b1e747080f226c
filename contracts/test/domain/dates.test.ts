import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addDays, daysBetween, formatDateJapanese, formatDateSlashed, formatDateTimeJst, instantOfJapaneseMoment, isCalendarDate, todayInJapan, yearInJapan } from '../../src/domain/dates.ts';

test('calendar dates are real days', () => {
  assert.ok(isCalendarDate('2028-02-29'));
  assert.not.ok(isCalendarDate('2026-02-29'));
  assert.not.ok(isCalendarDate('2026-4-1'));
});

test('today and the year are those of Japan, whatever the server zone', () => {
  assert.is(todayInJapan(new Date('2026-11-30T14:59:59Z')), '2026-11-30');
  assert.is(todayInJapan(new Date('2026-11-30T15:00:00Z')), '2026-12-01');
  assert.is(yearInJapan(new Date('2025-12-31T14:59:59Z')), 2025);
  assert.is(yearInJapan(new Date('2025-12-31T15:00:00Z')), 2026);
});

test('instants for exports carry the Japanese offset', () => {
  assert.is(formatDateTimeJst(new Date('2026-12-01T00:00:00Z')), '2026-12-01T09:00:00+09:00');
  assert.is(formatDateTimeJst(new Date('2026-12-31T15:30:05.123Z')), '2027-01-01T00:30:05+09:00');
});

test('day arithmetic crosses month ends and leap days', () => {
  assert.is(addDays('2028-02-28', 1), '2028-02-29');
  assert.is(addDays('2026-02-28', 1), '2026-03-01');
  assert.is(addDays('2026-12-31', 1), '2027-01-01');
  assert.is(addDays('2026-03-01', -1), '2026-02-28');
  assert.is(addDays('2026-11-30', 30), '2026-12-30');
  assert.is(daysBetween('2028-02-28', '2028-03-01'), 2);
  assert.is(daysBetween('2026-03-01', '2026-02-28'), -1);
});

test('how documents and lists write a date', () => {
  assert.is(formatDateJapanese('2026-04-30'), '2026年4月30日');
  assert.is(formatDateJapanese('2026-12-01'), '2026年12月1日');
  assert.is(formatDateJapanese(''), '');
  assert.is(formatDateSlashed('2026-12-01'), '2026/12/01');
  assert.is(formatDateSlashed('2026-12-01T09:00:00+09:00'), '2026/12/01');
});

test('a typed moment is Japanese time unless it names its offset; an upper bound takes the whole day or minute', () => {
  assert.is(instantOfJapaneseMoment('2026-04-01'), '2026-03-31T15:00:00.000Z');
  assert.is(instantOfJapaneseMoment('2026-04-01', true), '2026-04-01T14:59:59.999Z');
  assert.is(instantOfJapaneseMoment('2026-03-31T23:59'), '2026-03-31T14:59:00.000Z');
  assert.is(instantOfJapaneseMoment('2026-03-31T23:59', true), '2026-03-31T14:59:59.999Z');
  assert.is(instantOfJapaneseMoment('2026-03-31T23:59:30Z', true), '2026-03-31T23:59:30.000Z');
  assert.is(instantOfJapaneseMoment('2026-02-30'), null);
  assert.is(instantOfJapaneseMoment('2026-03-31T24:00'), null);
  assert.is(instantOfJapaneseMoment('yesterday'), null);
});

test.run();
