import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { assertProperty } from '../../src/testing/property-seed.ts';
import { invoiceTotals, ROUNDING_MODES, type RoundingMode, type TaxLine } from '../../src/sales/tax.ts';

/**
 * Qualified-invoice tax (docs/domain.md §Qualified invoices): per rate, the total is taxed and rounded once. The
 * oracle below works in integer hundredths-of-yen arithmetic with BigInt (no big.js, no floats),
 * so it shares no code with the implementation.
 */

const SCALE = 10_000n; // quantities have at most 4 decimals

function toScaled(quantity: string): bigint {
  const [whole, frac = ''] = quantity.split('.');
  return BigInt(whole!) * SCALE + BigInt((frac + '0000').slice(0, 4));
}

/** Round numerator/denominator (both ≥ 0) to an integer. */
function round(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const q = num / den;
  const r = num % den;
  if (r === 0n) return q;
  if (mode === 'floor') return q;
  if (mode === 'ceil') return q + 1n;
  return 2n * r >= den ? q + 1n : q;
}

function oracle(lines: TaxLine[], mode: RoundingMode) {
  const rows = [];
  for (const rate of [10, 8] as const) {
    const ofRate = lines.filter((l) => l.taxRate === rate);
    if (ofRate.length === 0) continue;
    const R = BigInt(rate);
    const sum = (ls: TaxLine[]) => ls.reduce((t, l) => t + toScaled(l.quantity) * BigInt(l.unitPrice), 0n); // yen × SCALE
    const excl = sum(ofRate.filter((l) => !l.taxIncluded));
    const incl = sum(ofRate.filter((l) => l.taxIncluded));
    if (ofRate.every((l) => l.taxIncluded)) {
      const gross = incl / SCALE;
      const tax = round(gross * R, 100n + R, mode);
      rows.push({ taxRate: rate, net: Number(gross - tax), tax: Number(tax), gross: Number(gross) });
    } else {
      const net = excl / SCALE + round(incl * 100n, SCALE * (100n + R), mode);
      const tax = round(net * R, 100n, mode);
      rows.push({ taxRate: rate, net: Number(net), tax: Number(tax), gross: Number(net + tax) });
    }
  }
  return rows;
}

/** Lines whose amount is whole yen (the edge refuses others): quantity with ≤ 1 decimal × price multiple of 10. */
const line = fc.record({
  quantity: fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 9 })).map(([w, f]) => `${w}.${f}`),
  unitPrice: fc.integer({ min: 0, max: 2_000_000 }).map((p) => p * 10),
  taxIncluded: fc.boolean(),
  taxRate: fc.constantFrom(10 as const, 8 as const),
});

test('per-rate totals and tax match an independent integer computation, for every rounding mode', () => {
  assertProperty(
    fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom(...ROUNDING_MODES), (lines, mode) => {
      const totals = invoiceTotals(lines, mode);
      assert.equal(totals.byRate.map(({ taxRate, net, tax, gross }) => ({ taxRate, net, tax, gross })), oracle(lines, mode));
      assert.is(totals.gross, totals.net + totals.tax);
    }),
    { numRuns: 500 },
  );
});

test('tax is rounded once per rate, not per line: the sum of per-line rounded taxes can differ', () => {
  // Three 外税 lines of 15 yen at 10 %: per line 1.5 → floor 1 each = 3; once on 45 → 4.
  const lines: TaxLine[] = Array.from({ length: 3 }, () => ({ quantity: '1', unitPrice: 15, taxIncluded: false, taxRate: 10 }));
  assert.is(invoiceTotals(lines, 'floor').tax, 4);
  assertProperty(
    fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), fc.constantFrom(...ROUNDING_MODES), (lines, mode) => {
      // Adding a zero-amount line never changes anything: no line contributes a rounding of its own.
      const withZero = [...lines, { quantity: '0', unitPrice: 990, taxIncluded: false, taxRate: 10 as const }];
      const a = invoiceTotals(lines, mode);
      const b = invoiceTotals(withZero, mode);
      if (lines.some((l) => l.taxRate === 10 && !l.taxIncluded) || !lines.some((l) => l.taxRate === 10)) {
        assert.is(b.byRate.find((r) => r.taxRate === 10)?.tax ?? 0, a.byRate.find((r) => r.taxRate === 10)?.tax ?? 0);
      }
      // Splitting a line (w.f → w + 0.f, same rate and basis) never changes the tax: only totals are rounded.
      const [first, ...rest] = lines;
      const [whole, frac] = first!.quantity.split('.');
      const split = [{ ...first!, quantity: whole! }, { ...first!, quantity: `0.${frac}` }, ...rest];
      assert.equal(invoiceTotals(split, mode), a);
    }),
  );
});

test('the sample of the 売上実績と請求情報 screen: 1,600,000 + 10 % = 1,760,000', () => {
  const totals = invoiceTotals([{ quantity: '1', unitPrice: 1_600_000, taxIncluded: false, taxRate: 10 }], 'floor');
  assert.equal(totals, { byRate: [{ taxRate: 10, basis: 'excluded', net: 1_600_000, tax: 160_000, gross: 1_760_000 }], net: 1_600_000, tax: 160_000, gross: 1_760_000 });
});

test('no 8 % row when no line has the reduced rate; both rates stated separately when present', () => {
  assert.is(invoiceTotals([{ quantity: '2', unitPrice: 1000, taxIncluded: false, taxRate: 10 }], 'floor').byRate.length, 1);
  const both = invoiceTotals([{ quantity: '1', unitPrice: 1000, taxIncluded: false, taxRate: 10 }, { quantity: '1', unitPrice: 1080, taxIncluded: true, taxRate: 8 }], 'floor');
  assert.equal(both.byRate.map((r) => [r.taxRate, r.basis, r.net, r.tax, r.gross]), [[10, 'excluded', 1000, 100, 1100], [8, 'included', 1000, 80, 1080]]);
});

test.run();
