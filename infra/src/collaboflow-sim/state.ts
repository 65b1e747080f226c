import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';
import { actOnDocument, createDocument, type ActBody, type CreateBody, type Notification } from './document-rules.ts';
import { SimError } from './errors.ts';
import { noFaults, type FaultState } from './faults.ts';
import type { SimDocument, SimUser, Tenant } from './model.ts';
import { seedTenant } from './seed.ts';
import type { TenantShape } from './tenant-shape.ts';
import { linksFor } from './views.ts';
import { WebhookDispatcher, webhookPayload } from './webhooks.ts';

/**
 * Everything the simulator holds: tenants (one per instance name), their faults and their webhook
 * dispatchers. The REST API and the approver page both act through `create` / `act`, so a decision
 * taken on the page fires the same webhooks as one taken through the API.
 */

export interface TenantRuntime {
  readonly tenant: Tenant;
  faults: FaultState;
  readonly webhooks: WebhookDispatcher;
}

const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
const RESERVED = new Set(['tenants', 'assets']);

export class SimulatorState {
  readonly tenants = new Map<string, TenantRuntime>();

  constructor(readonly clock: Clock) {}

  addTenant(instance: string, apiKey: string = randomBytes(24).toString('base64url'), shape: TenantShape = {}): TenantRuntime {
    if (!INSTANCE_NAME.test(instance) || RESERVED.has(instance)) throw new SimError(400, `インスタンス名が不正です: ${instance}`);
    if (this.tenants.has(instance)) throw new SimError(409, `インスタンスは既に存在します: ${instance}`);
    const runtime: TenantRuntime = {
      tenant: seedTenant(instance, apiKey, shape),
      faults: noFaults(),
      webhooks: new WebhookDispatcher(() => runtime.faults),
    };
    this.tenants.set(instance, runtime);
    return runtime;
  }

  runtime(instance: string): TenantRuntime {
    const runtime = this.tenants.get(instance);
    if (!runtime) throw new SimError(404, `インスタンスが見つかりません: ${instance}`);
    return runtime;
  }

  create(runtime: TenantRuntime, caller: SimUser, body: CreateBody, origin: string): SimDocument {
    const now = this.clock();
    const { doc, notifications } = createDocument(runtime.tenant, caller, body, now);
    this.notify(runtime, doc, notifications, origin, now);
    return doc;
  }

  act(runtime: TenantRuntime, doc: SimDocument, caller: SimUser, body: ActBody, origin: string): void {
    const now = this.clock();
    const notifications = actOnDocument(runtime.tenant, doc, caller, body, now);
    this.notify(runtime, doc, notifications, origin, now);
  }

  private notify(runtime: TenantRuntime, doc: SimDocument, notifications: readonly Notification[], origin: string, now: Date): void {
    const urls = runtime.tenant.routes.get(doc.processesId)?.webhooks ?? [];
    if (urls.length === 0) return;
    const links = linksFor(origin, runtime.tenant.instance);
    for (const n of notifications) runtime.webhooks.enqueue(urls, webhookPayload(runtime.tenant, doc, n, links, now));
  }
}
