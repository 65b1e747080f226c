import { createHash } from 'node:crypto';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { eventOf, isEventOf } from '@sss/contracts/events/registry';
import type { IdempotentOutcome } from '@sss/contracts/events/bookkeeping';
import { streams } from '@sss/contracts/streams/names';

/**
 * Idempotency-Key: the first answer to a key is recorded in the event store (stream
 * `idempotency-<hash of actor and key>`), and a replay of the same key gets that answer back
 * without running the command again. The key is reserved when the command is about to append its
 * first event (`CommandContext.beforeAppend`), so two concurrent deliveries of one request can never
 * both append, and a command refused before that point (validation, a domain rule, a conflict, any
 * thrown error) leaves no idempotency event at all: a replay of it simply runs again and is refused
 * again. The same key with a different request is refused. A reservation whose process died is taken
 * over after a grace period; one whose command failed after reserving is released.
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
  run: (beforeAppend: (() => Promise<void>) | undefined) => Promise<RecordedAnswer>,
): Promise<RecordedAnswer & { replayed: boolean }> {
  if (!params.key) return { ...(await run(undefined)), replayed: false };
  if (params.key.length > 200) throw DomainError.field('validation_failed', 'Idempotency-Key', 'Idempotency-Key は200文字以内にしてください。');
  const stream = idempotencyStream(params.actor, params.key);
  const print = fingerprint(params.request);
  const metadata = { actor: params.actor, correlationId: params.correlationId };

  /** The recorded answer to replay, or the revision a reservation must expect. */
  const look = async (): Promise<{ replay: RecordedAnswer } | { expected: bigint | 'no_stream' }> => {
    const events = await store.readStream(stream);
    const last = events[events.length - 1];
    const reservation = events.findLast(eventOf([RESERVED]));
    if (reservation && reservation.data.fingerprint !== print) {
      throw new DomainError('idempotency_key_reused', 'この Idempotency-Key は別の内容のリクエストで使われています。新しいキーで送ってください。');
    }
    if (last && isEventOf(last, [ANSWERED])) {
      const outcome = last.data;
      // Refusals were recorded before issue #11 item 9; they still replay as they were.
      if (outcome.kind === 'refusal') throw new DomainError(outcome.code, outcome.message, outcome.errors, outcome.extensions);
      return { replay: { status: outcome.status, body: outcome.body } };
    }
    const stale = last?.type === RESERVED && Date.now() - Date.parse(last.metadata.occurredAt) > STALE_RESERVATION_MS;
    if (last?.type === RESERVED && !stale) throw new DomainError('idempotency_in_progress', '同じリクエストを処理中です。しばらく待ってから結果を確認してください。');
    return { expected: last ? last.revision : 'no_stream' };
  };

  const first = await look();
  if ('replay' in first) return { ...first.replay, replayed: true };

  let reservedAt: bigint | undefined;
  const reserve = async () => {
    if (reservedAt !== undefined) return;
    let expected = first.expected;
    for (;;) {
      try {
        reservedAt = (await store.append(stream, [{ type: RESERVED, data: { fingerprint: print }, metadata }], expected)).nextExpectedRevision;
        return;
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
      }
      // Another delivery moved the key meanwhile: it answered (this one must not append: it is a
      // duplicate), is running (in progress), or released it (try again).
      const now = await look();
      if ('replay' in now) throw new DomainError('idempotency_in_progress', '同じリクエストは既に処理されました。結果を確認してください。');
      expected = now.expected;
    }
  };

  let answer: RecordedAnswer;
  try {
    answer = await run(reserve);
  } catch (error) {
    // Nothing was reserved unless the command got as far as appending: then release the key so the
    // client can retry with it (the compensation is the only event a failed command leaves).
    if (reservedAt !== undefined) await store.append(stream, [{ type: RELEASED, data: {}, metadata }], reservedAt).catch(() => undefined);
    throw error;
  }
  // A command that appended nothing (it changed nothing) needs no record: running it again is harmless.
  if (reservedAt !== undefined) {
    await store.append(stream, [{ type: ANSWERED, data: { kind: 'answer', status: answer.status, body: answer.body } satisfies Outcome, metadata }], reservedAt);
  }
  return { ...answer, replayed: false };
}
