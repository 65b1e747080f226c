import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemOf } from '@sss/contracts/http/problem';
import type { SessionClaims } from '@sss/contracts/http/auth';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ParkedEventParams, SettleParkedBody, SubscribersView } from '@sss/contracts/ops/subscriber-views';
import { CommandAccepted } from '@sss/contracts/common';
import { RebuildsView, StartRebuildBody } from '@sss/contracts/ops/rebuild-views';
import { DomainError } from '@sss/contracts/http/problem';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '@sss/write-side/kernel/command-handler-for';
import { answerCommand } from '@sss/write-side/http/command-route';
import { parkedDecider } from '@sss/write-side/ops/parked-decider';
import { sendProblem, sessionFromCookie } from '@sss/http-kit/server-kit';
import type { ReadModels } from '@sss/read-side/projector/runtime';
import type { ParkingLots } from '@sss/write-side/ops/parking-lot';
import type { ParkedEvent, ParkedEventEvent } from '@sss/contracts/ops/parked-events';
import type { SubscriberKind } from '@sss/contracts/ports/subscribers';
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
  /** Where a retry or skip of a parked event is recorded (the process that runs the projectors). */
  readonly events?: EventStore | undefined;
  /** The write-side subscribers' parking lots (the process that runs the policies, forwarder, consumers and 稟議). */
  readonly parking?: ParkingLots | undefined;
}

/** A subscriber's dead-letter list as the console settles it: a projector's poison guard or a write-side parking lot. */
interface Settleable {
  parked(): Promise<readonly ParkedEvent[]>;
  apply(eventId: string): Promise<void>;
  settled(event: ParkedEventEvent): void;
}

/** What the write service runs (the console of the split stack asks it for these: gateway.conf). */
const WRITE_SIDE_KINDS: readonly SubscriberKind[] = ['forwarder', 'consumer', 'policy', 'process_manager'];

/** Every dead-letter list of this process, by subscriber. */
function settleables(options: OpsRoutesOptions): Map<string, Settleable> {
  const all = new Map<string, Settleable>(options.readModels?.poison ?? []);
  for (const lot of options.parking?.all() ?? []) all.set(lot.subscriber, lot);
  return all;
}

/** The message-less view of a parked entry (a consumer's stored message stays in the log). */
const viewOf = ({ message: _message, ...entry }: ParkedEvent) => entry;
/** Read from each list's stream on every ask: the same on every instance, whichever parked or settled an event. */
const parkedIn = async (lists: Iterable<Settleable>) => (await Promise.all([...lists].map((list) => list.parked()))).flat().map(viewOf);
const parkedCounts = async (options: OpsRoutesOptions) => new Map(await Promise.all([...settleables(options)].map(async ([name, list]) => [name, (await list.parked()).length] as const)));

export async function opsRoutes(app: FastifyInstance, options: OpsRoutesOptions): Promise<void> {
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const projections = options.readModels ? await options.readModels.status() : [];
    const statuses = options.subscribers ? await options.subscribers.status() : [];
    const shown = projections.map((p) => ({ ...p, lag: (BigInt(p.head) - BigInt(p.position)).toString() }));
    // Right after start every projection first catches up to the head it found; only then is it judged by its lag.
    const starting: NotReady[] = projections.filter((p) => !p.caughtUp).map((p) => ({ name: p.name, kind: 'projector', state: 'catching_up', reason: '起動後の追いつき中です' }));
    const blocked = [...starting, ...notReady(statuses, options.readyMaxLagSeconds).filter((b) => !starting.some((s) => s.name === b.name))];
    // Parked events do not make an instance unready (its subscribers went on past them), but they are counted here for whoever watches.
    const parked = [...(await parkedCounts(options)).values()].reduce((sum, n) => sum + n, 0);
    if (blocked.length === 0) return reply.send({ status: 'ready', projections: shown, subscribers: statuses, parked });
    const detail = `準備ができていません: ${blocked.map((b) => `${b.name}（${b.reason}）`).join('、')}`;
    return sendProblem(reply, problemOf('unavailable', detail.slice(0, 2000), { notReady: blocked, projections: shown, parked }));
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!options.metrics) return sendProblem(reply, problemOf('not_found', 'メトリクスは無効です。'));
    const refused = await metricsRefusal(request, options);
    if (refused) return sendProblem(reply, refused);
    const { contentType, body } = await options.metrics.render(await parkedCounts(options));
    return reply.type(contentType).send(body);
  });

  app.get('/api/admin/subscribers', { schema: { tags: ['運用'], summary: 'サブスクライバー（プロジェクター・フォワーダー・コンシューマー・ポリシー・プロセスマネージャー）の状態と保留イベント', response: { 200: SubscribersView } } }, async () => ({
    subscribers: options.subscribers ? await options.subscribers.status() : [],
    parked: await parkedIn(settleables(options).values()),
  }));

  // On the split stack GET /api/admin/subscribers reaches the read service, which knows only its
  // projectors: the console asks the write service for its own subscribers here (gateway.conf).
  const parking = options.parking;
  if (parking) {
    app.get('/api/admin/write-subscribers', { schema: { tags: ['運用'], summary: '書き込み側のサブスクライバー（フォワーダー・コンシューマー・ポリシー・プロセスマネージャー）の状態と保留イベント', response: { 200: SubscribersView } } }, async () => ({
      subscribers: (options.subscribers ? await options.subscribers.status() : []).filter((s) => WRITE_SIDE_KINDS.includes(s.kind)),
      parked: await parkedIn(parking.all()),
    }));
  }

  if (options.events && (options.readModels || options.parking)) parkedEventRoutes(app, () => settleables(options), options.events);
  if (options.readModels) rebuildRoutes(app, options.readModels);
}

