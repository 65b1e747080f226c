import type { FieldError } from '@sss/contracts/http/problem';
import type { Decision } from '../kernel/decider.ts';
import type { ProjectEvent, RecordedBillingSchedule } from '@sss/contracts/project/events';
import type { BillingSchedule } from '@sss/contracts/project/schemas';
import type { ProjectCommand } from './commands.ts';
import type { ProjectState } from './state.ts';
import { mustBeEditable } from './guards.ts';
import { dateErrors, failIfAny, orderErrors, yenErrors } from './validation.ts';
import { same } from '../kernel/same.ts';

/** 請求予定 (billing schedule): terms and the planned delivery → acceptance → billing → payment lines. */

const LABELS = { deliveryDate: '納品予定日', acceptanceDate: '検収予定日', billingDate: '請求予定日', paymentDate: '入金予定日' };

function dayErrors(field: string, label: string, day: number | '月末'): FieldError[] {
  return day === '月末' || (Number.isInteger(day) && day >= 1 && day <= 28) ? [] : [{ field, message: `${label}は1〜28日または月末を指定してください。` }];
}

export function billingScheduleErrors(schedule: BillingSchedule): FieldError[] {
  const errors: FieldError[] = [...dayErrors('closingDay', '締め日', schedule.closingDay), ...dayErrors('paymentDay', '支払日', schedule.paymentDay)];
  if (!Number.isInteger(schedule.paymentSiteMonths) || schedule.paymentSiteMonths < 0 || schedule.paymentSiteMonths > 12) {
    errors.push({ field: 'paymentSiteMonths', message: '支払サイトは0〜12か月で指定してください。' });
  }
  schedule.lines.forEach((line, i) => {
    const at = (f: string) => `lines.${i}.${f}`;
    const dates = { [at('deliveryDate')]: line.deliveryDate, [at('acceptanceDate')]: line.acceptanceDate, [at('billingDate')]: line.billingDate, [at('paymentDate')]: line.paymentDate };
    const labels = Object.fromEntries(Object.entries(LABELS).map(([k, v]) => [at(k), `${i + 1}行目の${v}`]));
    errors.push(
      ...dateErrors(dates, labels),
      // The natural order of a billing line: 納品 → 検収 → 請求 → 入金.
      ...orderErrors(at('deliveryDate'), line.deliveryDate, at('acceptanceDate'), line.acceptanceDate, `${i + 1}行目の検収予定日は納品予定日以降にしてください。`),
      ...orderErrors(at('acceptanceDate'), line.acceptanceDate, at('billingDate'), line.billingDate, `${i + 1}行目の請求予定日は検収予定日以降にしてください。`),
      ...orderErrors(at('billingDate'), line.billingDate, at('paymentDate'), line.paymentDate, `${i + 1}行目の入金予定日は請求予定日以降にしてください。`),
      ...yenErrors(at('amount'), `${i + 1}行目の請求金額`, line.amount),
    );
  });
  return errors;
}

export function recordBillingSchedule(s: BillingSchedule): RecordedBillingSchedule {
  return {
    closingDay: s.closingDay,
    paymentSiteMonths: s.paymentSiteMonths,
    paymentDay: s.paymentDay,
    notes: s.notes ?? '',
    lines: s.lines.map((l) => ({
      description: l.description ?? '',
      deliveryDate: l.deliveryDate ?? null,
      acceptanceDate: l.acceptanceDate ?? null,
      billingDate: l.billingDate,
      paymentDate: l.paymentDate,
      amount: l.amount,
    })),
  };
}

export function setBillingSchedule(cmd: Extract<ProjectCommand, { type: 'SetBillingSchedule' }>, state: ProjectState): Decision<ProjectEvent> {
  const blocked = mustBeEditable(state);
  if (blocked) return blocked;
  const invalid = failIfAny(billingScheduleErrors(cmd.body));
  if (invalid) return invalid;
  const schedule = recordBillingSchedule(cmd.body);
  if (same(schedule, state.billingSchedule)) return [];
  return [{ type: 'BillingScheduleSet', data: { projectId: state.projectId, schedule } }];
}
