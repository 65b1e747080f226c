import { DomainError } from '@sss/contracts/http/problem';
import type { ProjectNumberEvent } from '@sss/contracts/project/events';
import { yearInJapan as yearOfInstantInJapan } from '@sss/contracts/domain/dates';
import type { Decider, Decision } from '../kernel/decider.ts';

/**
 * 案件番号 = year + 4-digit serial (20250042), never reused. One counter stream per year,
 * `projectnumber-<year>`, whose events are the allocations themselves: the command handler
 * appends with the stream's expected revision, so two concurrent registrations cannot both get
 * serial 42 — the loser sees a conflict, reloads, and gets 43. A number handed to a project whose
 * registration then fails stays spent (a gap), which is what "never reused" asks for.
 *
 * Allocation is idempotent per project id: a retry after an ambiguous failure returns the number
 * already given instead of spending another.
 */

export const MAX_SERIAL = 9999;

export interface ProjectNumberState {
  readonly year: number | null;
  readonly lastSerial: number;
  readonly byProject: Readonly<Record<string, string>>;
}

export interface AllocateProjectNumber {
  readonly type: 'AllocateProjectNumber';
  readonly year: number;
  readonly projectId: string;
}

export const initialProjectNumberState: ProjectNumberState = { year: null, lastSerial: 0, byProject: {} };

export function projectNumberOf(year: number, serial: number): string {
  return `${year}${String(serial).padStart(4, '0')}`;
}

/** The calendar year in Japan of an instant: a project registered at 2025-12-31T20:00Z is a 2026 project. */
export function yearInJapan(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return yearOfInstantInJapan(new Date(ms));
}

function decide(command: AllocateProjectNumber, state: ProjectNumberState): Decision<ProjectNumberEvent> {
  const { year, projectId } = command;
  if (!Number.isInteger(year) || year < 2000 || year > 9999) return DomainError.field('validation_failed', 'year', '年は2000〜9999で指定してください。');
  if (state.year !== null && state.year !== year) return new DomainError('internal', `案件番号の採番先が違います（${state.year}年のストリームに${year}年を指定）。`);
  if (Object.hasOwn(state.byProject, projectId)) return [];
  if (state.lastSerial >= MAX_SERIAL) return new DomainError('rule_violated', `${year}年の案件番号（${MAX_SERIAL}件）を使い切りました。管理者に連絡してください。`);
  const serial = state.lastSerial + 1;
  return [{ type: 'ProjectNumberAllocated', data: { year, serial, projectNumber: projectNumberOf(year, serial), projectId } }];
}

function evolve(state: ProjectNumberState, event: ProjectNumberEvent): ProjectNumberState {
  const { year, serial, projectNumber, projectId } = event.data;
  return { year, lastSerial: Math.max(state.lastSerial, serial), byProject: { ...state.byProject, [projectId]: projectNumber } };
}

export const projectNumberDecider: Decider<AllocateProjectNumber, ProjectNumberEvent, ProjectNumberState> = {
  decide,
  evolve,
  initialState: initialProjectNumberState,
};

/** The number a project holds in this year's stream, if any (for the handler after an idempotent retry). */
export function allocatedNumber(state: ProjectNumberState, projectId: string): string | null {
  return state.byProject[projectId] ?? null;
}
