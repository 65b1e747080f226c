import type { CompanyView } from '@sss/contracts/company/schemas';
import { DetailList } from '../components/DetailList.tsx';
import { useLabels } from '../i18n/useLabels.ts';
import { companyBillingLabels } from '../i18n/companyBilling.ts';

/** 請求情報 of a customer; every field not yet entered — or recorded before the fields existed — says 未設定 (docs/billing.md). */
export function CompanyBillingPanel({ billing }: { billing: CompanyView['billing'] }) {
  const b = useLabels(companyBillingLabels);
  const unset = <span className="muted">{b('unset')}</span>;
  const shown = (value: string | null) => (value === null ? unset : value);
  const day = (value: number | 'end' | null) => (value === null ? unset : value === 'end' ? b('endOfMonth') : b('dayN', { n: value }));
  const months = billing.paymentMonths === null ? unset : billing.paymentMonths === 1 ? b('nextMonth') : b('monthAfterNext');
  return (
    <section className="panel" data-testid="detail-billing">
      <h2>{b('section')}</h2>
      <DetailList
        rows={[
          { testId: 'billing-postalCode', label: b('postalCode'), value: shown(billing.postalCode) },
          { testId: 'billing-address', label: b('address'), value: shown(billing.address) },
          { testId: 'billing-phone', label: b('phone'), value: shown(billing.phone) },
          { testId: 'billing-closingDay', label: b('closingDay'), value: day(billing.closingDay) },
          { testId: 'billing-paymentMonths', label: b('paymentMonths'), value: months },
          { testId: 'billing-paymentDay', label: b('paymentDay'), value: day(billing.paymentDay) },
          { testId: 'billing-recipientDepartment', label: b('recipientDepartment'), value: shown(billing.recipientDepartment) },
          { testId: 'billing-recipientPerson', label: b('recipientPerson'), value: shown(billing.recipientPerson) },
        ]}
      />
    </section>
  );
}
