import { filter, firstValueFrom } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startProjector } from '../../src/projector/projector.ts';
import { projectProjection } from '../../src/project/projection.ts';
import { PROJECTS } from '../../src/project/project-doc.ts';
import { ESTIMATES } from '../../src/project/estimate-doc.ts';
import { ORDERS } from '../../src/project/order-doc.ts';
import { detailOf, listRowOf, projectFilter } from '../../src/project/routes.ts';
import type { ProjectDoc } from '../../src/project/project-doc.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';
import { readStoreKinds } from '../support/read-store-kinds.ts';

/** The projects projection, fed recorded events, on every read store; list filters run on the store itself. */

const basics = {
  name: '物流基盤刷新', customerCompanyId: 'c1', supervisingOrgUnitId: 'u-bs1', accountingUnit: 'BS第1グループ', leader: { employeeId: 'e1', name: '佐藤 健一' },
  businessSegment: { first: 'SI', second: '物流', third: '' }, salesInfo: { serviceType: 'システム開発', contractType: '準委任', revenueRecognition: '役務完了基準' },
  startDate: '2025-04-01', endDate: '2025-06-30', resale: false, billingType: '毎月請求',
};
const employee = { kind: 'employee', employeeId: 'e1', employeeNo: 'E1', email: '', classRank: 'M1', name: '佐藤 健一', cost: 800_000, quotedUnitPrice: 1_200_000, title: '', workSummary: '' };
const partner = { kind: 'partner', partnerId: 'p1', partnerCompanyId: 'c2', name: '高橋 翔', cost: 600_000, quotedUnitPrice: 900_000, title: '', workSummary: '' };
const at = '2025-03-01T00:00:00.000Z';

function feed() {
  const log = memoryEventLog();
  log.push('user-e1', 'UserRegistered', { userId: 'e1', name: '佐藤 健一', email: 'sato@example.co.jp', roles: ['sales'], orgUnitId: null, passwordHash: 'x' });
  log.push('company-c1', 'CompanyRegistered', { companyId: 'c1', name: '北斗物流', kana: 'ホクトブツリュウ', isCustomer: true, isPartner: false });
  log.push('company-c2', 'CompanyRegistered', { companyId: 'c2', name: '青葉テクノロジー', kana: 'アオバテクノロジー', isCustomer: false, isPartner: true });
  log.push('organization-main', 'OrgChangesConfirmed', {
    reorganizationId: 'r1', effectiveDate: '2020-04-01', note: '',
    changes: [{ kind: 'create', unitId: 'u-bs1', code: 'BS01', name: 'BS第1グループ', kana: 'ビーエス', level: 'group', accountingCategory: 'cost_of_sales', sortOrder: 1, parentId: null }],
  });
  log.push('project-p1', 'ProjectRegistered', { projectId: 'p1', projectNumber: '20250001', status: 'proposing', copiedFrom: null, by: 'e1', at, ...basics });
  log.push('project-p1', 'ResourceAdded', { projectId: 'p1', resource: { ...employee, resourceNo: 1, effort: { '2025-04': '1', '2025-05': '0.5' } } });
  log.push('project-p1', 'ResourceAdded', { projectId: 'p1', resource: { ...partner, resourceNo: 2, effort: { '2025-04': '1' } } });
  log.push('project-p1', 'MonthlyEffortSet', { projectId: 'p1', resourceNo: 1, efforts: { '2025-05': '0', '2025-06': '0.3' } });
  log.push('project-p1', 'ProjectApprovalRequested', { projectId: 'p1', ringiId: 'r-1', kind: 'estimate', requestedFrom: 'proposing', comment: '', estimateId: null, estimateVersion: null, by: 'e1', at });
  log.push('project-p1', 'ProjectStatusChanged', { projectId: 'p1', from: 'proposing', to: 'estimate_in_ringi', reason: '見積稟議', ringiId: 'r-1', by: 'e1', at });
  log.push('project-p1', 'ProjectApprovalGranted', { projectId: 'p1', ringiId: 'r-1', kind: 'estimate', ringiNumber: '', comment: '', decidedBy: '田中 誠', decidedAt: at });
  log.push('project-p1', 'ProjectStatusChanged', { projectId: 'p1', from: 'estimate_in_ringi', to: 'estimate_approved', reason: '見積稟議 承認', ringiId: 'r-1', by: 'system:ringi', at });
  const content = { subject: '物流基盤刷新', addressee: '北斗物流株式会社', periodStart: '2025-04-01', periodEnd: '2025-06-30', deliveryPlace: '', paymentTerms: '月末締め翌月末払い', validUntil: '2025-03-31', conditions: '',
    lines: [{ workItem: '開発', quantity: '1.5', unit: '人月', unitPrice: 1_000_001, taxCategory: 'standard_10' }] };
  log.push('estimate-p1', 'EstimateDrafted', { estimateId: 'p1', projectId: 'p1', projectNumber: '20250001', version: 1, content });
  log.push('order-p1', 'OrderRegistered', { orderId: 'p1', projectId: 'p1', projectNumber: '20250001', customerPoNumber: 'PO-1', orderDate: '2025-03-20', orderAmount: 2_500_000, labourAmount: 2_500_000, periodStart: '2025-04-01', periodEnd: '2025-06-30', notes: '' });
  log.push('company-c1', 'CompanyEdited', { companyId: 'c1', name: '北斗ロジスティクス', kana: 'ホクトロジスティクス', isCustomer: true, isPartner: false, changed: ['name', 'kana'] });
  log.push('organization-main', 'OrgChangesConfirmed', { reorganizationId: 'r2', effectiveDate: '2025-04-01', note: '', changes: [{ kind: 'rename', unitId: 'u-bs1', name: 'BS第一グループ', kana: 'ビーエス' }] });
  return { log, last: log.push('order-p1', 'OrderConfirmed', { orderId: 'p1', projectId: 'p1', ringiId: 'r-2', ringiNumber: 'JU-7', approvedAt: at, orderAmount: 2_500_000, labourAmount: 2_500_000 }) };
}

