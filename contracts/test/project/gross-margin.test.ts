import Big from 'big.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { grossMarginPercent } from '../../src/project/summaries.ts';

/** What grossMarginPercent answered before its integer path: big.js, to one place, half away from zero. */
const byBig = (grossProfit: number, revenue: number) => (revenue === 0 ? null : new Big(grossProfit).times(100).div(revenue).toFixed(1, Big.roundHalfUp));

test('the integer path answers exactly what big.js answers: ties, signs, "-0.0", large yen', () => {
  const cases: Array<[number, number]> = [
    [1, 3], [2, 3], [-1, 3], [1, -3], [5, 1000], [-5, 1000], [-4, 10_000], [4, -10_000], [0, 5], [-0, 5], [1, 0],
    [1.5, 7], [123_456_789_012, 987_654_321], [Number.MAX_SAFE_INTEGER, 3], [-Number.MAX_SAFE_INTEGER, 7], [15, 2000], [-15, 2000], [25, 2000],
  ];
  // A fixed pseudo-random walk (no seed dependence between runs) over sizes from one yen to billions.
  let x = 12345;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x);
  for (let i = 0; i < 20_000; i++) {
    const scale = 10 ** (next() % 11);
    cases.push([(next() % (2 * scale + 1)) - scale, ((next() % scale) + 1) * (next() % 2 ? 1 : -1)]);
  }
  for (const [grossProfit, revenue] of cases) assert.is(grossMarginPercent(grossProfit, revenue), byBig(grossProfit, revenue), `${grossProfit} / ${revenue}`);
});

test.run();
