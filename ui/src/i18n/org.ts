import { ACCOUNTING_CATEGORY_LABELS, ORG_LEVEL_LABELS, type AccountingCategory, type OrgLevel } from '@sss/contracts/organization/schemas';
import { defineDictionary } from './labels.ts';

/** Labels of the organization and user-administration screens, Japanese first (kept beside the screens). */
const ja = {
  title: '組織',
  asOf: '基準日',
  activeOnly: '有効な組織のみ',
  empty: 'この日付時点の組織はありません。',
  addRoot: '最上位に組織を追加',
  addChild: '配下に追加',
  rename: '名称等変更',
  move: '移動',
  dissolve: '解散',
  draft: '組織改編の下書き',
  draftEmpty: '下書きに変更はありません。組織ツリーの操作ボタンから変更を追加してください。',
  withdraw: '取り消す',
  discard: '下書きを破棄',
  confirm: '適用日を指定して確定',
  effectiveDate: '適用日',
  note: '改編メモ',
  confirmHelp: '下書きの変更をすべて、適用日から有効にします。',
  stagedBy: '追加者',
  code: '組織コード',
  name: '正式名称',
  kana: '読み（カナ）',
  level: '組織階層区分',
  accounting: '会計区分',
  sortOrder: 'ソート順序',
  parent: '親組織',
  topLevel: '（最上位）',
  established: '設立日',
  dissolved: '解散日',
  stage: '下書きに追加',
  reorganizations: '組織改編の履歴',
  lastReorganization: '前回の組織改編',
  dissolvedBadge: '解散',
  'change.create': '作成',
  'change.rename': '名称等変更',
  'change.move': '移動',
  'change.dissolve': '解散',
} as const;

const en: Record<keyof typeof ja, string> = {
  title: 'Organization',
  asOf: 'As of',
  activeOnly: 'Active units only',
  empty: 'No units existed on this date.',
  addRoot: 'Add a top-level unit',
  addChild: 'Add below',
  rename: 'Rename / edit',
  move: 'Move',
  dissolve: 'Dissolve',
  draft: 'Reorganization draft',
  draftEmpty: 'The draft is empty. Use the buttons in the tree to add changes.',
  withdraw: 'Withdraw',
  discard: 'Discard draft',
  confirm: 'Confirm at an effective date',
  effectiveDate: 'Effective date',
  note: 'Note',
  confirmHelp: 'Every change in the draft takes effect from the effective date.',
  stagedBy: 'Staged by',
  code: 'Code',
  name: 'Official name',
  kana: 'Reading (kana)',
  level: 'Level',
  accounting: 'Accounting category',
  sortOrder: 'Sort order',
  parent: 'Parent unit',
  topLevel: '(top level)',
  established: 'Established',
  dissolved: 'Dissolved',
  stage: 'Add to draft',
  reorganizations: 'Reorganizations',
  lastReorganization: 'Last reorganization',
  dissolvedBadge: 'Dissolved',
  'change.create': 'Create',
  'change.rename': 'Rename',
  'change.move': 'Move',
  'change.dissolve': 'Dissolve',
};

const LEVELS_EN: Record<OrgLevel, string> = { headquarters: 'Headquarters', division: 'Division', department: 'Department', group: 'Group' };
const ACCOUNTING_EN: Record<AccountingCategory, string> = { cost_of_sales: 'Cost of sales', sga: 'SG&A' };

export const orgLabels = defineDictionary(ja, en);
/** Japanese from the contract, where the values are defined. */
export const orgLevelLabels = defineDictionary(ORG_LEVEL_LABELS, LEVELS_EN);
export const accountingCategoryLabels = defineDictionary(ACCOUNTING_CATEGORY_LABELS, ACCOUNTING_EN);
