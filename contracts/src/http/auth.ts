/** Who may do what: roles, the session a signed cookie carries, and how headers are named. */

export const ROLES = ['sales', 'sales_admin', 'division_head', 'finance', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  sales: '営業',
  sales_admin: '営業管理',
  division_head: '事業部長',
  finance: '経理',
  auditor: '監査',
  admin: 'システム管理者',
};

export interface SessionClaims {
  /** User id (the `user-<id>` stream). */
  readonly sub: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  /** Expiry as epoch milliseconds. */
  readonly exp: number;
  /** Issued-at, epoch milliseconds: sessions older than a role/password change or deactivation stop working. */
  readonly iat?: number;
  /** How the person signed in. */
  readonly via?: 'password' | 'oidc';
  /** Session id (the `sessionId` of its UserSignedIn): logout ends this one session for good. */
  readonly sid: string;
  /** Last use, epoch milliseconds: a session idle for longer than SESSION_IDLE_MINUTES is refused. */
  readonly seen: number;
}

export const SESSION_COOKIE = 'sss_session';
export const SESSION_HOURS = 8;

/** Headers of the command/query protocol. */
export const HEADERS = {
  idempotencyKey: 'idempotency-key',
  ifMatch: 'if-match',
  /** Query side: answer only once the read model has reached this position. */
  minPosition: 'x-sss-min-position',
  /** Command side: the position of the last event the command appended. */
  position: 'x-sss-position',
  correlationId: 'x-correlation-id',
} as const;
