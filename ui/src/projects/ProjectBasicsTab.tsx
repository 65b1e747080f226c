import type { ProjectDetail } from '@sss/contracts/project/views';
import { projectFieldLabel } from './projectForm.ts';
import { DetailList } from '../components/DetailList.tsx';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { billingTypeLabels, contractTypeLabels } from '../i18n/codes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useLabels } from '../i18n/useLabels.ts';

/** 基本属性: the registered basics, 請求予定 and who registered the project. */
export function ProjectBasicsTab({ project: p }: { project: ProjectDetail }) {
  const L = projectFieldLabel;
  const { t } = useI18n();
  const billingType = useLabels(billingTypeLabels);
  const contractType = useLabels(contractTypeLabels);
  return (
    <div className="detail-grid" data-testid="tab-basics">
      <DetailList
        rows={[
          { label: '案件番号', value: p.projectNumber, testId: 'projectNumber' },
          { label: L('name'), value: <span data-user-data>{p.name}</span>, testId: 'name' },
          { label: L('customerCompanyId'), value: p.customer.name, testId: 'customer' },
          { label: L('supervisingOrgUnitId'), value: p.supervisingOrgUnit.name, testId: 'supervisingOrgUnit' },
          { label: L('accountingUnit'), value: p.accountingUnit, testId: 'accountingUnit' },
          { label: 'プロジェクトリーダー', value: p.leader.name, testId: 'leader' },
          { label: '期間', value: `${formatDate(p.startDate)}${t('common.range')}${formatDate(p.endDate)}`, testId: 'period' },
          { label: L('billingType'), value: billingType(p.billingType), testId: 'billingType' },
          { label: L('resale'), value: p.resale ? '○' : '—', testId: 'resale' },
        ]}
      />
      <DetailList
        rows={[
          { label: L('salesInfo.serviceType'), value: p.salesInfo.serviceType, testId: 'serviceType' },
          { label: L('salesInfo.contractType'), value: contractType(p.salesInfo.contractType), testId: 'contractType' },
          { label: L('salesInfo.revenueRecognition'), value: p.salesInfo.revenueRecognition, testId: 'revenueRecognition' },
          { label: '事業セグメント', value: [p.businessSegment.first, p.businessSegment.second, p.businessSegment.third].filter(Boolean).join(' / '), testId: 'businessSegment' },
          { label: '請求予定', value: p.billingSchedule ? `${p.billingSchedule.closingDay}締め ${p.billingSchedule.paymentSiteMonths}か月後 ${p.billingSchedule.paymentDay}払い（${formatYen(p.billingSchedule.total)}）` : '', testId: 'billingSchedule' },
          { label: 'コピー元', value: p.copiedFrom?.projectNumber ?? '', testId: 'copiedFrom' },
          { label: '登録', value: `${formatDateTime(p.registeredAt)} ${p.registeredBy}`, testId: 'registered' },
          { label: '更新', value: formatDateTime(p.updatedAt), testId: 'updatedAt' },
        ]}
      />
    </div>
  );
}