/** Projection versions and blue/green rebuilds (docs/rebuilds.md), where the projectors run. */
function rebuildRoutes(fastify: FastifyInstance, readModels: ReadModels): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/admin/rebuilds', { schema: { tags: ['運用'], summary: 'プロジェクションのバージョンと再構築の進み具合', response: { 200: RebuildsView } } }, async () => ({ projections: await readModels.rebuilds.status() }));
  app.post('/api/admin/rebuilds', { schema: { tags: ['運用'], summary: 'プロジェクションを再構築する（今のデータで応答を続け、追いついたら切り替える）', body: StartRebuildBody, response: { 202: RebuildsView } } }, async (request, reply) => {
    const { projection } = request.body;
    const known = (await readModels.rebuilds.status()).map((p) => p.name);
    if (projection !== 'all' && !known.includes(projection)) {
      throw DomainError.field('not_found', 'projection', `プロジェクション ${projection} はありません。${known.join('、')} または all を指定してください。`);
    }
    const started = await readModels.rebuilds.start(projection);
    request.log.info({ rebuild: projection, started }, 'projection rebuild requested');
    return reply.code(202).send({ projections: await readModels.rebuilds.status() });
  });
}

/** Retry or skip a parked (poison) event, with a reason; recorded in `parked-<subscriber>` by whom and why. */
function parkedEventRoutes(fastify: FastifyInstance, lists: () => ReadonlyMap<string, Settleable>, events: EventStore): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const parked = commandHandlerFor({ store: events, decider: parkedDecider, stream: streams.parked, mustExist: true });
  const guardOf = (name: string) => {
    const guard = lists().get(name);
    if (!guard) throw new DomainError('not_found', `サブスクライバー ${name} はありません。`);
    return guard;
  };
  const schema = (summary: string) => ({ tags: ['運用'], summary, params: ParkedEventParams, body: SettleParkedBody, response: { 200: CommandAccepted } });

  app.post('/api/admin/subscribers/:name/parked/:eventId/retry', { schema: schema('保留イベントを再適用する') }, async (request, reply) => {
    const { name, eventId } = request.params;
    const guard = guardOf(name);
    if (!(await guard.parked()).some((p) => p.eventId === eventId)) throw new DomainError('not_found', 'この保留イベントはありません。既に再試行またはスキップされています。');
    try {
      await guard.apply(eventId);
    } catch (error) {
      // Still poison: nothing is recorded, the event stays parked, and the admin sees why.
      throw new DomainError('rule_violated', `再適用でも失敗しました: ${(error instanceof Error ? error.message : String(error)).slice(0, 300)}`);
    }
    return answerCommand(events, request, reply, eventId, async (context) => {
      const result = await parked.run(name, { type: 'RecordRetry', data: { subscriber: name, eventId, by: context.actor, reason: request.body.reason, at: new Date().toISOString() } }, context);
      for (const event of result.events) guard.settled(event);
      return result;
    });
  });

  app.post('/api/admin/subscribers/:name/parked/:eventId/skip', { schema: schema('保留イベントをスキップする') }, async (request, reply) => {
    const { name, eventId } = request.params;
    const guard = guardOf(name);
    return answerCommand(events, request, reply, eventId, async (context) => {
      const result = await parked.run(name, { type: 'Skip', data: { subscriber: name, eventId, by: context.actor, reason: request.body.reason, at: new Date().toISOString() } }, context);
      for (const event of result.events) guard.settled(event);
      return result;
    });
  });
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
