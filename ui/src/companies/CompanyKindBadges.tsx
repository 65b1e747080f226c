import { useI18n } from '../i18n/I18nProvider.tsx';

export function CompanyKindBadges({ isCustomer, isPartner }: { isCustomer: boolean; isPartner: boolean }) {
  const { t } = useI18n();
  return (
    <span className="badges">
      {isCustomer && <span className="badge customer">{t('company.kind.customer')}</span>}
      {isPartner && <span className="badge partner">{t('company.kind.partner')}</span>}
    </span>
  );
}

export function CompanyStatusBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return <span className={`badge ${active ? 'ok' : 'muted'}`}>{active ? t('company.status.active') : t('company.status.abolished')}</span>;
}
