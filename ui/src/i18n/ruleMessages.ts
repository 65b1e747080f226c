import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS } from '@sss/contracts/project/fields';
import { PROJECT_STATUS_LABELS } from '@sss/contracts/project/status';
import { MONTHLY_SALES_STATUS_LABELS } from '@sss/contracts/sales/status';
import { approvalKindLabels, approvalOutcomeLabels, projectStatusLabels } from './codes.ts';
import { monthlySalesStatusLabels } from './sales.ts';

/**
 * The business rules the deciders refuse with (write-side `*decider.ts`, `status-flow.ts`, `guards.ts`,
 * `resources.ts`, `approval-coverage.ts`, `closed-month-guard.ts`), in English. The key is the
 * message's Japanese template as the source writes it, each `${…}` as `{0}`, `{1}`…: that template is
 * the rule's stable code. The server keeps speaking Japanese (docs/i18n.md §Where the words come
 * from): refusals are also stored (idempotency replays them) and read by other callers, so the UI
 * recognises a message by its template rather than the server negotiating a language.
 * `ui/test/rule-messages.test.ts` reads every such template from the deciders and fails on one
 * missing here. Values inside a message are shown in English where they are the UI's words
 * (statuses, kinds, yen, months) and as written otherwise (dates, numbers, invoice numbers).
 */
