import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { ApprovalKind } from '@sss/contracts/project/fields';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { handleCommand } from '@sss/write-side/kernel/command-handler';
import { projectDecider } from '@sss/write-side/project/decider';
import { projectStream } from '@sss/write-side/project/streams';
import { registerOrder, requestApproval } from '@sss/write-side/project/handlers';
import { ringiStream } from '@sss/write-side/ringi/ringi-decider';
import { apiKeyHeader, AUTH_HEADER } from '../../src/collaboflow-sim/index.ts';
import type { TenantShape } from '../../src/collaboflow-sim/tenant-shape.ts';
import type { RunningSss } from '../../src/main/sss.ts';
import { startTestSss } from './sss.ts';

/**
 * A whole SSS whose 稟議 go to a private tenant of the test runner's CollaboFlow simulator
 * (COLLABOFLOW_URL), listening on a free port with every route's webhooks pointed at it, and fast
 * timers so polling and back-off show within a test. Approvers act through the simulator's REST API.
 */

export interface RingiWorld {
  readonly sss: RunningSss & { url: string };
  readonly simUrl: string;
  readonly instance: string;
  readonly apiKey: string;
  stop(): Promise<void>;
}

export function collaboflowUrl(): string {
  const url = process.env.COLLABOFLOW_URL;
  if (!url) throw new Error('COLLABOFLOW_URL is not set: start a simulator (node --import tsx infra/src/collaboflow-sim/cli.ts --port 8090) or run through npm test');
  return url.replace(/\/+$/, '');
}

/** `shape`: how the tenant's forms and routes differ from the seed (the simulator README). */
export async function newTenant(simUrl: string, shape?: TenantShape): Promise<{ instance: string; apiKey: string }> {
  const response = await fetch(`${simUrl}/_sim/tenants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(shape ? { shape } : {}) });
  if (!response.ok) throw new Error(`could not create a simulator tenant: ${response.status}`);
  return (await response.json()) as { instance: string; apiKey: string };
}

export const ROUTES = [101, 102, 103, 104, 105] as const;

export async function startRingiWorld(env: Record<string, string> = {}, shape?: TenantShape): Promise<RingiWorld> {
  const simUrl = collaboflowUrl();
  const { instance, apiKey } = await newTenant(simUrl, shape);
  const sss = await startTestSss({
    COLLABOFLOW_URL: simUrl,
    COLLABOFLOW_INSTANCE: instance,
    COLLABOFLOW_API_KEY: apiKey,
    COLLABOFLOW_TIMEOUT_MS: '1500',
    RINGI_POLL_SECONDS: '0.4',
    RINGI_RETRY_SECONDS: '0.2',
    ...env,
  });
  const url = await sss.app.listen({ port: 0, host: '127.0.0.1' });
  await pointWebhooks(simUrl, instance, `${url}/api/webhooks/collaboflow`);
  await demoRingiSettled(sss);
  return { sss: Object.assign(sss, { url }), simUrl, instance, apiKey, stop: () => sss.stop() };
}

/**
 * The demo data requests 稟議 of its own; let them be filed (or refused) before a test injects
 * faults, so the faults meet the test's 稟議 and not the demo's.
 */
async function demoRingiSettled(sss: RunningSss): Promise<void> {
  await waitFor('the demo 稟議 to be filed', async () => {
    const all = await sss.events.readAll();
    const open = new Set(all.filter((e) => e.type === 'RingiRequested').map((e) => e.streamName));
    for (const e of all) if (e.type === 'RingiSubmitted' || e.type === 'RingiStuck' || e.type === 'RingiOutcomeApplied') open.delete(e.streamName);
    const requests = all.filter((e) => e.type === 'ProjectApprovalRequested' || e.type === 'SalesCheckRequested').length;
    return open.size === 0 && all.filter((e) => e.type === 'RingiRequested').length >= requests;
  }, 30_000);
}

export async function pointWebhooks(simUrl: string, instance: string, hook: string): Promise<void> {
  for (const id of ROUTES) {
    const r = await fetch(`${simUrl}/_sim/${instance}/routes/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhooks: [hook] }) });
    if (!r.ok) throw new Error(`could not point route ${id}'s webhooks: ${r.status}`);
  }
}

/** Fault injection (see the simulator README): `{ http?: [...], webhooks?: {...}, latencyMs? }`; null clears. */
export async function faults(world: Pick<RingiWorld, 'simUrl' | 'instance'>, body: unknown | null): Promise<void> {
  const r = await fetch(`${world.simUrl}/_sim/${world.instance}/faults`, body === null ? { method: 'DELETE' } : { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`faults: ${r.status} ${await r.text()}`);
}

/** The approver's hand: `PUT /documents/{id}` as that login (accept / reject / remand / takeback). */
export async function decide(world: Pick<RingiWorld, 'simUrl' | 'instance' | 'apiKey'>, login: string, documentId: number, body: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${world.simUrl}/${world.instance}/api/index.cfm/v1/documents/${documentId}?app_cd=1`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', [AUTH_HEADER]: apiKeyHeader(login, world.apiKey) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${login} could not ${String(body.action)} document ${documentId}: ${r.status} ${await r.text()}`);
}

