import { canonicalEffort } from '@sss/contracts/project/effort';
import { EFFORT_PATTERN } from '@sss/contracts/project/fields';
import { normalizeNumber } from '../../lib/numberInput.ts';

/**
 * What a person types into a grid cell, read the forgiving way (full-width digits from a Japanese
 * IME, thousands separators and ¥ pasted from Excel) and checked with the contract's own rules, so
 * the message beside the cell is the one the server would give.
 */

const effortPattern = new RegExp(EFFORT_PATTERN);

/** 「1,5」: a comma that is not a thousands separator is refused rather than read as 15. */
const COMMA_MESSAGE = '「,」は3桁区切りにだけ使えます（小数点は「.」で入力してください）';

export type CellCheck = { ok: true; value: string } | { ok: false; message: string };

/** 工数 (人月, or quantity for 諸経費). Empty means no effort that month. */
export function checkEffort(text: string): CellCheck {
  const value = normalizeNumber(text);
  if (value === '') return { ok: true, value: '' };
  if (value.startsWith('-')) return { ok: false, message: '工数にマイナスは入力できません' };
  if (value.includes(',')) return { ok: false, message: COMMA_MESSAGE };
  if (!/^\d*\.?\d*$/.test(value) || value === '.') return { ok: false, message: '工数は数値で入力してください（例: 0.5）' };
  const canonical = value.startsWith('.') ? `0${value}` : value.endsWith('.') ? value.slice(0, -1) : value;
  if (!effortPattern.test(canonical)) return { ok: false, message: '工数は0〜999.99（小数2桁まで）で入力してください' };
  // one spelling per value ("0.50" → "0.5"), as the server stores it
  return { ok: true, value: canonicalEffort(canonical) };
}

/** 原価・提示単価 (integer yen, tax excluded). */
export function checkYen(text: string, label: string): CellCheck {
  const value = normalizeNumber(text);
  if (value === '') return { ok: false, message: `${label}を入力してください` };
  if (value.startsWith('-')) return { ok: false, message: `${label}にマイナスは入力できません` };
  if (value.includes(',')) return { ok: false, message: COMMA_MESSAGE };
  if (!/^\d+$/.test(value)) return { ok: false, message: `${label}は円単位の整数で入力してください` };
  if (value.length > 9) return { ok: false, message: `${label}は999,999,999円以下で入力してください` };
  return { ok: true, value: String(Number(value)) };
}
