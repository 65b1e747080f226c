import { Type, type Static } from 'typebox';
import { DateString, Text, Yen } from '../common.ts';
import { MonthParam } from '../sales/schemas.ts';

/** Commands of 入金消込 (docs/finance.md). */

/** Up to ~1 MB of file; the JSON body limit is 2 MiB. */
export const MAX_BANK_FILE_BASE64 = 1_400_000;

const ColumnIndex = (title: string) => Type.Integer({ title, minimum: 0, maximum: 63 });

/** Which column holds what in an internet-banking CSV (0-based). Dates are 西暦 (2026/4/15, 2026-04-15, 20260415). */
export const CsvMapping = Type.Object(
  {
    date: ColumnIndex('日付の列'),
    amount: ColumnIndex('入金額の列'),
    payer: ColumnIndex('振込依頼人の列'),
    inquiryNumber: Type.Optional(ColumnIndex('照会番号の列')),
    /** Rows before the data (column labels). */
    headerRows: Type.Optional(Type.Integer({ title: '見出し行数', minimum: 0, maximum: 10 })),
  },
  { additionalProperties: false },
);
export type CsvMapping = Static<typeof CsvMapping>;

export const ImportBankFile = Type.Object(
  {
    fileName: Text('ファイル名', 200, 1),
    format: Type.Union([Type.Literal('zengin'), Type.Literal('csv')], { title: '形式', description: 'zengin（全銀協 01/03）または csv' }),
    /** The file's bytes, base64: the encoding (Shift_JIS, UTF-8) is the file's own, detected on import. */
    content: Type.String({ title: 'ファイル内容（base64）', minLength: 1, maxLength: MAX_BANK_FILE_BASE64, pattern: '^[A-Za-z0-9+/=\\r\\n]+$' }),
    csvMapping: Type.Optional(CsvMapping),
  },
  { additionalProperties: false },
);
export type ImportBankFile = Static<typeof ImportBankFile>;

export const BankFileImported = Type.Object({
  records: Type.Integer({ description: 'Deposits found in the file' }),
  imported: Type.Integer({ description: 'Newly recorded' }),
  alreadyImported: Type.Integer({ description: 'Seen before (same 照会番号 and content): nothing appended' }),
  depositIds: Type.Array(Type.String()),
  position: Type.String(),
});
export type BankFileImported = Static<typeof BankFileImported>;

export const DepositParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-f0-9]+$' }) });

export const AllocationInput = Type.Object(
  {
    projectId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    month: MonthParam,
    amount: Yen('消込額'),
    difference: Type.Optional(Yen('差額（手数料・値引）')),
  },
  { additionalProperties: false },
);

export const ConfirmMatch = Type.Object(
  {
    customerId: Type.String({ title: '得意先', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    allocations: Type.Array(AllocationInput, { title: '消込先', minItems: 1, maxItems: 20 }),
    differenceAs: Type.Optional(Type.Union([Type.Literal('bank_fee'), Type.Literal('discount')], { title: '差額の扱い' })),
    reasons: Type.Optional(Type.Array(Text('理由', 200), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ConfirmMatch = Static<typeof ConfirmMatch>;

export const RefundDeposit = Type.Object(
  { amount: Type.Integer({ title: '返金額', minimum: 1, maximum: 999_999_999_999 }), refundedOn: DateString('返金日'), reason: Text('理由', 200, 1) },
  { additionalProperties: false },
);
export type RefundDeposit = Static<typeof RefundDeposit>;

/** The most a customer's payer may deduct as a 振込手数料 (docs/finance.md §Fee tolerance); bank fees are well below it. */
const MAX_FEE_TOLERANCE = 10_000;

export const SetFeeTolerance = Type.Object(
  { tolerance: Type.Integer({ title: '振込手数料の許容額', minimum: 0, maximum: MAX_FEE_TOLERANCE }) },
  { additionalProperties: false },
);
