import Big from 'big.js';
import { TAX_CATEGORIES, TAX_RATE_PERCENT, type EstimateLine, type TaxCategory } from './estimate-schemas.ts';

/**
 * Amounts of a 見積書, the way a qualified invoice will later compute them (docs/domain.md §Qualified invoices):
 * - line amount = 数量 × 単価, rounded to the yen half-up (ties away from zero, so a discount line
 *   mirrors the line it discounts);
 * - lines are summed per tax rate; consumption tax is computed ONCE per rate on that subtotal and
 *   rounded DOWN (切り捨て, the usual issuer choice and never more than the exact tax);
 * - total = Σ subtotals + Σ taxes. Nothing is rounded twice, so the sheet always adds up.
 */

export interface EstimateLineAmount {
  amount: number;
}

export interface TaxBreakdown {
  taxCategory: TaxCategory;
  ratePercent: number;
  subtotal: number;
  tax: number;
}

export interface EstimateAmounts {
  lines: EstimateLineAmount[];
  byRate: TaxBreakdown[];
  subtotal: number;
  tax: number;
  total: number;
}

export function lineAmount(line: Pick<EstimateLine, 'quantity' | 'unitPrice'>): number {
  return new Big(line.quantity).times(line.unitPrice).round(0, Big.roundHalfUp).toNumber();
}

export function estimateAmounts(lines: readonly EstimateLine[]): EstimateAmounts {
  const amounts = lines.map((l) => ({ amount: lineAmount(l) }));
  const byRate = TAX_CATEGORIES.flatMap((taxCategory): TaxBreakdown[] => {
    const members = lines.flatMap((l, i) => (l.taxCategory === taxCategory ? [amounts[i]!.amount] : []));
    if (members.length === 0) return [];
    const subtotal = members.reduce((a, b) => a + b, 0);
    const ratePercent = TAX_RATE_PERCENT[taxCategory];
    const tax = new Big(subtotal).times(ratePercent).div(100).round(0, Big.roundDown).toNumber();
    return [{ taxCategory, ratePercent, subtotal, tax }];
  });
  const subtotal = byRate.reduce((a, r) => a + r.subtotal, 0);
  const tax = byRate.reduce((a, r) => a + r.tax, 0);
  return { lines: amounts, byRate, subtotal, tax, total: subtotal + tax };
}
