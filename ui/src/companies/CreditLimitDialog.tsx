import { formatNumber } from '@sss/contracts/domain/money';
import { ChangeCreditLimit } from '@sss/contracts/company/schemas';
import type { CompanyView } from '@sss/contracts/company/schemas';
import { companyQueries } from './queries.ts';
import { CommandDialog } from '../components/CommandDialog.tsx';
import { parseYenInput } from '../lib/yenInput.ts';
import { changeCreditLimit } from '../api/companies.ts';
import { today } from '../lib/format.ts';
import { schemaTitle } from '../lib/schemaTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function CreditLimitDialog({ company, onClose, onDone }: { company: CompanyView; onClose: () => void; onDone: () => void }) {
  const { t, language } = useI18n();
  const en = language === 'en';
  const current = company.credit?.creditLimit;
  return (
    <CommandDialog
      title={t('action.creditLimit')}
      testId="dialog-credit-limit"
      schema={ChangeCreditLimit}
      fields={[
        { name: 'creditLimit', label: en ? 'Credit limit (yen)' : `${schemaTitle(ChangeCreditLimit.properties.creditLimit)}（円）`, kind: 'yen', required: true },
        { name: 'reviewedOn', label: en ? 'Reviewed on' : schemaTitle(ChangeCreditLimit.properties.reviewedOn), kind: 'date', required: true },
      ]}
      initial={{ creditLimit: current === undefined ? '' : formatNumber(current), reviewedOn: today() }}
      // an empty amount is "not entered", which the schema reports as required
      toBody={(v) => {
        const amount = parseYenInput(v.creditLimit ?? '');
        return { ...(amount === null ? {} : { creditLimit: amount }), reviewedOn: v.reviewedOn ?? '' };
      }}
      invalidates={companyQueries.all}
      run={(body, idempotencyKey) => changeCreditLimit(company.id, body as ChangeCreditLimit, { idempotencyKey, ifMatch: company.revision })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
