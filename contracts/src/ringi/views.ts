import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../common.ts';
import { RINGI_KINDS, RINGI_STATUSES } from './events.ts';

/** What the 稟議 screens show: the list (mine / waiting / by status) and one 稟議's timeline. */

export const RingiKindSchema = Type.Enum(RINGI_KINDS, { title: '稟議種別' });
export const RingiStatusSchema = Type.Enum(RINGI_STATUSES, { title: '状態' });

export const RingiApproverView = Type.Object({
  phase: Type.Integer(),
  phaseTitle: Type.String(),
  approverName: Type.String(),
  status: Type.String({ description: 'waiting | scheduled | accept | reject | remand | skip | …' }),
  comment: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});

export const RingiTimelineEntry = Type.Object({
  at: Type.String(),
  kind: Type.Enum(['requested', 'draft', 'filed', 'webhook', 'decision', 'poll', 'retry', 'reminder', 'stuck', 'outcome', 'business'] as const),
  /** Japanese, as a person reads it. */
  text: Type.String(),
});
export type RingiTimelineEntry = Static<typeof RingiTimelineEntry>;

export const RingiSummaryView = Type.Object({
  id: Type.String(),
  kind: RingiKindSchema,
  status: RingiStatusSchema,
  title: Type.String(),
  projectId: Type.String(),
  projectNumber: Type.String(),
  projectName: Type.String(),
  month: Type.Union([Type.String(), Type.Null()]),
  requestedBy: Type.String(),
  applicant: Type.String({ description: 'CollaboFlow login filing as the applicant' }),
  requestedAt: Type.String(),
  documentId: Type.Union([Type.Integer(), Type.Null()]),
  documentNumber: Type.String(),
  link: Type.String({ description: 'The document in CollaboFlow' }),
  waitingFor: Type.Array(Type.String()),
  stuck: Type.Union([Type.String(), Type.Null()], { description: '滞留の理由 (null = 順調)' }),
  /** What the 稟議 did to its project or month, once applied (e.g. 案件ステータス「承認」). */
  effect: Type.Union([Type.String(), Type.Null()]),
  failures: Type.Integer(),
  updatedAt: Type.String(),
});
export type RingiSummaryView = Static<typeof RingiSummaryView>;

export const RingiDetailView = Type.Object({ ...RingiSummaryView.properties, approvers: Type.Array(RingiApproverView), timeline: Type.Array(RingiTimelineEntry) });
export type RingiDetailView = Static<typeof RingiDetailView>;

export const RingiListQuery = Type.Object(
  {
    /** mine = requested by me; waiting = in CollaboFlow awaiting a decision. */
    view: Type.Optional(Type.Enum(['all', 'mine', 'waiting'] as const, { title: '表示' })),
    status: Type.Optional(RingiStatusSchema),
    kind: Type.Optional(RingiKindSchema),
    projectId: Type.Optional(Type.String({ maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type RingiListQuery = Static<typeof RingiListQuery>;

export const RingiPage = Page(RingiSummaryView);
