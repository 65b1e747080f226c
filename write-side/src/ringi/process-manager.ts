import { concatMap, defer, retry, timer, type Subscription } from 'rxjs';
import { DomainError } from '@sss/contracts/http/problem';
import { WorkflowError, type WorkflowPort } from '@sss/contracts/ports/workflow';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { RingiEvent } from '@sss/contracts/ringi/events';
import { fold } from '../kernel/decider.ts';
import { handleCommand, loadStream } from '../kernel/command-handler.ts';
import { ringiDecider, ringiStream, type RingiCommand, type RingiState } from './ringi-decider.ts';
import { buildRingiRequest, ringiTrigger, type RingiRoutes } from './ringi-request.ts';
import { applyOutcome, lastDecision, outcomeOf } from './ringi-outcome.ts';
import { backoff, DEFAULT_RINGI_TIMERS, plusMs, type RingiTimers } from './ringi-timers.ts';

/**
 * The 稟議 process manager (workflow-as-stream): it follows the event store, opens a `ringi-<id>`
 * stream for each approval request on a project or month, and drives that 稟議 step by step —
 * draft, request, confirm, apply — recording every step before taking the next, so a crash at any
 * point resumes from the record. Filing is exactly-once because the draft carries the ringi id as
 * its correlation key and is looked up before any new draft is saved. Outcomes are only ever taken
 * from reading the document; webhooks just say "look now", polling covers lost webhooks.
 *
 * Triggers are taken after a durable checkpoint (`checkpoint-ringi-manager`); the set of open
 * 稟議 is rebuilt from the ringi streams on every start, so the checkpoint only saves re-deciding
 * old requests (which would change nothing anyway: opening a 稟議 twice is a no-op).
 */

export interface RingiProcessManagerOptions {
  readonly events: EventStore;
  readonly workflow: WorkflowPort;
  readonly routes: RingiRoutes;
  readonly loginOf?: (email: string) => string;
  readonly clock?: () => Date;
  readonly timers?: Partial<RingiTimers>;
  readonly log?: (message: string, error?: unknown) => void;
}

export interface RunningRingiProcessManager {
  /** Work on every open 稟議 that is due, now (tests; the timer does the same every tick). */
  runDue(): Promise<void>;
  stop(): Promise<void>;
}

export const RINGI_CHECKPOINT_STREAM = 'checkpoint-ringi-manager';
const ACTOR = 'system:ringi';

export const defaultLoginOf = (email: string): string => email.split('@')[0] ?? email;

