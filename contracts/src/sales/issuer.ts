/**
 * The issuer printed on every 請求書 (docs/billing.md §Issuer): name and registration number (what
 * a qualified invoice must state), and the address, phone and 振込先 a customer needs to pay. Frozen
 * into each issued invoice, so a later change of the settings never rewrites one already sent. An
 * invoice issued before these existed (InvoiceIssued version 1) reads with them null: 未設定.
 */

export const ACCOUNT_TYPES = ['普通', '当座'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export interface BankAccount {
  readonly bank: string;
  readonly branch: string;
  readonly type: AccountType;
  /** 7 digits (全銀). */
  readonly number: string;
  /** 口座名義 in half-width kana as the bank holds it (全銀 characters). */
  readonly holderKana: string;
}

export interface InvoiceIssuer {
  readonly name: string;
  readonly registrationNumber: string;
  readonly address: string | null;
  readonly phone: string | null;
  readonly bankAccount: BankAccount | null;
}

/** 口座番号: exactly 7 digits, as 全銀 transfers carry it. */
export const isAccountNumber = (value: string): boolean => /^\d{7}$/.test(value);

/**
 * 口座名義カナ in the 全銀 character set: half-width katakana without small letters or ｰ (banks
 * hold ｧ as ｱ and a long vowel as -), half-width upper-case letters and digits, space and ( ) . - / , ｢ ｣ ¥; at most 30.
 */
export const isZenginKana = (value: string): boolean => /^[\uFF66\uFF71-\uFF9F A-Z0-9().,\-/\uFF62\uFF63\\]{1,30}$/.test(value) && value.trim() !== '';
