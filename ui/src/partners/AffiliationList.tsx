import { Link } from 'react-router';
import type { PartnerAffiliationView } from '@sss/contracts/partner/schemas';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Company names as the partner context knows them; an abolished company is flagged, not hidden. */
export function AffiliationList({ affiliations, links = false }: { affiliations: readonly PartnerAffiliationView[]; links?: boolean }) {
  const { t } = useI18n();
  if (affiliations.length === 0) return <span className="subtle">—</span>;
  return (
    <span className="badges" data-testid="affiliations">
      {affiliations.map((a) => (
        <span key={a.companyId} className="affiliation" data-testid="affiliation" data-abolished={a.companyAbolished}>
          {links ? <Link to={`/companies/${encodeURIComponent(a.companyId)}`}>{a.name}</Link> : a.name}
          {a.companyAbolished && <span className="badge danger" data-testid="affiliation-abolished">{t('partner.companyAbolished')}</span>}
        </span>
      ))}
    </span>
  );
}
