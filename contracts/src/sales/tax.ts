import Big from 'big.js';

/**
 * Consumption tax of a qualified invoice (適格請求書, docs/domain.md §Qualified invoices): lines are grouped by tax
 * rate, each group's total is taxed, and the tax is rounded ONCE per rate per invoice. No code path
 * here rounds a line's tax; a line only contributes its exact amount to its rate's total.
 *
 * Basis per rate: all 外税 → tax = round(net × rate); all 内税 → tax = round(gross × rate / (1 + rate)),
 * net = gross − tax. Mixed (e.g. labour 外税 with a 内税 expense): the rate's 内税 total is converted
 * to 税抜 once (I / (1 + rate), rounded once for the whole group, never per line), added to the 外税
 * total, and taxed as one 外税 total. The invoice then states one basis per rate, as the invoice rules expect.
 */

export const TAX_RATES = [10, 8] as const;
export type TaxRate = (typeof TAX_RATES)[number];

export const ROUNDING_MODES = ['floor', 'ceil', 'half_up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export interface TaxLine {
  /** Exact decimal string, e.g. "1.5" (人月) — never a float. */
  readonly quantity: string;
  /** Integer yen; may be negative for a deduction (精算控除). */
  readonly unitPrice: number;
  /** 内税: the unit price already includes tax. */
  readonly taxIncluded: boolean;
  readonly taxRate: TaxRate;
}

export interface RateTotal {
  readonly taxRate: TaxRate;
  readonly basis: 'excluded' | 'included';
  /** 税率ごとの対価の額（税抜） */
  readonly net: number;
  /** 税率ごとの消費税額: rounded once, here. */
  readonly tax: number;
  /** 税込 */
  readonly gross: number;
}

export interface InvoiceTotals {
  readonly byRate: readonly RateTotal[];
  readonly net: number;
  readonly tax: number;
  readonly gross: number;
}

/** quantity × unit price, exactly. Lines must come to whole yen (checked by `lineAmountErrors`). */
export function lineAmount(line: Pick<TaxLine, 'quantity' | 'unitPrice'>): number {
  return Number(new Big(line.quantity).times(line.unitPrice).toFixed(0, Big.roundDown));
}

export function isWholeYen(line: Pick<TaxLine, 'quantity' | 'unitPrice'>): boolean {
  const exact = new Big(line.quantity).times(line.unitPrice);
  return exact.eq(exact.round(0, Big.roundDown));
}

export function roundYen(value: Big, mode: RoundingMode): number {
  const rm = mode === 'floor' ? Big.roundDown : mode === 'ceil' ? Big.roundUp : Big.roundHalfUp;
  // big.js rounds toward/away from zero; per-rate totals are never negative (validated at the edge), so that is floor/ceil.
  return Number(value.round(0, rm).toFixed(0));
}

export function invoiceTotals(lines: readonly TaxLine[], mode: RoundingMode): InvoiceTotals {
  const byRate: RateTotal[] = [];
  for (const rate of TAX_RATES) {
    const ofRate = lines.filter((l) => l.taxRate === rate);
    // No "8 % 0 yen" row when no line has that rate (docs/domain.md §Qualified invoices).
    if (ofRate.length === 0) continue;
    const sumOf = (ls: readonly TaxLine[]) => ls.reduce((total, l) => total.plus(new Big(l.quantity).times(l.unitPrice)), new Big(0));
    const excluded = sumOf(ofRate.filter((l) => !l.taxIncluded));
    const included = sumOf(ofRate.filter((l) => l.taxIncluded));
    const r = new Big(rate).div(100);
    if (ofRate.every((l) => l.taxIncluded)) {
      const gross = Number(included.toFixed(0));
      const tax = roundYen(included.times(r).div(r.plus(1)), mode);
      byRate.push({ taxRate: rate, basis: 'included', net: gross - tax, tax, gross });
    } else {
      const net = Number(excluded.toFixed(0)) + roundYen(included.div(r.plus(1)), mode);
      const tax = roundYen(new Big(net).times(r), mode);
      byRate.push({ taxRate: rate, basis: 'excluded', net, tax, gross: net + tax });
    }
  }
  return {
    byRate,
    net: byRate.reduce((t, r) => t + r.net, 0),
    tax: byRate.reduce((t, r) => t + r.tax, 0),
    gross: byRate.reduce((t, r) => t + r.gross, 0),
  };
}
