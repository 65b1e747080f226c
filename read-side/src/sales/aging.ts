import type { AgingBucket, Receivables, ReceivableRow } from '@sss/contracts/sales/views';
import { AGING_BUCKETS, AGING_LABELS } from '@sss/contracts/sales/views';
import { daysBetween } from '@sss/contracts/domain/dates';

/** 売掛金の年齢調べ: each unpaid invoice by days past its due date (期日前, 1–30, 31–60, 61–90, 90超). */

export function bucketOf(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return 'd1_30';
  if (daysOverdue <= 60) return 'd31_60';
  if (daysOverdue <= 90) return 'd61_90';
  return 'd90_plus';
}

export function receivables(invoices: readonly Record<string, unknown>[], asOf: string): Receivables {
  const rows: ReceivableRow[] = invoices
    .filter((i) => i.state === 'current' && (i.outstanding as number) > 0)
    .map((i) => {
      const daysOverdue = Math.max(0, daysBetween(i.dueDate as string, asOf));
      return {
        invoiceNumber: i.invoiceNumber as string, recipientName: i.recipientName as string, projectNumber: (i.projectNumber as string) ?? '', projectName: (i.projectName as string) ?? '',
        issuedOn: i.issuedOn as string, dueDate: i.dueDate as string, gross: i.gross as number, paid: i.paid as number, outstanding: i.outstanding as number,
        daysOverdue, bucket: bucketOf(daysOverdue),
      };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueDate.localeCompare(b.dueDate));
  const buckets = AGING_BUCKETS.map((bucket) => {
    const of = rows.filter((r) => r.bucket === bucket);
    return { bucket, label: AGING_LABELS[bucket], count: of.length, outstanding: of.reduce((t, r) => t + r.outstanding, 0) };
  });
  return { asOf, rows, buckets, totalOutstanding: rows.reduce((t, r) => t + r.outstanding, 0) };
}
