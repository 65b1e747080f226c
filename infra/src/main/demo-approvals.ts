import type { EventStore } from '@sss/contracts/ports/event-store';
import { streams } from '@sss/contracts/streams/names';
import { apiKeyHeader, AUTH_HEADER } from '../collaboflow-sim/index.ts';
import type { HttpApp } from './http-app.ts';

/**
 * Demo 稟議 decided the way people decide them: SSS files each in CollaboFlow (the process manager), the
 * approvers of the built-in simulator's seeded routes accept it there, the simulator's notification
 * reaches `POST /api/webhooks/collaboflow`, and the process manager reads the document and applies the
 * outcome (a 受注稟議 also confirms the order). So the 稟議 list, the 案件 status and the order agree,
 * as they would after a real day's work. The notification is handed over in-process because the
 * demo seeds before SSS listens (the simulator's own delivery would find no one and polling waits 30 s).
 */

export interface DemoWorkflow {
  /** False against a configured tenant: real approvers decide there, the demo never does. */
  readonly decides: boolean;
  /** Approves every one of them and waits until SSS has applied each outcome. */
  approve(ringiIds: readonly string[]): Promise<void>;
}

export interface DemoSimulator {
  readonly url: string;
  readonly instance: string;
  readonly apiKey: string;
}

/** The seeded routes of 見積・受注稟議: 事業部長 (takahashi), then 営業管理部 (watanabe). */
const APPROVERS = ['takahashi', 'watanabe'] as const;
const DEADLINE_MS = 120_000;

export function demoWorkflow(events: EventStore, app: HttpApp, simulator: DemoSimulator | null, mapping: { appCd: number; keyPartId: string }): DemoWorkflow {
  const lastOf = async (ringiId: string, type: string) => {
    const found = (await events.readStream(streams.ringi(ringiId))).filter((e) => e.type === type);
    return found.at(-1);
  };
  /** Every id's event of `type`, read again until all have one (the process manager works at its own pace). */
  const allReached = async (ringiIds: readonly string[], type: string) => {
    const found = new Map<string, Record<string, unknown>>();
    const deadline = Date.now() + DEADLINE_MS;
    for (;;) {
      for (const id of ringiIds) {
        if (found.has(id)) continue;
        const event = await lastOf(id, type);
        if (event) found.set(id, event.data as Record<string, unknown>);
      }
      if (found.size === ringiIds.length) return found;
      if (Date.now() > deadline) throw new Error(`demo 稟議: ${ringiIds.length - found.size} of ${ringiIds.length} never reached ${type}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const decide = async (documentId: number, login: string) => {
    const response = await fetch(`${simulator!.url}/${simulator!.instance}/api/index.cfm/v1/documents/${documentId}?app_cd=${mapping.appCd}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', [AUTH_HEADER]: apiKeyHeader(login, simulator!.apiKey) },
      body: JSON.stringify({ action: 'accept', comment: '承認します。' }),
    });
    if (!response.ok) throw new Error(`demo 稟議: ${login} could not accept document ${documentId}: ${response.status} ${await response.text()}`);
  };
  return {
    decides: simulator !== null,
    async approve(ringiIds) {
      if (!simulator || ringiIds.length === 0) return;
      const filed = await allReached(ringiIds, 'RingiSubmitted');
      for (const [ringiId, data] of filed) {
        const documentId = Number(data.documentId);
        for (const login of APPROVERS) await decide(documentId, login);
        const hint = { id: `demo-${ringiId}`, document_id: documentId, process_id: 0, flow_status: 'decision', action_type: 'accept', contents: { [mapping.keyPartId]: { value: ringiId } } };
        const response = await app.inject({ method: 'POST', url: '/api/webhooks/collaboflow', payload: hint });
        if (response.statusCode !== 202) throw new Error(`demo 稟議 ${ringiId}: the notification was refused: ${response.body}`);
      }
      const applied = await allReached(ringiIds, 'RingiOutcomeApplied');
      const other = [...applied].filter(([, data]) => data.outcome !== 'approved');
      if (other.length > 0) throw new Error(`demo 稟議 ${other[0]![0]} ended ${String(other[0]![1].outcome)}, not approved`);
    },
  };
}
