import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import { EFFORT_PATTERN, MONTH_PATTERN } from '@sss/contracts/project/fields';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import { monthOf } from '@sss/contracts/domain/months';

/**
 * Checks the decider repeats even though the edge validates the body with the contracts schema:
 * commands also come from process managers and copies, and the rules that need the project's
 * state (its period) can only be checked here. Each returns field errors; callers add them up so a
 * person sees every mistake at once.
 */

const EFFORT = new RegExp(EFFORT_PATTERN);
const MONTH = new RegExp(MONTH_PATTERN);

export function dateErrors(fields: Readonly<Record<string, string | null | undefined>>, label: Readonly<Record<string, string>>): FieldError[] {
  return Object.entries(fields).flatMap(([field, value]) =>
    value === null || value === undefined || isCalendarDate(value) ? [] : [{ field, message: `${label[field] ?? field}が正しい日付ではありません。` }],
  );
}

/** `end` must not be before `start`; the error names the later field, the one a person corrects. */
export function orderErrors(startField: string, start: string | null | undefined, endField: string, end: string | null | undefined, message: string): FieldError[] {
  if (!start || !end || !isCalendarDate(start) || !isCalendarDate(end)) return [];
  return end < start ? [{ field: endField, message }] : [];
}

export function yenErrors(field: string, label: string, value: number): FieldError[] {
  if (!Number.isSafeInteger(value)) return [{ field, message: `${label}は円単位の整数で入力してください。` }];
  if (value < 0) return [{ field, message: `${label}は0以上で入力してください。` }];
  return [];
}

/**
 * An effort map: months well formed, efforts non-negative decimals with at most two places, and
 * every month inside the project period (`periodStart`..`periodEnd` as YYYY-MM-DD).
 */
export function effortMapErrors(field: string, efforts: Readonly<Record<string, string>>, periodStart: string, periodEnd: string): FieldError[] {
  const first = monthOf(periodStart);
  const last = monthOf(periodEnd);
  return Object.entries(efforts).flatMap(([month, effort]): FieldError[] => {
    const at = `${field}.${month}`;
    if (!MONTH.test(month)) return [{ field: at, message: `月「${month}」はYYYY-MM形式で入力してください。` }];
    if (typeof effort !== 'string' || !EFFORT.test(effort)) {
      return [{ field: at, message: `${month}の工数は0以上999.99以下、小数2桁までの数値で入力してください。` }];
    }
    if (month < first || month > last) return [{ field: at, message: `${month}は案件期間（${first}〜${last}）の外です。` }];
    return [];
  });
}

export function failIfAny(errors: readonly FieldError[], summary = '入力内容に誤りがあります。'): DomainError | null {
  return errors.length === 0 ? null : new DomainError('validation_failed', errors.length === 1 ? errors[0]!.message : summary, errors);
}
