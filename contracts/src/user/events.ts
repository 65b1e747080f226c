import type { Role } from '../http/auth.ts';

/** Domain events of a User stream (`user-<id>`). Password hashes never leave the write side's reads. */
export type UserEvent =
  | { type: 'UserRegistered'; data: { userId: string; email: string; name: string; roles: Role[]; orgUnitId: string | null; passwordHash: string } }
  /** `byAdmin`: an administrator's reset rather than the user's own change (absent on early events). */
  | { type: 'UserPasswordChanged'; data: { userId: string; passwordHash: string; byAdmin?: boolean } }
  | { type: 'UserRolesChanged'; data: { userId: string; roles: Role[] } }
  | { type: 'UserOrgUnitChanged'; data: { userId: string; orgUnitId: string | null } }
  /** The user's login in the workflow tenant (CollaboFlow), as whom their 稟議 are filed; null = not set. */
  | { type: 'UserWorkflowLoginChanged'; data: { userId: string; workflowLogin: string | null } }
  /**
   * 社員マスタ: 社員番号, クラスランク (等級) and the monthly standard cost (原価単価, yen per 人月) a project row
   * starts from when this person is assigned. Users registered before it have no profile (absent = not set).
   */
  | { type: 'EmployeeProfileSet'; data: { userId: string; employeeNo: string; classRank: string; monthlyCost: number } }
  | { type: 'UserDeactivated'; data: { userId: string } }
  | { type: 'UserReactivated'; data: { userId: string } };

/** Events after which sessions issued earlier stop working (the cookie's claims are out of date). */
export const SESSION_ENDING_EVENTS: ReadonlySet<UserEvent['type']> = new Set(['UserPasswordChanged', 'UserRolesChanged', 'UserDeactivated']);

/**
 * Stream `signin-<userId>`: the user's sessions, one event per sign-in and per ending, for the audit
 * trail, 最終ログイン and the session check (docs/architecture.md §Sessions). Its own stream, so
 * signing in or out never moves the revision an administrator edits the user against.
 * `sessionId` is the cookie's `sid` (absent on sign-ins recorded before sessions had ids).
 */
export type UserSignedIn = { type: 'UserSignedIn'; data: { userId: string; via: 'password' | 'oidc'; address: string; sessionId?: string } };
/**
 * A session ended for good. `logout`: the session `sessionId` only. `everywhere`: every session of
 * the user issued before this event (the one that asked included), as after a password change.
 * Idle sessions simply stop working (the cookie's `seen` time is too old): nothing is appended for them.
 */
export type SessionEnded = { type: 'SessionEnded'; data: { userId: string; sessionId: string; reason: 'logout' | 'everywhere' } };
export type SignInEvent = UserSignedIn | SessionEnded;
