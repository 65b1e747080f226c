import type { PartnerCompanyOption } from '@sss/contracts/partner/schemas';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface CompanyPickerProps {
  options: readonly PartnerCompanyOption[];
  selected: readonly string[];
  /** Affiliations the partner already has: kept selectable even if the company has since been abolished. */
  existing: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** 所属会社: only partner companies (協力会社) are offered; an abolished one cannot be newly chosen. */
export function CompanyPicker({ options, selected, existing, onChange, error }: CompanyPickerProps) {
  const { t } = useI18n();
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <div className={`field${error ? ' has-error' : ''}`} data-testid="field-companyIds" role="group" aria-label={t('partner.companies')}>
      <label>{t('partner.companies')}</label>
      {options.length === 0 && <div className="hint">{t('partner.noPartnerCompanies')}</div>}
      <div className="checkbox-row">
        {options.map((company) => {
          const disabled = company.abolished && !existing.includes(company.id);
          return (
            <label className="checkbox" key={company.id}>
              <input type="checkbox" data-testid={`pick-${company.code}`} checked={selected.includes(company.id)} disabled={disabled} onChange={(e) => toggle(company.id, e.target.checked)} />
              <span className="mono">{company.code}</span> {company.name}
              {company.abolished && <span className="badge muted">{t('partner.companyAbolished')}</span>}
            </label>
          );
        })}
      </div>
      {error && (
        <div className="field-error" role="alert" data-testid="error-companyIds">
          {error}
        </div>
      )}
    </div>
  );
}
