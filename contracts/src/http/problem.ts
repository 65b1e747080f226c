/**
 * RFC 9457 problem details, and the error catalogue every side maps its failures to. A problem
 * names the field at fault and says, in Japanese, what the person can do about it.
 */

export interface FieldError {
  /** JSON pointer-ish dotted path of the offending field, e.g. `name` or `lines.2.unitPrice`. */
  readonly field: string;
  readonly message: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly errors?: readonly FieldError[];
  readonly instance?: string;
  /** Extra facts a client can act on, e.g. the current revision after a conflict. */
  readonly [extension: string]: unknown;
}

/** Stable codes → HTTP status and a Japanese title. Clients branch on `code`, never on text. */
export const ERROR_CATALOGUE = {
  validation_failed: { status: 400, title: '入力内容に誤りがあります' },
  unauthenticated: { status: 401, title: 'ログインが必要です' },
  invalid_credentials: { status: 401, title: 'メールアドレスまたはパスワードが違います' },
  forbidden: { status: 403, title: 'この操作を行う権限がありません' },
  not_found: { status: 404, title: '対象が見つかりません' },
  revision_conflict: { status: 409, title: '他の人が先に更新しました' },
  already_exists: { status: 409, title: '既に登録されています' },
  idempotency_in_progress: { status: 409, title: '同じリクエストを処理中です' },
  idempotency_key_reused: { status: 422, title: 'Idempotency-Key が別の内容で使われています' },
  rule_violated: { status: 422, title: '業務ルールに反しています' },
  illegal_transition: { status: 409, title: 'この状態ではその操作はできません' },
  payload_too_large: { status: 413, title: '送信内容が大きすぎます' },
  unsupported_media_type: { status: 415, title: '送信形式が違います' },
  precondition_required: { status: 428, title: '更新前のリビジョンが必要です' },
  too_many_attempts: { status: 429, title: '試行回数が多すぎます' },
  read_model_lagging: { status: 503, title: '画面の更新が追いついていません' },
  unavailable: { status: 503, title: '一時的に利用できません' },
  internal: { status: 500, title: 'システムエラーが発生しました' },
  // The stored log lost events (tampering or damage): no retry can succeed, so it is not a 409.
  integrity_broken: { status: 500, title: '記録の欠落・改ざんを検出しました' },
  // 月次締め (docs/finance.md §Month-end close): the month named in the detail and in `closedMonth`.
  month_closed: { status: 409, title: '締め済みの月です' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** An error as a value: thrown or returned by domain code, turned into a problem at the edge. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: readonly FieldError[] = [],
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  static field(code: ErrorCode, field: string, message: string): DomainError {
    return new DomainError(code, message, [{ field, message }]);
  }
}

export function problemOf(code: ErrorCode, detail: string, extras: { errors?: readonly FieldError[]; instance?: string; [k: string]: unknown } = {}): ProblemDetails {
  const { status, title } = ERROR_CATALOGUE[code];
  // The catalogue has the last word: no extension (a domain fact named `status`, say) can change what the problem is.
  return { ...extras, type: `https://sss.example.jp/problems/${code.replaceAll('_', '-')}`, title, status, detail, code };
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
