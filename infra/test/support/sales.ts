import { randomUUID } from 'node:crypto';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { RunningSss } from '../../src/main/sss.ts';

/**
 * Puts an order's budget into the event store the way the project context does on 受注確定
 * (`SalesPlanDerived` on `order-<id>`), and waits until the sales-plan policy has created the months.
 */
export async function deriveSalesPlan(sss: RunningSss, months: { month: string; revenue: number; cost?: number }[], projectId = `p${randomUUID().replaceAll('-', '').slice(0, 12)}`): Promise<string> {
  const orderId = randomUUID();
  const totalRevenue = months.reduce((t, m) => t + m.revenue, 0);
  await sss.events.append(`order-${orderId}`, [{
    type: 'SalesPlanDerived',
    data: {
      orderId, projectId, projectNumber: '20260042',
      months: months.map((m) => ({ month: m.month, revenue: m.revenue, cost: m.cost ?? 0, employeeCost: 0, partnerCost: 0, expenseCost: 0, grossProfit: m.revenue - (m.cost ?? 0) })),
      totalRevenue, totalCost: 0, orderAmount: totalRevenue, differenceFromOrderAmount: 0,
    },
    metadata: { actor: 'system:test', correlationId: randomUUID() },
  }], 'no_stream');
  const last = months[months.length - 1]!.month;
  await waitUntil('the sales plan policy to create the months', async () => (await sss.events.readStream(`monthlysales-${projectId}_${last}`)).length > 0, { intervalMs: 50 });
  return projectId;
}

export const salesActual = (overrides: Record<string, unknown> = {}) => ({
  labourSales: 1_500_000,
  settlement: { amount: 100_000, reason: '超過精算 10h' },
  taxRate: 10,
  expenses: [{ kind: '物品購入', name: 'ライセンス', taxIncluded: false, cost: 8_000, price: 10_000, quantity: '1' }],
  invoice: {
    recipientName: '顧客商事株式会社',
    subject: '4月分 システム開発支援',
    poNumber: 'PO-2026-001',
    invoiceDate: '2026-04-30',
    dueDate: '2026-05-31',
    paymentTerms: '月末締め翌月末払い',
    contact: '営業管理部 03-1234-5678',
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    lines: [
      { description: 'システム開発支援（4月分）', quantity: '1', unit: '式', unitPrice: 1_600_000, taxIncluded: false, taxRate: 10 },
      { description: 'ライセンス', quantity: '1', unit: '本', unitPrice: 10_000, taxIncluded: false, taxRate: 10 },
    ],
  },
  ...overrides,
});
