import type { FastifyRequest } from 'fastify';
import { HEADERS } from '@sss/contracts/http/auth';
import { DomainError } from '@sss/contracts/http/problem';
import type { ReadModels } from '../projector/runtime.ts';

/**
 * A query may carry the position its client last wrote (X-SSS-Min-Position); it is answered only
 * once the read model has reached it, so a person never sees their own save go back in time. The
 * wait is bounded: past it, a 503 the client can retry, rather than stale data served as fresh.
 */
export const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

export async function awaitPosition(readModels: ReadModels, request: FastifyRequest, projection: string, timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): Promise<void> {
  const header = request.headers[HEADERS.minPosition];
  if (header === undefined) return;
  if (typeof header !== 'string' || !/^\d{1,20}$/.test(header)) {
    throw DomainError.field('validation_failed', HEADERS.minPosition, `${HEADERS.minPosition} には更新時に返された position（数字）を指定してください。`);
  }
  if (!(await readModels.waitFor(projection, BigInt(header), timeoutMs))) {
    throw new DomainError('read_model_lagging', `画面用のデータがまだ最新の更新（position ${header}）に追いついていません。数秒後に再読み込みしてください。`, [], { retryAfterSeconds: 1 });
  }
}