export const RULE_MESSAGES_EN: Readonly<Record<string, string>> = {
  // 会社
  'この会社は{0}に廃止済みのため変更できません。': 'This company was abolished on {0} and can no longer be changed.',
  'この会社は既に登録されています。': 'This company is already registered.',
  '会社コードは登録後に変更できません。': 'A company code cannot be changed after registration.',
  '反社チェック日は実在する日付で入力してください。': 'Enter a real date for the anti-social forces check.',
  '反社チェック日に未来の日付は入力できません。': 'The anti-social forces check cannot be dated in the future.',
  '与信限度額は顧客会社にだけ設定できます。': 'A credit limit can only be set for a customer.',
  '与信審査日は実在する日付で入力してください。': 'Enter a real date for the credit review.',
  '与信審査日に未来の日付は入力できません。': 'The credit review cannot be dated in the future.',
  'この会社は{0}に廃止済みです。': 'This company was already abolished on {0}.',
  '廃止日は実在する日付で入力してください。': 'Enter a real date for the abolition.',
  // (a partner's retirement is worded the same way)
  '廃止日は登録日（{0}）以降にしてください。': 'The abolition date must be on or after the registration date ({0}).',
  // 月次締め
  '{0}（既に締めています）。': '{0} (already closed).',
  '締め解除の理由を入力してください。': 'Enter the reason for reopening the month.',
  '{0}は締められていません。': '{0} is not closed.',
  '{0}。締めを解除するまで、この月の売上実績・請求書・入金は変更できません。': '{0}. Until it is reopened, the sales actuals, invoices and payments of this month cannot be changed.',
  // 入金消込
  '入金が見つかりません。': 'The deposit was not found.',
  'この入金は既に別の得意先に消込済みです。残額は同じ得意先にだけ消込できます。': 'This deposit is already matched to another customer; the rest can only be matched to the same customer.',
  '消込額の合計（{0}）が入金の未消込残高（{1}）を超えています。': 'The matched total ({0}) exceeds the unapplied balance of the deposit ({1}).',
  '消込額を入力してください。': 'Enter an amount to match.',
  '同じ請求書が二度指定されています。': 'The same invoice is given twice.',
  '返金日は実在する日付で入力してください。': 'Enter a real date for the refund.',
  '返金日に未来の日付は入力できません。': 'A refund cannot be dated in the future.',
  '返金額が未消込残高（{0}）を超えています。': 'The refund exceeds the unapplied balance ({0}).',
  // 保留イベント
  'この保留イベントはありません。既に再試行またはスキップされています。': 'This parked event is no longer there: it has already been retried or skipped.',
  // 組織
  '下書きにその変更はありません。': 'The draft has no such change.',
  '適用日は実在する日付で入力してください。': 'Enter a real effective date.',
  '下書きに変更がありません。先に組織の変更を追加してください。': 'The draft has no changes. Add an organization change first.',
  '適用日は前回の組織改編（{0}）以降にしてください。': 'The effective date must be on or after the last reorganization ({0}).',
  // パートナー
  'このパートナー要員は{0}に廃止済みのため変更できません。': 'This partner was retired on {0} and can no longer be changed.',
  'このパートナー要員は既に登録されています。': 'This partner is already registered.',
  'このパートナー要員は{0}に廃止済みです。': 'This partner was already retired on {0}.',
  // 案件・見積・受注
  'この案件は既に登録されています。': 'This project is already registered.',
  'コピー元の案件が見つかりません。': 'The project to copy from was not found.',
  '案件名を入力してください。': 'Enter the project name.',
  'この見積は既に作成されています。': 'This estimate already exists.',
  '見積は案件ごとに1つです（見積IDは案件IDと同じにしてください）。': 'A project has one estimate (its estimate ID is the project ID).',
  '案件番号が正しくありません。': 'The project number is not valid.',
  '見積が見つかりません。': 'The estimate was not found.',
  '第{0}版が見つかりません。': 'Version {0} was not found.',
  '第{0}版は発行済みのため編集できません。改訂して新しい版を作成してください。': 'Version {0} has been issued and cannot be edited. Revise it to make a new version.',
  '見積の版は99版までです。新しい見積を作成してください。': 'An estimate has at most 99 versions. Create a new estimate.',
  '第{0}版は既に発行済みです。': 'Version {0} has already been issued.',
  '第{0}版は見積稟議で承認されていないため発行できません。見積稟議を申請し、承認後に発行してください。': 'Version {0} cannot be issued: the estimate ringi has not approved it. Request the estimate ringi and issue it once approved.',
  '第{0}版はまだ下書きです。改訂せずにそのまま編集してください。': 'Version {0} is still a draft. Edit it as it is instead of revising it.',
  '改訂理由を入力してください。': 'Enter the reason for the revision.',
  '案件が見つかりません。': 'The project was not found.',
  'ステータスが「{0}」の案件は編集できません。': 'A project with the status “{0}” cannot be edited.',
  'ステータスを「{0}」から「{1}」に変更することはできません。': 'The status cannot change from “{0}” to “{1}”.',
  '「{0}」の受注は{1}できません。': 'An order that is “{0}” cannot be {1}.',
  'この受注は既に登録されています。': 'This order is already registered.',
  '受注が見つかりません。': 'The order was not found.',
  '受注稟議番号がありません。': 'The order ringi number is missing.',
  '取消理由を入力してください。': 'Enter the reason for the cancellation.',
  'リソース（No.{0}）はこの案件にありません。': 'Resource No.{0} is not in this project.',
  'リソース種別は変更できません。削除して追加し直してください。': 'A resource’s kind cannot be changed. Remove it and add it again.',
  '理由を入力してください。': 'Enter a reason.',
  'この稟議は既に「{0}」で終わっています。新しい稟議として申請してください。': 'This ringi has already ended as “{0}”. Request a new ringi.',
  '月毎明細にリソースがないため{0}を申請できません。': 'The {0} cannot be requested: the monthly breakdown has no resources.',
  'この稟議は既に「{0}」で終わっています。': 'This ringi has already ended as “{0}”.',
  'この案件で申請中の稟議ではありません。': 'This is not a ringi in progress for this project.',
  '受注稟議の承認には稟議番号が必要です。': 'Approving the order ringi needs the ringi number.',
  '稟議が見つかりません。': 'The ringi was not found.',
  'この稟議は結果が反映済みのため、再試行できません。': 'This ringi’s outcome has been applied; it cannot be retried.',
  // 月次売上・請求・入金
  'この月の承認には請求金額の記録がありません。{0}': 'The approval of this month records no invoice amounts. {0}',
  'この月は「{0}」のため{1}できません。': 'This month is “{0}”, so it cannot {1}.',
  '訂正の売上実績・請求確認は申請中です。稟議の結果を待ってから申請してください。': 'The corrected sales check is in progress. Wait for the ringi’s outcome before requesting again.',
  '入金済みの額（{0}）を下回る請求書には訂正できません。': 'The invoice cannot be corrected below the amount already paid ({0}).',
  '請求金額が発行済みの請求書と変わらないため、稟議は不要です。そのまま訂正請求書を発行してください。': 'The amounts do not differ from the issued invoice, so no ringi is needed. Issue the corrected invoice directly.',
  'この請求金額は承認済みです。訂正請求書を発行してください。': 'These amounts are already approved. Issue the corrected invoice.',
  'この月の請求書（{0}）は発行済みです。内容を直すときは訂正請求書を発行してください。': 'This month’s invoice ({0}) has been issued. To change it, issue a corrected invoice.',
  '入金日は実在する日付で入力してください。': 'Enter a real date for the payment.',
  '入金日に未来の日付は入力できません。': 'A payment cannot be dated in the future.',
  '入金額が未入金残高（{0}）を超えています。': 'The payment exceeds the outstanding balance ({0}).',
  '消込額と差額の合計（{0}）が請求書 {1} の未入金残高（{2}）を超えています。': 'The matched amount plus the difference ({0}) exceeds the outstanding balance of invoice {1} ({2}).',
  '売上実績が未入力のため、売上連絡票を発行できません。先に売上実績を入力してください。': 'The sales actual has not been entered, so the sales report cannot be issued. Enter the sales actual first.',
  // ユーザー
  '原価単価は0以上の整数（円）で入力してください。': 'Enter the unit cost as a whole number of yen, 0 or more.',
  'ユーザーが見つかりません。': 'The user was not found.',
  'このユーザーは既に登録されています。': 'This user is already registered.',
  'ロールを1つ以上選んでください。': 'Choose at least one role.',
  '自分自身のシステム管理者ロールは外せません。他の管理者に依頼してください。': 'You cannot remove your own administrator role. Ask another administrator.',
  '自分自身は無効化できません。他の管理者に依頼してください。': 'You cannot deactivate yourself. Ask another administrator.',
};

