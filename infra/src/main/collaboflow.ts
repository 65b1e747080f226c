import { join } from 'node:path';
import type { WorkflowNotification, WorkflowPort } from '@sss/contracts/ports/workflow';
import { CollaboflowClient, parseCollaboflowWebhook, splitCollaboflowUrl } from '@sss/write-side/ringi/collaboflow-client';
import type { FormDirectory } from '@sss/write-side/ringi/form-directory';
import { SEED_ADMIN_LOGIN } from '../collaboflow-sim/seed.ts';
import { startCollaboflowSimulator } from '../collaboflow-sim/start.ts';
import type { CollaboflowSettings } from './collaboflow-settings.ts';
import { redactUrl } from './redact.ts';

/**
 * The workflow port for this SSS: the configured tenant, or the built-in simulator (the embedded
 * default), whose documents survive restarts in SSS_DATA_DIR and whose webhooks call this SSS.
 */
export interface OpenedWorkflow {
  readonly workflow: WorkflowPort;
  readonly parse: (body: unknown) => WorkflowNotification;
  /** The tenant's routes and form parts, for the setup check. */
  readonly directory: FormDirectory;
  /** Who reads them (unset: the check cannot run, so nothing is verified before filing). */
  readonly adminLogin: string | undefined;
  /** Where people open documents / the approver page (for the log line at start). */
  readonly describe: string;
  /** The built-in simulator (null when a real tenant is configured): tests point its webhooks and faults. */
  readonly simulator: { readonly url: string; readonly instance: string; readonly apiKey: string } | null;
  stop(): Promise<void>;
}

/** An origin alone names no instance: take it from COLLABOFLOW_INSTANCE. */
function target(settings: CollaboflowSettings, url: string): { baseUrl: string; instance: string } {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return path === '' ? { baseUrl: url.replace(/\/+$/, ''), instance: settings.instance } : splitCollaboflowUrl(url);
}

export async function openWorkflow(settings: CollaboflowSettings, dataDir: string, sssUrl: string | undefined): Promise<OpenedWorkflow> {
  const mapping = settings.formMapping;
  const parse = (body: unknown) => parseCollaboflowWebhook(body, mapping.keyPartId);
  const vendor = { apiKey: settings.apiKey, timeoutMs: settings.timeoutMs, appCd: mapping.appCd, correlationPartId: mapping.keyPartId };
  if (settings.url) {
    const client = new CollaboflowClient({ ...target(settings, settings.url), ...vendor });
    return { workflow: client, parse, directory: client, adminLogin: settings.adminLogin, describe: `CollaboFlow: ${redactUrl(settings.url)}`, simulator: null, stop: async () => {} };
  }
  // Without a known address (a test on a free port) polling alone learns outcomes, until a test points the webhooks.
  const hook = settings.webhookUrl ?? (sssUrl ? `${sssUrl}/api/webhooks/collaboflow` : undefined);
  const sim = await startCollaboflowSimulator({
    port: settings.simulatorPort,
    instance: settings.instance,
    apiKey: settings.apiKey,
    stateFile: join(dataDir, 'collaboflow-sim.json'),
    webhooks: hook ? Object.fromEntries(Object.values(settings.routes).map((routeId) => [routeId, [hook]])) : {},
  });
  const client = new CollaboflowClient({ baseUrl: sim.url, instance: sim.instance, ...vendor, apiKey: sim.apiKey });
  return { workflow: client, parse, directory: client, adminLogin: settings.adminLogin ?? SEED_ADMIN_LOGIN, describe: `CollaboFlow: built-in simulator ${sim.url}/_sim/`, simulator: { url: sim.url, instance: sim.instance, apiKey: sim.apiKey }, stop: () => sim.stop() };
}
