import { createHash } from 'node:crypto';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { eventOf, isEventOf } from '@sss/contracts/events/registry';
import type { IdempotentOutcome } from '@sss/contracts/events/bookkeeping';
import { streams } from '@sss/contracts/streams/names';

/**
 * Idempotency-Key: the first answer to a key is recorded in the event store (stream
 * `idempotency-<hash of actor and key>`), and a replay of the same key gets that answer back
 * without running the command again. The key is reserved before the command runs, so two
 * concurrent deliveries of one request can never both append. The same key with a different
 * request is refused. A reservation whose process died is taken over after a grace period.
 */

export interface RecordedAnswer {
  readonly status: number;
  readonly body: unknown;
}

type Outcome = IdempotentOutcome;

const RESERVED = 'IdempotencyKeyReserved';
const ANSWERED = 'IdempotentOutcomeRecorded';
const RELEASED = 'IdempotencyKeyReleased';
const STALE_RESERVATION_MS = 2 * 60_000;

export const idempotencyStream = (actor: string, key: string) => streams.idempotency(createHash('sha256').update(`${actor}\u0000${key}`).digest('hex').slice(0, 40));
const fingerprint = (request: unknown) => createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');

export async function withIdempotency(
  store: EventStore,
  params: { actor: string; key: string | undefined; request: unknown; correlationId: string },
  run: () => Promise<RecordedAnswer>,
): Promise<RecordedAnswer & { replayed: boolean }> {
  if (!params.key) return { ...(await run()), replayed: false };
  if (params.key.length > 200) throw DomainError.field('validation_failed', 'Idempotency-Key', 'Idempotency-Key は200文字以内にしてください。');
  const stream = idempotencyStream(params.actor, params.key);
  const print = fingerprint(params.request);
  const metadata = { actor: params.actor, correlationId: params.correlationId };

  let reservedAt: bigint | undefined;
  while (reservedAt === undefined) {
    const events = await store.readStream(stream);
    const last = events[events.length - 1];
    const reservation = events.findLast(eventOf([RESERVED]));
    if (reservation && reservation.data.fingerprint !== print) {
      throw new DomainError('idempotency_key_reused', 'この Idempotency-Key は別の内容のリクエストで使われています。新しいキーで送ってください。');
    }
    if (last && isEventOf(last, [ANSWERED])) {
      const outcome = last.data;
      if (outcome.kind === 'refusal') throw new DomainError(outcome.code, outcome.message, outcome.errors, outcome.extensions);
      return { status: outcome.status, body: outcome.body, replayed: true };
    }
    const stale = last?.type === RESERVED && Date.now() - Date.parse(last.metadata.occurredAt) > STALE_RESERVATION_MS;
    if (last?.type === RESERVED && !stale) throw new DomainError('idempotency_in_progress', '同じリクエストを処理中です。しばらく待ってから結果を確認してください。');
    try {
      const appended = await store.append(stream, [{ type: RESERVED, data: { fingerprint: print }, metadata }], last ? last.revision : 'no_stream');
      reservedAt = appended.nextExpectedRevision;
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      // Someone else moved the key meanwhile: look again.
    }
  }

  let outcome: Outcome;
  try {
    const answer = await run();
    outcome = { kind: 'answer', status: answer.status, body: answer.body };
  } catch (error) {
    // A refusal is an answer too (the same bad request gets the same refusal); a conflict or an
    // outage is not: the client must be able to retry those with the same key.
    if (error instanceof DomainError && error.code !== 'revision_conflict' && error.code !== 'unavailable') {
      await store.append(stream, [{ type: ANSWERED, data: { kind: 'refusal', code: error.code, message: error.message, errors: error.errors, extensions: error.extensions } satisfies Outcome, metadata }], reservedAt);
    } else {
      await store.append(stream, [{ type: RELEASED, data: {}, metadata }], reservedAt).catch(() => undefined);
    }
    throw error;
  }
  await store.append(stream, [{ type: ANSWERED, data: outcome, metadata }], reservedAt);
  return { status: outcome.status, body: outcome.body, replayed: false };
}
