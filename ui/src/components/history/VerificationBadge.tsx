import type { HistoryVerification } from '@sss/contracts/common';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { historyLabels } from '../../i18n/history.ts';
import { useLabels } from '../../i18n/useLabels.ts';

const STYLE = { verified: 'ok', broken: 'danger', unanchored: 'muted' } as const;
const MARK = { verified: '✓', broken: '⚠', unanchored: '…' } as const;

/** One event's verification state; the reason is the tooltip (and read aloud). */
export function VerificationBadge({ verification }: { verification: HistoryVerification }) {
  const { language } = useI18n();
  const l = useLabels(historyLabels);
  const detail = verification.detail[language];
  return (
    <span className={`badge ${STYLE[verification.state]}`} data-testid="history-verification" data-state={verification.state} title={detail} aria-label={`${l(verification.state)}: ${detail}`}>
      {MARK[verification.state]} {l(verification.state)}
    </span>
  );
}
