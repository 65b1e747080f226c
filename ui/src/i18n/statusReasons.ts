import { useCallback } from 'react';
import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS } from '@sss/contracts/project/fields';
import { useI18n } from './I18nProvider.tsx';
import { approvalKindLabels, approvalOutcomeLabels } from './codes.ts';

/**
 * The reasons the system itself writes into a project's status history (write-side
 * `project/status-flow.ts`, read-side `project/project-doc.ts`) are stored in Japanese, forever. On
 * an English screen they are recognised by the same label tables that composed them and told in
 * English; a reason a person typed is returned as `null` (it is user data, shown as typed).
 */
const invert = <C extends string>(labels: Readonly<Record<C, string>>) => new Map(Object.entries(labels).map(([code, label]) => [label as string, code as C]));
const kinds = invert(APPROVAL_KIND_LABELS);
const outcomes = invert(APPROVAL_OUTCOME_LABELS);

export function useSystemReason(): (reason: string) => string | null {
  const { language } = useI18n();
  return useCallback(
    (reason: string) => {
      const requested = /^(.+)を申請$/.exec(reason);
      const decided = /^(.+)が(.+)されました$/.exec(reason);
      const copied = /^(\S+) からコピー$/.exec(reason);
      const salesMonth = /^(\d{4}-\d{2})の売上実績処理を(開始|完了)$/.exec(reason) ?? /^(\d{4}-\d{2})の売上実績処理が(完了)$/.exec(reason);
      const kind = (text: string | undefined) => (text ? kinds.get(text) : undefined);
      if (reason === '新規登録') return language === 'ja' ? reason : 'Registered';
      if (requested && kind(requested[1])) return language === 'ja' ? reason : `${approvalKindLabels.en[kind(requested[1])!]} requested`;
      if (decided && kind(decided[1]) && outcomes.get(decided[2]!)) {
        return language === 'ja' ? reason : `${approvalKindLabels.en[kind(decided[1])!]}: ${approvalOutcomeLabels.en[outcomes.get(decided[2]!)!].toLowerCase()}`;
      }
      if (copied) return language === 'ja' ? reason : `Copied from ${copied[1]}`;
      if (salesMonth) return language === 'ja' ? reason : `Sales actuals for ${salesMonth[1]} ${salesMonth[2] === '開始' ? 'started' : 'finished'}`;
      return null;
    },
    [language],
  );
}
