import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemOf } from '@sss/contracts/http/problem';
import type { SessionClaims } from '@sss/contracts/http/auth';
import { SubscribersView } from '@sss/contracts/ops/subscriber-views';
import { sendProblem, sessionFromCookie } from '@sss/http-kit/server-kit';
import type { ReadModels } from '@sss/read-side/projector/runtime';
import type { RunningSubscriberRegistry } from '../subscribers/registry.ts';
import { notReady, type NotReady } from '../subscribers/readiness.ts';
import type { Metrics } from '../observability/prometheus.ts';

/**
 * What operators and load balancers ask of a running SSS: `/readyz` (does this instance answer with
 * current data?), `/metrics` (Prometheus) and the subscriber console's API.
 */
export interface OpsRoutesOptions {
  readonly readModels?: ReadModels | undefined;
  readonly subscribers?: RunningSubscriberRegistry | undefined;
  readonly metrics?: Metrics | undefined;
  /** METRICS_TOKEN: a scraper's bearer token; unset, only an admin session may scrape. */
  readonly metricsToken?: string | undefined;
  /** READY_MAX_LAG_SECONDS. */
  readonly readyMaxLagSeconds: number;
  readonly sessionStillValid?: ((claims: SessionClaims) => Promise<boolean>) | undefined;
}

export async function opsRoutes(app: FastifyInstance, options: OpsRoutesOptions): Promise<void> {
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const projections = options.readModels ? await options.readModels.status() : [];
    const statuses = options.subscribers ? await options.subscribers.status() : [];
    const shown = projections.map((p) => ({ ...p, lag: (BigInt(p.head) - BigInt(p.position)).toString() }));
    // Right after start every projection first catches up to the head it found; only then is it judged by its lag.
    const starting: NotReady[] = projections.filter((p) => !p.caughtUp).map((p) => ({ name: p.name, kind: 'projector', state: 'catching_up', reason: '起動後の追いつき中です' }));
    const blocked = [...starting, ...notReady(statuses, options.readyMaxLagSeconds).filter((b) => !starting.some((s) => s.name === b.name))];
    if (blocked.length === 0) return reply.send({ status: 'ready', projections: shown, subscribers: statuses });
    const detail = `準備ができていません: ${blocked.map((b) => `${b.name}（${b.reason}）`).join('、')}`;
    return sendProblem(reply, problemOf('unavailable', detail.slice(0, 2000), { notReady: blocked, projections: shown }));
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!options.metrics) return sendProblem(reply, problemOf('not_found', 'メトリクスは無効です。'));
    const refused = await metricsRefusal(request, options);
    if (refused) return sendProblem(reply, refused);
    const { contentType, body } = await options.metrics.render();
    return reply.type(contentType).send(body);
  });

  app.get('/api/admin/subscribers', { schema: { tags: ['運用'], summary: 'サブスクライバー（プロジェクター・フォワーダー・コンシューマー・ポリシー・プロセスマネージャー）の状態', response: { 200: SubscribersView } } }, async () => ({
    subscribers: options.subscribers ? await options.subscribers.status() : [],
  }));
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** A bearer token compared in constant time (over digests, so the length leaks nothing either), or an admin session. */
async function metricsRefusal(request: FastifyRequest, options: OpsRoutesOptions) {
  const authorization = request.headers.authorization;
  if (options.metricsToken && authorization?.startsWith('Bearer ')) {
    if (timingSafeEqual(digest(authorization.slice('Bearer '.length)), digest(options.metricsToken))) return null;
    return problemOf('unauthenticated', 'メトリクスのトークンが違います。');
  }
  const session = sessionFromCookie(request);
  if (!session || (options.sessionStillValid && !(await options.sessionStillValid(session)))) return problemOf('unauthenticated', 'ログインするか、メトリクスのトークンを送ってください。');
  if (!session.roles.includes('admin')) return problemOf('forbidden', 'メトリクスは管理者だけが見られます。');
  return null;
}
