import type { ErrorCode, FieldError, ProblemDetails } from '@sss/contracts/http/problem';

/**
 * A refused request as a value the screens can branch on. Screens look at `code` (stable), show
 * `title`/`detail` (Japanese, written by the server) and put `errors[]` beside the fields.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(problem.detail || problem.title);
  }

  get code(): ErrorCode {
    return this.problem.code;
  }

  get fieldErrors(): readonly FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** Used when the server answered something that is not a problem document (proxy page, crash). */
export function syntheticProblem(status: number, code: ErrorCode, title: string, detail: string): ProblemDetails {
  return { type: 'about:blank', title, status, detail, code };
}

export function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { status?: unknown }).status === 'number';
}

export const isApiError = (error: unknown, code?: ErrorCode): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.problem.code === code);