/** Every document of the tenant, from the simulator's state (to count filings). */
export async function simDocuments(world: Pick<RingiWorld, 'simUrl' | 'instance'>): Promise<{ id: number; status: string; values: Record<string, unknown> }[]> {
  const r = await fetch(`${world.simUrl}/_sim/${world.instance}/state`);
  const state = (await r.json()) as { documents: { document_id: number; flow_status: string; values: Record<string, unknown> }[] };
  return state.documents.map((d) => ({ id: d.document_id, status: d.flow_status, values: d.values }));
}

export function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  return waitUntil(what, probe, { timeoutMs, intervalMs: 50 });
}

export async function ringiEvents(sss: RunningSss, ringiId: string): Promise<RecordedEvent[]> {
  return sss.events.readStream(ringiStream(ringiId));
}

export async function documentIdOf(sss: RunningSss, ringiId: string): Promise<number> {
  return waitFor(`ringi ${ringiId} to be filed`, async () => {
    const submitted = (await ringiEvents(sss, ringiId)).find((e) => e.type === 'RingiSubmitted');
    return submitted ? (submitted.data as { documentId: number }).documentId : null;
  });
}

export async function outcomeOf(sss: RunningSss, ringiId: string, timeoutMs?: number): Promise<{ outcome: string; documentNumber: string }> {
  return waitFor(`ringi ${ringiId} outcome`, async () => {
    const applied = (await ringiEvents(sss, ringiId)).find((e) => e.type === 'RingiOutcomeApplied');
    return applied ? (applied.data as { outcome: string; documentNumber: string }) : null;
  }, timeoutMs);
}

export async function userIdOf(sss: RunningSss, email: string): Promise<string> {
  for (const e of await sss.events.readAll()) {
    if (e.type === 'UserRegistered' && (e.data as { email: string }).email === email) return (e.data as { userId: string }).userId;
  }
  throw new Error(`no demo user ${email}`);
}

export async function projectStatus(sss: RunningSss, projectId: string): Promise<string> {
  let status = 'proposing';
  for (const e of await sss.events.readStream(projectStream(projectId))) if (e.type === 'ProjectStatusChanged') status = (e.data as { to: string }).to;
  return status;
}

/** A project straight through its decider (the project routes check references; here only the 稟議 matters). */
export async function newProject(sss: RunningSss, actor: string, name = '基幹システム刷新 要件定義支援'): Promise<string> {
  const projectId = randomUUID();
  const number = `2026${String(Math.floor(Math.random() * 9000) + 1000)}`;
  await handleCommand(sss.events, {
    streamName: projectStream(projectId),
    decider: projectDecider,
    command: {
      type: 'RegisterProject',
      projectId,
      projectNumber: number,
      meta: { actor, at: new Date().toISOString() },
      body: {
        name,
        customerCompanyId: 'c-acme',
        supervisingOrgUnitId: 'org-bs1',
        accountingUnit: 'BS (事業部)',
        leader: { employeeId: 'e-100', name: '佐藤 一郎' },
        businessSegment: { first: 'SI', second: 'コンサルティング', third: '要件定義' },
        salesInfo: { serviceType: 'コンサルティング', contractType: '準委任', revenueRecognition: '役務完了基準' },
        startDate: '2026-04-01',
        endDate: '2026-09-30',
        resale: false,
        billingType: '毎月請求',
      },
    },
    context: { actor, correlationId: randomUUID() },
  });
  // 見積稟議 needs a 月毎明細 to show the approver.
  await handleCommand(sss.events, {
    streamName: projectStream(projectId),
    decider: projectDecider,
    command: {
      type: 'AddResource',
      meta: { actor, at: new Date().toISOString() },
      body: { kind: 'employee', employeeId: 'e-100', employeeNo: '100', classRank: 'M2', name: '佐藤 一郎', cost: 800_000, quotedUnitPrice: 1_000_000, effort: { '2026-04': '1', '2026-05': '1', '2026-06': '1' } },
    },
    context: { actor, correlationId: randomUUID() },
  });
  return projectId;
}

export async function request(sss: RunningSss, projectId: string, kind: ApprovalKind, actor: string): Promise<string> {
  const deps = { events: sss.events, clock: () => new Date() };
  const { ringiId } = await requestApproval(deps, projectId, { kind, comment: `${kind} をお願いします` }, { actor, correlationId: randomUUID() });
  return ringiId;
}

export async function orderFor(sss: RunningSss, projectId: string, actor: string): Promise<void> {
  const deps = { events: sss.events, clock: () => new Date() };
  await registerOrder(deps, { projectId, terms: { customerPoNumber: 'PO-1', orderDate: '2026-03-20', orderAmount: 3_000_000, labourAmount: 3_000_000, periodStart: '2026-04-01', periodEnd: '2026-09-30' } }, { actor, correlationId: randomUUID() });
}
