import { RecordAntiSocialCheck } from '@sss/contracts/company/schemas';
import type { CompanyView } from '@sss/contracts/company/schemas';
import { companyQueries } from './queries.ts';
import { CommandDialog } from '../components/CommandDialog.tsx';
import { recordAntiSocialCheck } from '../api/companies.ts';
import { today } from '../lib/format.ts';
import { schemaTitle } from '../lib/schemaTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function AntiSocialCheckDialog({ company, onClose, onDone }: { company: CompanyView; onClose: () => void; onDone: () => void }) {
  const { t, language } = useI18n();
  const en = language === 'en';
  return (
    <CommandDialog
      title={t('action.antiSocial')}
      testId="dialog-anti-social-check"
      schema={RecordAntiSocialCheck}
      fields={[
        { name: 'checkedOn', label: en ? 'Checked on' : schemaTitle(RecordAntiSocialCheck.properties.checkedOn), kind: 'date', required: true },
        {
          name: 'result',
          label: en ? 'Result' : schemaTitle(RecordAntiSocialCheck.properties.result),
          kind: 'select',
          required: true,
          options: [
            { value: 'clear', label: t('company.result.clear') },
            { value: 'concern', label: t('company.result.concern') },
          ],
        },
        { name: 'note', label: en ? 'Note' : schemaTitle(RecordAntiSocialCheck.properties.note), kind: 'multiline' },
      ]}
      initial={{ checkedOn: today(), result: 'clear', note: '' }}
      toBody={(v) => ({ checkedOn: v.checkedOn ?? '', result: v.result, ...(v.note?.trim() ? { note: v.note.trim() } : {}) })}
      invalidates={companyQueries.all}
      run={(body, idempotencyKey) => recordAntiSocialCheck(company.id, body as RecordAntiSocialCheck, { idempotencyKey, ifMatch: company.revision })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
