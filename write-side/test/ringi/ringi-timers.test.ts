import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ApprovalStep } from '@sss/contracts/ports/workflow';
import { DEFAULT_RINGI_TIMERS, nearEnd, nextPollDelay } from '../../src/ringi/ringi-timers.ts';

const step = (phase: number, status: ApprovalStep['status'], current = false): ApprovalStep => ({
  phase,
  phaseTitle: `第${phase}承認`,
  approverId: `U${phase}`,
  approverName: `判定者 ${phase}`,
  status,
  comment: '',
  decidedAt: null,
  current,
});
const early = [step(1, 'waiting', true), step(2, 'scheduled'), step(3, 'scheduled')];
const last = [step(1, 'accept'), step(2, 'accept'), step(3, 'waiting', true)];
const MIN = 60_000;

test('a lost outcome is found within minutes: quiet polls back off to five minutes, not an hour', () => {
  const delays = Array.from({ length: 12 }, (_, i) => nextPollDelay(DEFAULT_RINGI_TIMERS, i + 1, early));
  assert.equal(delays.slice(0, 5), [30_000, 60_000, 120_000, 240_000, 5 * MIN]);
  assert.ok(delays.every((d) => d <= 5 * MIN));
});

test('while the last approver is due, polls stay at a minute at most', () => {
  assert.ok(nearEnd(last));
  assert.not.ok(nearEnd(early));
  assert.not.ok(nearEnd([step(1, 'accept')]), 'nobody due: not waiting on anyone');
  assert.equal(
    Array.from({ length: 6 }, (_, i) => nextPollDelay(DEFAULT_RINGI_TIMERS, i + 1, last)),
    [30_000, MIN, MIN, MIN, MIN, MIN],
  );
});

test('a configured poll base above the near-end cap is kept (the cap never undercuts the base)', () => {
  assert.is(nextPollDelay({ pollBaseMs: 2 * MIN, pollMaxMs: 10 * MIN, pollNearEndMaxMs: MIN }, 3, last), 2 * MIN);
});

test.run();
