import { Link } from 'react-router';
import { usePartnerList } from '../partners/queries.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * The partners of a partner company, from the partner context's read model. The count in the
 * heading is the company's own `partnerCount` (learnt over the partner topic): both agree once the
 * bus has caught up, a moment after a change.
 */
export function CompanyPartnersPanel({ companyId, partnerCount }: { companyId: string; partnerCount: number }) {
  const { t } = useI18n();
  const partners = usePartnerList({ companyId, pageSize: 100 });
  return (
    <section className="panel" data-testid="company-partners">
      <h2>
        {t('company.partners')} <span className="subtle" data-testid="company-partner-count">({partnerCount})</span>
      </h2>
      <ProblemMessage error={partners.error} onRetry={() => void partners.refetch()} />
      {partners.data?.items.length === 0 && <div className="subtle">{t('partner.empty')}</div>}
      <ul className="plain-list">
        {partners.data?.items.map((partner) => (
          <li key={partner.id} data-testid="company-partner">
            <Link to={`/partners/${encodeURIComponent(partner.id)}`}>{partner.name}</Link> <span className="subtle">{partner.kana}</span>
            {!partner.active && <span className="badge muted">{t('partner.status.retired')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
