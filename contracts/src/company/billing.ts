import { Type, type Static } from 'typebox';
import { Text } from '../common.ts';

/**
 * 請求のための会社マスタ (docs/billing.md): where the 請求書 goes and when it is due. Each field is
 * null when 未設定 — a company registered before these fields existed reads so (its events are
 * upcast, docs/schema-evolution.md), and so does one whose form left the field blank. Nothing is
 * guessed: an invoice for a company without 締日/支払サイト gets no computed due date.
 */

/** 締日 / 支払日: a day 1–28 of the month, or `end` (末日). 29–31 are refused: they do not exist every month. */
const DayOfMonth = (title: string) =>
  Type.Union([Type.Integer({ title, minimum: 1, maximum: 28 }), Type.Literal('end', { title })], { title, description: '1〜28 または end（末日）' });
export type DayOfMonth = number | 'end';

/** 支払サイト: 翌月 (1) or 翌々月 (2) after the month of the 締日. */
export type PaymentMonths = 1 | 2;

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T, title: string) => Type.Union([schema, Type.Null()], { title });

/**
 * The billing part of the company form: blank strings and nulls both mean 未設定, so what the company
 * view answers (null for 未設定) can be sent back as it is.
 */
export const CompanyBillingFields = Type.Object(
  {
    postalCode: nullable(Type.String({ title: '郵便番号', maxLength: 8, pattern: '^$|^\\d{3}-\\d{4}$', description: '123-4567' }), '郵便番号'),
    address: nullable(Text('住所', 200), '住所'),
    phone: nullable(Type.String({ title: '電話番号（請求）', maxLength: 20, pattern: '^$|^0\\d{1,4}-\\d{1,4}-\\d{3,4}$', description: '03-1234-5678' }), '電話番号（請求）'),
    closingDay: nullable(DayOfMonth('締日'), '締日'),
    paymentMonths: nullable(Type.Union([Type.Literal(1, { title: '支払サイト（月）' }), Type.Literal(2, { title: '支払サイト（月）' })], { title: '支払サイト（月）', description: '1 = 翌月, 2 = 翌々月' }), '支払サイト（月）'),
    paymentDay: nullable(DayOfMonth('支払日'), '支払日'),
    recipientDepartment: nullable(Text('請求書送付先（部署）', 100), '請求書送付先（部署）'),
    recipientPerson: nullable(Text('請求書送付先（担当者）', 100), '請求書送付先（担当者）'),
  },
  { additionalProperties: false },
);
export type CompanyBillingFields = Static<typeof CompanyBillingFields>;

/** As recorded in company events (schema version 2) and shown in the company view: null = 未設定. */
export interface CompanyBilling {
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly closingDay: DayOfMonth | null;
  readonly paymentMonths: PaymentMonths | null;
  readonly paymentDay: DayOfMonth | null;
  readonly recipientDepartment: string | null;
  readonly recipientPerson: string | null;
}

export const CompanyBillingView = Type.Object({
  postalCode: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  closingDay: Type.Union([Type.Integer(), Type.Literal('end'), Type.Null()]),
  paymentMonths: Type.Union([Type.Literal(1), Type.Literal(2), Type.Null()]),
  paymentDay: Type.Union([Type.Integer(), Type.Literal('end'), Type.Null()]),
  recipientDepartment: Type.Union([Type.String(), Type.Null()]),
  recipientPerson: Type.Union([Type.String(), Type.Null()]),
});

/** Every field 未設定: what an event recorded before the billing fields reads as. */
export const UNSET_BILLING: CompanyBilling = Object.freeze({
  postalCode: null, address: null, phone: null, closingDay: null, paymentMonths: null, paymentDay: null, recipientDepartment: null, recipientPerson: null,
});
