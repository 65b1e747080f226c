import { Type, type Static } from 'typebox';
import { DateString, MultilineText, Text } from '../common.ts';

/**
 * 組織 (organization, docs/domain.md §Organization): a tree of org units whose changes are staged in a draft
 * (作成 / 名称変更 / 移動 / 解散) and applied together at an effective date (組織改編).
 */

/** 組織階層区分, from the top: a child must sit lower than its parent. */
export const ORG_LEVELS = ['headquarters', 'division', 'department', 'group'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const ORG_LEVEL_LABELS: Readonly<Record<OrgLevel, string>> = { headquarters: '本部', division: '事業部', department: '部', group: 'グループ' };
export const orgLevelRank = (level: OrgLevel) => ORG_LEVELS.indexOf(level);

/** 会計区分: whether a unit's costs are cost of sales (原価) or SG&A (販管費) — inferred, see docs/domain.md §Organization. */
export const ACCOUNTING_CATEGORIES = ['cost_of_sales', 'sga'] as const;
export type AccountingCategory = (typeof ACCOUNTING_CATEGORIES)[number];
export const ACCOUNTING_CATEGORY_LABELS: Readonly<Record<AccountingCategory, string>> = { cost_of_sales: '原価部門', sga: '販管費部門' };

const KANA = '^[\\u30A0-\\u30FF\\u3000 ・ー０-９0-9A-Za-zＡ-Ｚａ-ｚ&＆()（）.．,，\\-－]+$';
const UnitId = (title: string) => Type.String({ title, minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });

const Code = Type.String({ title: '組織コード', minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$', description: '半角英数字・-・_' });
const Name = Text('正式名称', 100, 1);
const Kana = Type.String({ title: '読み（カナ）', minLength: 1, maxLength: 100, pattern: KANA, description: '全角カタカナ' });
// Spelled out (not mapped from the arrays) so the static types stay literal unions.
const Level = Type.Union([Type.Literal('headquarters'), Type.Literal('division'), Type.Literal('department'), Type.Literal('group')], { title: '組織階層区分' });
const Accounting = Type.Union([Type.Literal('cost_of_sales'), Type.Literal('sga')], { title: '会計区分' });
const SortOrder = Type.Integer({ title: 'ソート順序', minimum: 0, maximum: 99_999 });
const ParentId = Type.Union([UnitId('親組織'), Type.Null()], { title: '親組織' });

/** One staged change. `unitId` of a create is chosen by the server. */
export const CreateOrgUnit = Type.Object(
  { kind: Type.Literal('create'), code: Code, name: Name, kana: Kana, level: Level, accountingCategory: Accounting, sortOrder: SortOrder, parentId: ParentId },
  { additionalProperties: false },
);
export const RenameOrgUnit = Type.Object(
  { kind: Type.Literal('rename'), unitId: UnitId('組織'), name: Name, kana: Kana, accountingCategory: Type.Optional(Accounting), sortOrder: Type.Optional(SortOrder) },
  { additionalProperties: false },
);
export const MoveOrgUnit = Type.Object({ kind: Type.Literal('move'), unitId: UnitId('組織'), parentId: ParentId }, { additionalProperties: false });
export const DissolveOrgUnit = Type.Object({ kind: Type.Literal('dissolve'), unitId: UnitId('組織') }, { additionalProperties: false });

export const StageOrgChange = Type.Union([CreateOrgUnit, RenameOrgUnit, MoveOrgUnit, DissolveOrgUnit], { title: '組織変更' });
export type StageOrgChange = Static<typeof StageOrgChange>;

/** A change as recorded: a create knows the id it was given. */
export type OrgChange =
  | (Static<typeof CreateOrgUnit> & { unitId: string })
  | Static<typeof RenameOrgUnit>
  | Static<typeof MoveOrgUnit>
  | Static<typeof DissolveOrgUnit>;

export const ConfirmOrgChanges = Type.Object(
  { effectiveDate: DateString('適用日'), note: Type.Optional(MultilineText('改編メモ', 500)) },
  { additionalProperties: false },
);
export type ConfirmOrgChanges = Static<typeof ConfirmOrgChanges>;

export const ChangeIdParams = Type.Object({ changeId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

/** As-of queries: "which unit was this then?" */
export const AsOfQuery = Type.Object(
  {
    asOf: Type.Optional(DateString('基準日')),
    activeOnly: Type.Optional(Type.Boolean({ title: '有効な組織のみ', default: true })),
  },
  { additionalProperties: false },
);
export type AsOfQuery = Static<typeof AsOfQuery>;
/** The tree as of a date, narrowed by a typed query (name, kana, code or path; kana and width fold alike). */
export const OrgTreeQuery = Type.Object({ ...AsOfQuery.properties, q: Type.Optional(Type.String({ title: '検索語', maxLength: 100 })) }, { additionalProperties: false });

export const OrgUnitView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kana: Type.String(),
  level: Level,
  accountingCategory: Accounting,
  sortOrder: Type.Integer(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  establishedOn: Type.String(),
  dissolvedOn: Type.Union([Type.String(), Type.Null()]),
  /** Active on the asked date (established on or before it and not yet dissolved). */
  active: Type.Boolean(),
  /** Names from the top down to this unit, as of the asked date. */
  path: Type.Array(Type.String()),
  /** The unit's attributes take the shown values from this date on (last change before asOf). */
  versionFrom: Type.String(),
});
export type OrgUnitView = Static<typeof OrgUnitView>;

export const OrgTree = Type.Object({ asOf: Type.String(), revision: Type.String(), units: Type.Array(OrgUnitView) });
export type OrgTree = Static<typeof OrgTree>;

export const OrgDraftChangeView = Type.Object({
  changeId: Type.String(),
  change: Type.Unknown(),
  stagedBy: Type.String(),
  stagedByName: Type.String(),
  stagedAt: Type.String(),
});
export const OrgDraftView = Type.Object({
  revision: Type.String(),
  lastEffectiveDate: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Array(OrgDraftChangeView),
});
export type OrgDraftView = Static<typeof OrgDraftView>;

export const ReorganizationView = Type.Object({ reorganizationId: Type.String(), effectiveDate: Type.String(), note: Type.String(), changeCount: Type.Integer(), confirmedBy: Type.String(), confirmedAt: Type.String() });
export const ReorganizationList = Type.Object({ items: Type.Array(ReorganizationView) });