/** Words the deciders put inside a message: an order's status (write-side order-decider), the action refused, a sentence appended whole. */
const PARTS_EN: Readonly<Record<string, string>> = {
  受注登録済: 'registered', 受注確定: 'confirmed', 取消: 'cancelled',
  取り消し: 'cancelled', 確定: 'confirmed', 編集: 'edited',
  入金を消込: 'match a deposit', 入金を記録: 'record a payment', 売上実績を変更: 'change its sales actuals', '売上実績・請求確認を申請': 'request the sales check',
  稟議の結果を反映: 'apply the ringi’s outcome', '訂正の売上実績・請求確認を申請': 'request the corrected sales check', 請求書を発行: 'issue the invoice', 請求書を訂正: 'correct the invoice',
  '売上実績・請求確認を再申請し、承認を受けてから発行してください。': 'Request the sales check again and issue once it is approved.',
};

const invert = (ja: Readonly<Record<string, string>>, en: Readonly<Record<string, string>>) => Object.entries(ja).map(([code, label]) => [label, en[code]!] as const);
const LABELS_EN = new Map<string, string>([
  ...invert(PROJECT_STATUS_LABELS, projectStatusLabels.en),
  ...invert(MONTHLY_SALES_STATUS_LABELS, monthlySalesStatusLabels.en),
  ...invert(APPROVAL_KIND_LABELS, approvalKindLabels.en),
  ...invert(APPROVAL_OUTCOME_LABELS, approvalOutcomeLabels.en),
  ...Object.entries(PARTS_EN),
]);

/** A value inside a message in English: a known label, yen (1,000円 → ¥1,000), a month (2026年3月 → 2026-03), else as written. */
function valueEn(value: string): string {
  const label = LABELS_EN.get(value);
  if (label) return label;
  const yen = /^(-?[\d,]+)円$/.exec(value);
  if (yen) return `¥${yen[1]}`;
  const month = /^(\d{4})年(\d{1,2})月(.*)$/.exec(value);
  if (month) return `${month[1]}-${month[2]!.padStart(2, '0')}${month[3] === 'は締め済みです' ? ' is closed' : month[3]}`;
  return value;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS: readonly (readonly [RegExp, string])[] = Object.entries(RULE_MESSAGES_EN).map(([template, en]) => [
  new RegExp(`^${template.split(/\{\d\}/).map(escape).join('([\\s\\S]+?)')}$`),
  en,
]);

/** The English of a business-rule message a decider wrote, or null for one no template made. */
export function englishRuleMessage(message: string): string | null {
  for (const [pattern, en] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return en.replace(/\{(\d)\}/g, (_, i: string) => valueEn(match[Number(i) + 1] ?? ''));
  }
  return null;
}
