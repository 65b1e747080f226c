import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { assertProperty } from '@sss/contracts/testing/property-seed';
import { DomainError } from '@sss/contracts/http/problem';
import type { ProjectNumberEvent } from '@sss/contracts/project/events';
import { streams } from '@sss/contracts/streams/names';
import { fold } from '../../src/kernel/decider.ts';
import { spec } from '../../src/kernel/spec.ts';
import { MAX_SERIAL, projectNumberDecider, projectNumberOf, yearInJapan, type AllocateProjectNumber } from '../../src/project/project-number.ts';

/** 案件番号: year + 4-digit serial from a per-year counter stream, never reused. */

const numbers = spec(projectNumberDecider);
const allocate = (projectId: string, year = 2025): AllocateProjectNumber => ({ type: 'AllocateProjectNumber', year, projectId });
const allocated = (serial: number, projectId: string, year = 2025): ProjectNumberEvent => ({
  type: 'ProjectNumberAllocated',
  data: { year, serial, projectNumber: projectNumberOf(year, serial), projectId },
});

test('the first project of a year gets serial 0001', () => {
  numbers.given([]).when(allocate('p-1')).then([allocated(1, 'p-1')]);
  assert.is(projectNumberOf(2025, 42), '20250042');
  assert.is(streams.projectNumber(2025), 'projectnumber-2025');
});

test('the next project gets the next serial', () => {
  numbers.given([allocated(1, 'p-1'), allocated(2, 'p-2')]).when(allocate('p-3')).then([allocated(3, 'p-3')]);
});

test('asking again for the same project returns nothing new (a retry spends no number)', () => {
  numbers.given([allocated(1, 'p-1')]).when(allocate('p-1')).thenNothing();
});

test('serial 9999 is the last of a year', () => {
  numbers.given([allocated(MAX_SERIAL - 1, 'p-a')]).when(allocate('p-b')).then([allocated(MAX_SERIAL, 'p-b')]);
  numbers.given([allocated(MAX_SERIAL, 'p-a')]).when(allocate('p-b')).thenFails('rule_violated');
});

test('a year outside 2000–9999, or another year than the stream holds, is refused', () => {
  numbers.given([]).when(allocate('p-1', 1999)).thenFails('validation_failed', 'year');
  numbers.given([allocated(1, 'p-1', 2025)]).when(allocate('p-2', 2026)).thenFails('internal');
});

test('the year is the calendar year in Japan', () => {
  assert.is(yearInJapan('2025-12-31T14:59:59Z'), 2025);
  assert.is(yearInJapan('2025-12-31T15:00:00Z'), 2026);
});

test('property: any sequence of allocations and retries never hands out a number twice, and numbers rise by one', () => {
  assertProperty(
    fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 120 }), (requests) => {
      const events: ProjectNumberEvent[] = [];
      const given = new Map<string, string>();
      for (const n of requests) {
        const projectId = `p-${n}`;
        const decision = projectNumberDecider.decide(allocate(projectId), fold(projectNumberDecider, events));
        assert.not.instance(decision, DomainError);
        events.push(...(decision as ProjectNumberEvent[]));
        const state = fold(projectNumberDecider, events);
        const number = state.byProject[projectId]!;
        if (given.has(projectId)) assert.is(number, given.get(projectId), 'a retry returns the same number');
        given.set(projectId, number);
      }
      const handedOut = events.map((e) => e.data.projectNumber);
      assert.is(new Set(handedOut).size, handedOut.length, 'no number twice');
      assert.equal(events.map((e) => e.data.serial), events.map((_, i) => i + 1), 'serials 1, 2, 3, … without gaps inside the stream');
    }),
  );
});

test.run();
