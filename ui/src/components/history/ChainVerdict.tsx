import type { History } from '@sss/contracts/common';
import { historyLabels } from '../../i18n/history.ts';
import { useLabels } from '../../i18n/useLabels.ts';

/** The stream's verdict: each event's hash covers the previous one, and the store's recorded end covers the last. */
export function ChainVerdict({ history }: { history: History }) {
  const l = useLabels(historyLabels);
  if (history.chainValid) {
    return (
      <span className="badge ok verdict" data-testid="chain-verdict" data-valid="true">
        ✓ {l('chainOk')}
      </span>
    );
  }
  const why = history.missingFrom !== undefined ? l('missingFrom', { revision: history.missingFrom }) : history.brokenAt !== undefined ? l('brokenAt', { revision: history.brokenAt }) : '';
  return (
    <span className="badge danger verdict" data-testid="chain-verdict" data-valid="false" title={why}>
      ⚠ {l('chainBroken')}
      {why && <> — {why}</>}
    </span>
  );
}
