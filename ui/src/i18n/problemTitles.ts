import { ERROR_CATALOGUE, type ErrorCode } from '@sss/contracts/http/problem';
import type { Language } from './dictionary.ts';

/** The server writes problem titles in Japanese; English readers get the same meaning by code. */
const EN: Record<ErrorCode, string> = {
  validation_failed: 'Some entries need correcting',
  unauthenticated: 'Please sign in',
  invalid_credentials: 'Wrong email or password',
  forbidden: 'You may not do this',
  not_found: 'Not found',
  revision_conflict: 'Someone else saved first',
  already_exists: 'Already registered',
  idempotency_in_progress: 'The same request is still being processed',
  idempotency_key_reused: 'Idempotency-Key reused with different content',
  rule_violated: 'This breaks a business rule',
  illegal_transition: 'Not possible in the current state',
  payload_too_large: 'The request is too large',
  unsupported_media_type: 'The request must be sent as JSON',
  precondition_required: 'The revision you edited is required',
  too_many_attempts: 'Too many attempts; please wait a moment',
  read_model_lagging: 'The screen is catching up',
  unavailable: 'Temporarily unavailable',
  internal: 'A system error occurred',
  integrity_broken: 'Missing or tampered records detected',
  month_closed: 'The month is closed',
};

export function problemTitle(code: ErrorCode, serverTitle: string, language: Language): string {
  if (language === 'en') return EN[code] ?? serverTitle;
  return serverTitle || ERROR_CATALOGUE[code]?.title || '';
}
