import { HEADERS } from '@sss/contracts/http/auth';
import type { CommandAccepted } from '@sss/contracts/common';
import { ApiError, isProblem, syntheticProblem } from './problem.ts';
import { advancePosition, minPosition } from './position.ts';
import { AS_OF_PARAM, currentAsOf } from './asOf.ts';

/**
 * The one place the UI talks HTTP: same-origin cookie session, JSON in and out, problem details
 * turned into ApiError, and the read-your-writes position carried from commands to queries.
 */

type UnauthenticatedHandler = () => void;
let onUnauthenticated: UnauthenticatedHandler = () => {};

/** The app decides what "go to login" means (clear the session; the route guard redirects). */
export function setUnauthenticatedHandler(handler: UnauthenticatedHandler): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Login and "who am I" answer 401 as a normal outcome, not as an expired session. */
  expect401?: boolean;
}

/** While the screens show a past moment, every query asks for it (sign-in and session calls are always now). */
function withAsOf(method: string, path: string): string {
  const asOf = currentAsOf();
  if (method !== 'GET' || !asOf || path.startsWith('/api/auth/')) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${AS_OF_PARAM}=${encodeURIComponent(asOf)}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  // Bodiless commands say JSON too: the server refuses any other command as a possible cross-site form.
  if (options.body !== undefined || method !== 'GET') headers['content-type'] = 'application/json';
  if (method === 'GET') {
    const position = minPosition();
    if (position) headers[HEADERS.minPosition] = position;
  }

  let response: Response;
  try {
    response = await fetch(withAsOf(method, path), {
      method,
      credentials: 'same-origin',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, syntheticProblem(0, 'unavailable', 'サーバーに接続できません', 'ネットワークを確認して、もう一度お試しください。'));
  }

  if (response.status === 401 && !options.expect401) onUnauthenticated();
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * A file the server sends (an export or a document), read whole so that a refusal — e.g. an export past
 * its row bound — reaches the screen as an ApiError instead of being saved as a JSON file.
 */
export async function requestFile(path: string): Promise<{ blob: Blob; disposition: string | null }> {
  const position = minPosition();
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: position ? { [HEADERS.minPosition]: position } : {} });
  } catch {
    throw new ApiError(0, syntheticProblem(0, 'unavailable', 'サーバーに接続できません', 'ネットワークを確認して、もう一度お試しください。'));
  }
  if (response.status === 401) onUnauthenticated();
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  return { blob: await response.blob(), disposition: response.headers.get('content-disposition') };
}

async function readProblem(response: Response): Promise<ApiError['problem']> {
  const text = await response.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (isProblem(parsed)) return parsed;
  } catch {
    // not JSON: a proxy error page or similar; describe it by status below
  }
  const code = response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : response.status === 404 ? 'not_found' : response.status >= 500 ? 'unavailable' : 'internal';
  return syntheticProblem(response.status, code, `エラーが発生しました（HTTP ${response.status}）`, response.statusText || 'もう一度お試しください。');
}

export interface CommandOptions {
  idempotencyKey: string;
  /** The revision the person edited; the server refuses with 409 if someone saved in between. */
  ifMatch?: string;
}

/** Commands carry an Idempotency-Key and, for edits, If-Match; their answer advances our position. */
export async function command(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, options: CommandOptions): Promise<CommandAccepted> {
  // A screen showing a past moment is read-only: a form that slipped through still sends nothing.
  if (currentAsOf()) throw new ApiError(403, syntheticProblem(403, 'forbidden', '過去の時点の表示中は更新できません', '「現在の表示に戻る」を押してから操作してください。'));
  const headers: Record<string, string> = { [HEADERS.idempotencyKey]: options.idempotencyKey };
  if (options.ifMatch !== undefined) headers[HEADERS.ifMatch] = options.ifMatch;
  const accepted = await request<CommandAccepted>(method, path, { body, headers });
  advancePosition(accepted.position);
  return accepted;
}

export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
