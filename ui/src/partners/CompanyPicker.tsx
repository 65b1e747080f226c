import type { PartnerCompanyOption } from '@sss/contracts/partner/schemas';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PartnerCompanyPicker } from '../components/pickers.tsx';

interface CompanyPickerProps {
  /** Every partner company the partner context knows: names of the chosen ones (the route answers all, uncapped). */
  options: readonly PartnerCompanyOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/**
 * 所属会社: the chosen companies, each removable, and a picker searched by name or kana to add one.
 * Only partner companies (協力会社) are offered, and an abolished one cannot be newly chosen; an
 * affiliation the partner already has stays listed (flagged) until someone removes it.
 */
export function CompanyPicker({ options, selected, onChange, error }: CompanyPickerProps) {
  const { t } = useI18n();
  const byId = new Map(options.map((o) => [o.id, o]));
  return (
    <div className="field" data-testid="partner-companies" role="group" aria-label={t('partner.companies')}>
      <ul className="chips" data-testid="chosen-companies">
        {selected.map((id) => {
          const company = byId.get(id);
          return (
            <li key={id} className="chip" data-testid={`chosen-${company?.code ?? id}`}>
              {company?.name ?? id}
              {company?.abolished && <span className="badge muted">{t('partner.companyAbolished')}</span>}
              <button type="button" className="picker-clear" aria-label={`${company?.name ?? id} ×`} data-testid={`remove-${company?.code ?? id}`} onClick={() => onChange(selected.filter((s) => s !== id))}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <PartnerCompanyPicker
        label={t('partner.companies')}
        name="companyIds"
        value=""
        valueLabel=""
        error={error}
        hint={options.length === 0 ? t('partner.noPartnerCompanies') : undefined}
        onPick={(company) => {
          if (company && !selected.includes(company.id)) onChange([...selected, company.id]);
        }}
      />
    </div>
  );
}
