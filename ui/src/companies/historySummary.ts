import type { Language } from '../i18n/dictionary.ts';
import type { Translate } from '../i18n/I18nProvider.tsx';
import { formatDate } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { fieldLabel } from './fieldLabels.ts';

/**
 * One line per event saying what changed, from the event data. Events are facts from the past, so
 * every field is read defensively: an older schema version may lack it.
 */
export function historySummary(type: string, data: unknown, t: Translate, language: Language): string {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  switch (type) {
    case 'CompanyRegistered':
      return [str('code'), str('name')].filter(Boolean).join(' ');
    case 'CompanyEdited':
    case 'CompanyUpdated': {
      const changed = Array.isArray(d.changed) ? d.changed.map(String) : [];
      return changed.map((field) => fieldLabel(field, language)).join('、');
    }
    case 'AntiSocialCheckRecorded': {
      const result = str('result') === 'concern' ? t('company.result.concern') : str('result') === 'clear' ? t('company.result.clear') : str('result');
      return [formatDate(str('checkedOn')), result, str('note')].filter(Boolean).join(' / ');
    }
    case 'CreditLimitChanged': {
      const previous = typeof d.previousLimit === 'number' ? formatYen(d.previousLimit) : '—';
      const next = typeof d.creditLimit === 'number' ? formatYen(d.creditLimit) : '—';
      return `${previous} → ${next}（${formatDate(str('reviewedOn'))}）`;
    }
    case 'CompanyAbolished':
      return [formatDate(str('abolishedOn')), str('reason')].filter(Boolean).join(' / ');
    default:
      return '';
  }
}
