import { randomUUID } from 'node:crypto';
import { pendingJudges, routeOf, type Notification } from './document-rules.ts';
import type { FaultState } from './faults.ts';
import type { SimDocument, Tenant } from './model.ts';
import { documentContents, userRef, type Links } from './views.ts';

/**
 * Route webhooks (docs/architecture.md §Route webhooks): the payload is built when the action happens (a snapshot, as the product
 * sends it) and delivered in order, one at a time, in the background so the API answer never waits
 * on a receiver. Faults can drop, duplicate or reorder notifications.
 */

export interface DeliveryRecord {
  readonly id: string;
  readonly url: string;
  readonly actionType: string;
  readonly flowStatus: string;
  readonly documentId: number;
  /** `sent` with the receiver's status, `failed` with the error, or `dropped` by a fault. */
  readonly outcome: 'sent' | 'failed' | 'dropped';
  readonly status?: number;
  readonly error?: string;
  readonly at: string;
}

interface Outgoing {
  readonly url: string;
  readonly payload: Record<string, unknown>;
}

export function webhookPayload(tenant: Tenant, doc: SimDocument, n: Notification, links: Links, now: Date): Record<string, unknown> {
  const route = routeOf(tenant, doc);
  const applicant = tenant.users.get(doc.requestUser);
  const group = tenant.groups.get(doc.requestGroupCode);
  return {
    id: `${now.getTime()}-${randomUUID()}`,
    flow_status: n.flowStatus,
    action_type: n.actionType,
    app_cd: doc.appCd,
    process_id: doc.processesId, // sic: `process_id` here, `processes_id` in REST
    form_id: route.form.id,
    form_version: route.form.version,
    document_id: doc.id,
    document_number: doc.number,
    document_title: doc.title,
    request_date: doc.requestDate,
    end_date: doc.endDate,
    request_user: applicant ? { ...userRef(applicant), email: applicant.email } : {},
    request_group: group ? { id: group.id, code: group.code, name: group.name } : {},
    contents: documentContents(tenant, doc, links).contents,
    determs: pendingJudges(route, doc).map((loginid) => {
      const u = tenant.users.get(loginid);
      return { phase_number: doc.currentPhase, determ_user: { ...userRef(u), email: u?.email ?? '' }, determ_status: 'undeterm' };
    }),
  };
}

export class WebhookDispatcher {
  readonly log: DeliveryRecord[] = [];
  private chain: Promise<void> = Promise.resolve();
  private held: Outgoing[] = [];

  constructor(
    private readonly faults: () => FaultState,
    private readonly timeoutMs = 5000,
  ) {}

  /** Queue one notification to every URL of the route. */
  enqueue(urls: readonly string[], payload: Record<string, unknown>): void {
    const w = this.faults().webhooks;
    for (const url of urls) {
      const item = { url, payload };
      if (w.drop > 0) {
        w.drop -= 1;
        this.record(item, { outcome: 'dropped' });
        continue;
      }
      if (w.reorder > 0) {
        w.reorder -= 1;
        this.held.push(item);
        if (w.reorder === 0) this.releaseHeld();
        continue;
      }
      const copies = w.duplicate > 0 ? 2 : 1;
      if (copies === 2) w.duplicate -= 1;
      for (let i = 0; i < copies; i++) this.send(item);
    }
  }

  /** Sends anything a reorder fault still holds (newest first). */
  releaseHeld(): void {
    const held = this.held.reverse();
    this.held = [];
    for (const item of held) this.send(item);
  }

  /** Resolves once every queued delivery has been attempted. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.chain;
      await seen;
    } while (seen !== this.chain);
  }

  private send(item: Outgoing): void {
    this.chain = this.chain.then(async () => {
      try {
        const res = await fetch(item.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(item.payload),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        this.record(item, { outcome: res.ok ? 'sent' : 'failed', status: res.status });
      } catch (err) {
        this.record(item, { outcome: 'failed', error: err instanceof Error ? err.message : String(err) });
      }
    });
  }

  private record(item: Outgoing, result: Pick<DeliveryRecord, 'outcome' | 'status' | 'error'>): void {
    const p = item.payload;
    this.log.push({
      id: String(p.id),
      url: item.url,
      actionType: String(p.action_type),
      flowStatus: String(p.flow_status),
      documentId: Number(p.document_id),
      ...result,
      at: new Date().toISOString(),
    });
  }
}
