import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import type { Log } from '@sss/contracts/ports/log';
import type { Metrics } from '../observability/prometheus.ts';
import { measuredWorkflow } from '../observability/instrumented-ports.ts';
import { tracedWorkflow } from '../observability/traced-ports.ts';
import { estimateRingiAttachments } from './ringi-attachments.ts';
import type { ParkingLots } from '@sss/write-side/ops/parking-lot';
import { startRingiProcessManager, type RunningRingiProcessManager } from '@sss/write-side/ringi/process-manager';
import type { Settings } from './config.ts';
import { openWorkflow, type OpenedWorkflow } from './collaboflow.ts';
import { collaboflowGate, type CollaboflowGate } from './collaboflow-gate.ts';

/** The 稟議 process manager on this SSS's workflow tenant (or the built-in simulator). */
export interface RunningRingi {
  readonly manager: RunningRingiProcessManager;
  readonly collaboflow: OpenedWorkflow;
  /** The setup check against the tenant (admin screen, filing gate). */
  readonly gate: CollaboflowGate;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `readStore` (where the project and estimate read models live) lets 見積稟議 carry their Excel files. */
export async function startRingi(settings: Settings, events: EventStore, log: Log, clock?: () => Date, readStore?: ReadStore, observed?: { metrics: Metrics; subscribers: SubscriberRegistry; parking?: ParkingLots }): Promise<RunningRingi> {
  const cf = settings.collaboflow;
  const sssUrl = settings.port === 0 ? undefined : `http://${settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host}:${settings.port}`;
  const collaboflow = await openWorkflow(cf, settings.dataDir, sssUrl);
  const gate = collaboflowGate(collaboflow, cf.formMapping, cf.webhookUrl ?? (sssUrl ? `${sssUrl}/api/webhooks/collaboflow` : undefined), (m) => log(m));
  const manager = await startRingiProcessManager({
    events,
    workflow: tracedWorkflow(observed ? measuredWorkflow(collaboflow.workflow, observed.metrics) : collaboflow.workflow),
    routes: cf.routes,
    formMapping: cf.formMapping,
    refuseFiling: (kind) => gate.refuseFiling(kind),
    log,
    ...(observed ? { subscribers: observed.subscribers } : {}),
    ...(observed?.parking ? { parking: observed.parking } : {}),
    ...(clock ? { clock } : {}),
    ...(readStore ? { attachments: estimateRingiAttachments(readStore, settings.invoicing.issuer.name, cf.formMapping.kinds.estimate) } : {}),
    timers: { reminderAfterMs: cf.reminderDays * DAY_MS, pollBaseMs: cf.pollSeconds * 1000, retryBaseMs: cf.retrySeconds * 1000 },
  });
  return {
    manager,
    collaboflow,
    gate,
    async stop() {
      await manager.stop();
      await collaboflow.stop();
    },
  };
}
