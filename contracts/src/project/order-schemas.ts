import { Type, type Static } from 'typebox';
import { DateString, MultilineText, Text, Yen } from '../common.ts';
import { Id } from './fields.ts';

/** 受注 (Order): the customer's 注文書 as we record it, confirmed by the approved 受注稟議. */

export const OrderTerms = Type.Object(
  {
    customerPoNumber: Text('注文No', 200, 1),
    orderDate: DateString('受注日'),
    orderAmount: Yen('受注金額'),
    labourAmount: Yen('うち人件費'),
    periodStart: DateString('契約期間（開始）'),
    periodEnd: DateString('契約期間（終了）'),
    notes: Type.Optional(MultilineText('備考', 500)),
  },
  { additionalProperties: false },
);
export type OrderTerms = Static<typeof OrderTerms>;

/** 受注登録: when the 注文書 arrives, before (or while) the 受注稟議 runs. */
export const RegisterOrder = Type.Object({ projectId: Id('案件'), terms: OrderTerms }, { additionalProperties: false });
export type RegisterOrder = Static<typeof RegisterOrder>;

export const EditOrder = OrderTerms;
export type EditOrder = OrderTerms;

export const CancelOrder = Type.Object({ reason: MultilineText('取消理由', 500, 1) }, { additionalProperties: false });
export type CancelOrder = Static<typeof CancelOrder>;

/**
 * 受注確定: sent by the 稟議 process manager when the 受注稟議 is approved (not typed by a person).
 * The handler adds the project's 月毎明細 rows as they stand, from which the sales plan is derived.
 */
export const ConfirmOrder = Type.Object(
  {
    ringiId: Id('稟議ID'),
    ringiNumber: Text('受注稟議番号', 50, 1),
    approvedAt: Type.String({ title: '承認日時', maxLength: 35, description: 'ISO-8601' }),
  },
  { additionalProperties: false },
);
export type ConfirmOrder = Static<typeof ConfirmOrder>;
