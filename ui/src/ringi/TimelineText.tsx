import type { ReactNode } from 'react';
import type { RingiTimelineEntry } from '@sss/contracts/ringi/views';
import { RINGI_KIND_LABELS, RINGI_STATUS_LABELS } from '@sss/contracts/ringi/events';
import { PROJECT_STATUS_LABELS } from '@sss/contracts/project/status';
import { MONTHLY_SALES_STATUS_LABELS } from '@sss/contracts/sales/status';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ringiDecisionLabels, ringiKindLabels, ringiStatusLabels } from '../i18n/ringi.ts';
import { projectStatusLabels } from '../i18n/codes.ts';
import { monthlySalesStatusLabels } from '../i18n/sales.ts';

/**
 * A 稟議 timeline line. The read model writes each line in Japanese (read-side
 * `ringi/projection.ts`, `ringi/timeline.ts`); on an English screen the line is recognised by its
 * kind and template and told in English, with what people or CollaboFlow wrote (comments, names,
 * step titles, error text) kept as written and marked as data. A line no template matches is
 * shown as the read model wrote it.
 */
const Data = ({ children }: { children: ReactNode }) => <span data-user-data>{children}</span>;
const codeOf = (labels: Readonly<Record<string, string>>, label: string | undefined) => Object.entries(labels).find(([, text]) => text === label)?.[0];
const STEPS: Record<string, string> = { 下書き保存: 'Saving the draft', 申請: 'Filing', 状況確認: 'Checking the status', 結果の反映: 'Applying the outcome' };
const DECISIONS: Record<string, string> = { 承認: 'accept', 却下: 'reject', 差し戻し: 'remand', スキップ: 'skip', 確認: 'accept', 否決: 'reject' };

function english(entry: RingiTimelineEntry): ReactNode | null {
  const text = entry.text;
  let m: RegExpExecArray | null;
  switch (entry.kind) {
    case 'requested': {
      m = /^(.+?)を申請(?:「([\s\S]*)」)?$/.exec(text);
      const kind = codeOf(RINGI_KIND_LABELS, m?.[1]);
      if (!m || !kind) return null;
      return <>{ringiKindLabels.en[kind as keyof typeof ringiKindLabels.en]} requested{m[2] && <> “<Data>{m[2]}</Data>”</>}</>;
    }
    case 'draft':
      m = /^コラボフローに下書きを保存（文書ID (.+)）$/.exec(text);
      return m && <>Draft saved in CollaboFlow (document ID {m[1]})</>;
    case 'filed':
      m = /^コラボフローで申請（(.+)）$/.exec(text);
      return m && <>Filed in CollaboFlow ({m[1]})</>;
    case 'webhook':
      m = /^コラボフローから通知（(.+)）: 文書を読み直して確認します$/.exec(text);
      return m && <>Notified by CollaboFlow ({m[1]}): re-reading the document to confirm</>;
    case 'retry':
      if (text === '再試行を指示しました') return <>Retry requested</>;
      m = /^(.+?)に失敗（(\d+) 回目）: ([\s\S]*?)( — 自動で再試行します)?$/.exec(text);
      return m && <>{STEPS[m[1]!] ?? <Data>{m[1]}</Data>} failed (attempt {m[2]}): <Data>{m[3]}</Data>{m[4] && ' — retrying automatically'}</>;
    case 'reminder':
      m = /^催促: (.+) の判断待ちが続いています$/.exec(text);
      // the read model names the approvers, or writes 承認者 when CollaboFlow named nobody
      return m && (m[1] === '承認者' ? <>Reminder: still waiting for the approvers</> : <>Reminder: still waiting for <Data>{m[1]}</Data></>);
    case 'stuck':
      m = /^滞留: ([\s\S]*)$/.exec(text);
      return m && <>Stuck: <Data>{m[1]}</Data></>;
    case 'outcome': {
      m = /^結果: (.+?)(?:（(.+)）)? — 案件・売上に反映しました$/.exec(text);
      const status = codeOf(RINGI_STATUS_LABELS, m?.[1]);
      if (!m || !status) return null;
      return <>Outcome: {ringiStatusLabels.en[status as keyof typeof ringiStatusLabels.en]}{m[2] && <> (<Data>{m[2]}</Data>)</>} — applied to the project and sales</>;
    }
    case 'decision': {
      m = /^([\s\S]+?): ([\s\S]+?) が(承認|却下|差し戻し|スキップ|確認|否決)(?:「([\s\S]*)」)?$/.exec(text);
      if (!m) return null;
      return <><Data>{m[1]}</Data>: <Data>{m[2]}</Data> — {ringiDecisionLabels.en[DECISIONS[m[3]!]!]}{m[4] && <> “<Data>{m[4]}</Data>”</>}</>;
    }
    case 'business': {
      // what the outcome did to the project or the month (read-side ringi/projection.ts, businessEffect)
      m = /^案件ステータスが「(.+)」になりました$/.exec(text);
      const projectStatus = codeOf(PROJECT_STATUS_LABELS, m?.[1]);
      if (projectStatus) return <>The project's status is now “{projectStatusLabels.en[projectStatus as keyof typeof projectStatusLabels.en]}”</>;
      m = /^月次売上が「(.+)」(になりました|に戻りました)$/.exec(text);
      const monthStatus = codeOf(MONTHLY_SALES_STATUS_LABELS, m?.[1]);
      if (!m || !monthStatus) return null;
      return <>The month's sales {m[2] === 'になりました' ? 'are now' : 'went back to'} “{monthlySalesStatusLabels.en[monthStatus as keyof typeof monthlySalesStatusLabels.en]}”</>;
    }
    default:
      return null;
  }
}

export function TimelineText({ entry }: { entry: RingiTimelineEntry }) {
  const { language } = useI18n();
  return <>{(language === 'en' && english(entry)) || entry.text}</>;
}
