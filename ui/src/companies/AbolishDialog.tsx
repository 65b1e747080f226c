import { AbolishCompany } from '@sss/contracts/company/schemas';
import type { CompanyView } from '@sss/contracts/company/schemas';
import { companyQueries } from './queries.ts';
import { CommandDialog } from '../components/CommandDialog.tsx';
import { abolishCompany } from '../api/companies.ts';
import { today } from '../lib/format.ts';
import { schemaTitle } from '../lib/schemaTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function AbolishDialog({ company, onClose, onDone }: { company: CompanyView; onClose: () => void; onDone: () => void }) {
  const { t, language } = useI18n();
  const en = language === 'en';
  return (
    <CommandDialog
      title={`${t('action.abolish')}: ${company.name}`}
      testId="dialog-abolish"
      schema={AbolishCompany}
      warning={t('action.abolishConfirm')}
      danger
      fields={[
        { name: 'abolishedOn', label: en ? 'Abolished on' : schemaTitle(AbolishCompany.properties.abolishedOn), kind: 'date', required: true },
        { name: 'reason', label: en ? 'Reason' : schemaTitle(AbolishCompany.properties.reason), kind: 'multiline' },
      ]}
      initial={{ abolishedOn: today(), reason: '' }}
      toBody={(v) => ({ abolishedOn: v.abolishedOn ?? '', ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) })}
      invalidates={companyQueries.all}
      run={(body, idempotencyKey) => abolishCompany(company.id, body as AbolishCompany, { idempotencyKey, ifMatch: company.revision })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
