import type { Filter } from '@sss/contracts/ports/read-store';
import { escapeRegex } from '../http/query-helpers.ts';

/**
 * 請求一覧の検索条件 → store filter: 請求日の範囲, 税込金額の範囲, 取引先 (the customer picked from the
 * company list, or partial, case-insensitive text), combinable (電子帳簿保存法の検索要件).
 */
export function invoiceFilter(q: { from?: string; to?: string; minAmount?: number; maxAmount?: number; counterparty?: string; customerId?: string; includeReplaced?: boolean }): Filter {
  const and: Filter[] = [];
  if (!q.includeReplaced) and.push({ state: 'current' });
  if (q.from) and.push({ invoiceDate: { $gte: q.from } });
  if (q.to) and.push({ invoiceDate: { $lte: q.to } });
  if (q.minAmount !== undefined) and.push({ gross: { $gte: q.minAmount } });
  if (q.maxAmount !== undefined) and.push({ gross: { $lte: q.maxAmount } });
  if (q.customerId) and.push({ customerId: q.customerId });
  if (q.counterparty?.trim()) {
    const pattern = escapeRegex(q.counterparty.trim());
    and.push({ $or: [{ recipientName: { $regex: pattern, $options: 'i' } }, { customerName: { $regex: pattern, $options: 'i' } }] });
  }
  return and.length ? { $and: and } : {};
}