async function readCheckpoint(events: EventStore): Promise<{ position: bigint; revision: bigint | null }> {
  const [last] = await events.readStream(RINGI_CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
  return last ? { position: BigInt((last.data as { position: string }).position), revision: last.revision } : { position: 0n, revision: null };
}

export async function startRingiProcessManager(options: RingiProcessManagerOptions): Promise<RunningRingiProcessManager> {
  const { events, workflow } = options;
  const clock = options.clock ?? (() => new Date());
  const timers: RingiTimers = { ...DEFAULT_RINGI_TIMERS, ...options.timers };
  const log = options.log ?? (() => {});
  const loginOf = options.loginOf ?? defaultLoginOf;
  const open = new Set<string>();
  const busy = new Map<string, Promise<void>>();
  let stopped = false;
  let checkpoint = await readCheckpoint(events);

  const record = (ringiId: string, command: RingiCommand) =>
    handleCommand(events, { streamName: ringiStream(ringiId), decider: ringiDecider, command, context: { actor: ACTOR, correlationId: ringiId } });

  const load = async (ringiId: string): Promise<RingiState> => fold(ringiDecider, (await loadStream<RingiEvent>(events, ringiStream(ringiId))).domain);

  async function openRingi(event: RecordedEvent): Promise<void> {
    const trigger = ringiTrigger(event);
    if (!trigger || event.position <= checkpoint.position) return;
    const data = await buildRingiRequest({ events, routes: options.routes, loginOf }, event, trigger.ringiId, trigger.kind, clock().toISOString());
    await handleCommand(events, {
      streamName: ringiStream(trigger.ringiId),
      decider: ringiDecider,
      command: { type: 'StartRingi', data },
      context: { actor: ACTOR, correlationId: event.metadata.correlationId, causationId: event.metadata.eventId },
    });
    const appended = await events.append(
      RINGI_CHECKPOINT_STREAM,
      [{ type: 'RingiCheckpointMoved', data: { position: event.position.toString() }, metadata: { actor: ACTOR, correlationId: 'ringi-manager' } }],
      checkpoint.revision === null ? 'no_stream' : checkpoint.revision,
    );
    checkpoint = { position: event.position, revision: appended.nextExpectedRevision };
  }

  function follow(event: RecordedEvent): void {
    if (!event.streamName.startsWith('ringi-')) return;
    const ringiId = event.streamName.slice('ringi-'.length);
    if (event.type === 'RingiRequested') open.add(ringiId);
    if (event.type === 'RingiOutcomeApplied') open.delete(ringiId);
    // A new 稟議 or a webhook: act now rather than at the next tick.
    if (event.type === 'RingiRequested' || event.type === 'RingiWebhookReceived' || event.type === 'RingiDraftFiled') schedule(ringiId);
  }

  /** One step at a time per 稟議: two steps racing could both decide to save a draft. */
  function schedule(ringiId: string): Promise<void> {
    const running = busy.get(ringiId);
    if (running || stopped) return running ?? Promise.resolve();
    const work = drive(ringiId)
      .catch((error) => log(`ringi ${ringiId}: could not record a step`, error))
      .finally(() => busy.delete(ringiId));
    busy.set(ringiId, work);
    return work;
  }

  async function drive(ringiId: string): Promise<void> {
    // Each pass does one step and records it; loop while there is more to do right away.
    for (let pass = 0; pass < 6 && !stopped; pass++) {
      const state = await load(ringiId);
      if (!state.exists || state.outcome !== null || state.halted) {
        open.delete(ringiId);
        return;
      }
      if (!(await step(ringiId, state))) return;
    }
  }

  /** Returns true when it made progress and another step may be due at once. */
  async function step(ringiId: string, s: RingiState): Promise<boolean> {
    const now = clock();
    const at = now.toISOString();
    if (s.nextAttemptAt !== null && at < s.nextAttemptAt) return false;
    let stage: 'draft' | 'submit' | 'confirm' | 'apply' = 'draft';
    try {
      if (s.documentId === null) {
        // A crash after the draft was saved but before it was recorded leaves it in CollaboFlow: find it.
        const existing = await workflow.findDraftByCorrelationKey(s.actAs, s.routeId, ringiId);
        const filed = existing
          ? await workflow.getSummary(s.actAs, existing.documentId)
          : await workflow.createDraft({ actAs: s.actAs, routeId: s.routeId, title: s.title, values: s.values, correlationKey: ringiId });
        await record(ringiId, { type: 'RecordDraft', data: { ringiId, documentId: filed.documentId, link: filed.link, at } });
        return true;
      }
      if (!s.submitted) {
        stage = 'submit';
        await workflow.request(s.actAs, s.documentId);
        const summary = await workflow.getSummary(s.actAs, s.documentId);
        await record(ringiId, { type: 'RecordSubmitted', data: { ringiId, documentId: s.documentId, documentNumber: summary.documentNumber, link: summary.link, at } });
        return true;
      }
      const pollDue = s.wakeRequested || s.nextPollAt === null || at >= s.nextPollAt || s.failures > 0;
      if (pollDue) {
        stage = 'confirm';
        const summary = await workflow.getSummary(s.actAs, s.documentId);
        const approvals = await workflow.getApprovals(s.actAs, s.documentId);
        await record(ringiId, { type: 'RecordConfirmed', data: { ringiId, status: summary.status, documentNumber: summary.documentNumber, approvals, at } });
        const outcome = outcomeOf(summary.status);
        if (outcome) {
          stage = 'apply';
          const decision = lastDecision(approvals);
          // 取り下げ is the applicant's act, not an approver's.
          const decidedBy = outcome === 'withdrawn' ? summary.applicantName : decision.by;
          const applied = { outcome, documentNumber: summary.documentNumber, decidedBy, comment: outcome === 'withdrawn' ? '' : decision.comment, decidedAt: summary.endedAt ?? decision.at ?? at };
          await applyOutcome(events, clock, await load(ringiId), applied);
          await record(ringiId, { type: 'RecordOutcome', data: { ringiId, ...applied, at } });
          return false;
        }
        const polls = (await load(ringiId)).polls + 1;
        await record(ringiId, { type: 'RecordPoll', data: { ringiId, polls, nextPollAt: plusMs(now, backoff(timers.pollBaseMs, timers.pollMaxMs, polls - 1)), at } });
      }
      if (!s.reminded && now.getTime() - Date.parse(s.requestedAt) >= timers.reminderAfterMs) {
        const waitingFor = s.approvals.filter((a) => a.current && a.status === 'waiting').map((a) => a.approverName);
        await record(ringiId, { type: 'RecordReminder', data: { ringiId, waitingFor, at } });
      }
      return false;
    } catch (error) {
      await recordFailure(ringiId, s, stage, error, now);
      return false;
    }
  }

  async function recordFailure(ringiId: string, s: RingiState, stage: 'draft' | 'submit' | 'confirm' | 'apply', error: unknown, now: Date): Promise<void> {
    // CollaboFlow says whether waiting helps; a refused business command (e.g. the project was
    // changed by hand meanwhile) needs a person; anything else (a bug, a lost race) is retried.
    const retryable = error instanceof WorkflowError ? error.retryable : !(error instanceof DomainError);
    const failures = s.failures + 1;
    const message = error instanceof Error ? error.message : String(error);
    const at = now.toISOString();
    log(`ringi ${ringiId}: ${stage} failed (${failures})`, error);
    await record(ringiId, {
      type: 'RecordFailure',
      data: { ringiId, step: stage, message: message.slice(0, 500), retryable, failures, nextAttemptAt: retryable ? plusMs(now, backoff(timers.retryBaseMs, timers.retryMaxMs, failures - 1)) : null, at },
    });
    if (!retryable || failures >= timers.stuckAfterFailures) {
      const reason = retryable ? `CollaboFlow に ${failures} 回続けて接続できません（再試行を続けています）` : `処理できません: ${message.slice(0, 200)}`;
      await record(ringiId, { type: 'MarkStuck', data: { ringiId, reason, at } });
    }
  }

  async function runDue(): Promise<void> {
    await Promise.all([...open].map((id) => schedule(id)));
  }

  const subscription: Subscription = defer(() => events.subscribeAll(0n))
    .pipe(
      concatMap(async (event) => {
        await openRingi(event);
        follow(event);
      }),
      retry({
        delay: (error, attempt) => {
          log(`ringi process manager: subscription failed (attempt ${attempt}); retrying`, error);
          return timer(Math.min(30_000, 500 * 2 ** attempt));
        },
      }),
    )
    .subscribe();
  const ticker = setInterval(() => void runDue(), timers.tickMs);
  ticker.unref();

  return {
    runDue,
    async stop() {
      stopped = true;
      clearInterval(ticker);
      subscription.unsubscribe();
      // Let a step in progress record itself, but never hang a shutdown on a call that does not answer.
      await Promise.race([Promise.allSettled([...busy.values()]), new Promise((r) => setTimeout(r, 2_000).unref())]);
    },
  };
}