for (const kind of readStoreKinds()) {
  test(`${kind.name}: 案件, 見積 and 受注 documents follow their events, with names from the projection's own copies`, async () => {
    const { log, last } = feed();
    const store = await kind.open('project-projection');
    const projector = await startProjector({ events: log, store, projection: projectProjection, batchSize: 3 });
    await firstValueFrom(projector.position$.pipe(filter((p) => p >= last.position)));
    const doc = (await store.get(PROJECTS, 'p1')) as ProjectDoc;
    const detail = detailOf(doc);
    assert.equal(detail.customer, { id: 'c1', name: '北斗ロジスティクス' }, 'a rename reaches the project');
    assert.equal(detail.supervisingOrgUnit, { id: 'u-bs1', name: 'BS第一グループ' }, 'an org rename reaches the project');
    assert.equal(detail.resources[0]!.effort, { '2025-04': '1', '2025-06': '0.3' }, '"0" clears a month');
    assert.equal(detail.resources[1]!.partnerCompany, { id: 'c2', name: '青葉テクノロジー' });
    assert.is(detail.status, 'estimate_approved');
    assert.equal(detail.statusHistory.map((h) => [h.to, h.byName]), [['proposing', '佐藤 健一'], ['estimate_in_ringi', '佐藤 健一'], ['estimate_approved', 'system:ringi']]);
    assert.is(detail.approvals[0]!.outcome, 'approved');
    // 1.3 × 1,200,000 + 1 × 900,000
    assert.is(detail.summary.total.revenue, 1_560_000 + 900_000);
    assert.equal(detail.summary.partners.map((p) => p.total.cost), [600_000]);
    assert.is(detail.estimateId, 'p1');
    assert.is(detail.orderId, 'p1');
    const row = listRowOf(doc);
    assert.is(row.revenue, detail.summary.total.revenue);
    assert.is(row.orderRingiNumber, 'JU-7');
    assert.is(row.pendingApproval, null);
    const estimate = (await store.get(ESTIMATES, 'p1'))!;
    assert.is((estimate.versions as { subtotal: number }[])[0]!.subtotal, 1_500_002, '1.5 × 1,000,001 = 1,500,001.5 → half-up');
    const order = (await store.get(ORDERS, 'p1'))!;
    assert.is(order.status, 'confirmed');
    assert.equal(order.customer, { id: 'c1', name: '北斗物流' }, 'the order keeps the name it was registered under');

    const count = (q: Parameters<typeof projectFilter>[0]) => store.count(PROJECTS, projectFilter(q));
    assert.is(await count({ q: 'ロジスティクス' }), 1, 'customer kana after the rename');
    assert.is(await count({ q: '20250001' }), 1, 'number');
    assert.is(await count({ q: '基盤' }), 1, 'name');
    assert.is(await count({ q: '存在しない' }), 0);
    assert.is(await count({ status: 'estimate_approved', customerCompanyId: 'c1', supervisingOrgUnitId: 'u-bs1', leaderEmployeeId: 'e1' }), 1);
    assert.is(await count({ status: 'ordered' }), 0);
    assert.is(await count({ periodFrom: '2025-06-30', periodTo: '2025-12-31' }), 1, 'overlap on the last day');
    assert.is(await count({ periodFrom: '2025-07-01' }), 0);
    assert.is(await count({ periodTo: '2025-03-31' }), 0);
    assert.is(await count({ activeOn: '2025-05-15' }), 1);
    await projector.stop();
    await store.close();
  });
}

test('events of other contexts are ignored', async () => {
  const changes = await projectProjection.project(
    { streamName: 'monthlysales-x', revision: 0n, position: 1n, type: 'ProjectRegistered', data: {}, metadata: {} as never },
    { get: async () => null },
  );
  assert.equal(changes, []);
});

test.run();
