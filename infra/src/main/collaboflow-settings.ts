import type { RingiKind } from '@sss/contracts/ringi/events';

/**
 * CollaboFlow settings (README settings table). Unset `COLLABOFLOW_URL` = the built-in simulator,
 * started in-process with its state under SSS_DATA_DIR and its webhooks pointed at this SSS.
 */
export interface CollaboflowSettings {
  /** `https://host/{instance}` (or `…/api/index.cfm`), or just an origin plus COLLABOFLOW_INSTANCE. */
  readonly url: string | undefined;
  readonly instance: string;
  readonly apiKey: string;
  /** 稟議 kind → route (経路) id in the tenant. */
  readonly routes: Readonly<Record<RingiKind, number>>;
  /** Port of the built-in simulator (0 = any free port). */
  readonly simulatorPort: number;
  /** Where CollaboFlow can reach SSS's webhook (the built-in simulator defaults to this SSS). */
  readonly webhookUrl: string | undefined;
  /** 催促: days after filing with no decision. */
  readonly reminderDays: number;
  /** First poll of an open 稟議 (doubles while nothing changes, up to an hour): the fallback for lost webhooks. */
  readonly pollSeconds: number;
  /** First wait after a failed step (CollaboFlow down, 5xx, timeout); doubles up to ten minutes. */
  readonly retrySeconds: number;
  /** Per HTTP call to CollaboFlow. */
  readonly timeoutMs: number;
}

export const DEFAULT_ROUTES: Readonly<Record<RingiKind, number>> = { estimate: 101, proposal: 102, order: 103, early_start: 104, sales_check: 105 };

/** Checked by settings-schema.ts: `<kind>=<route id>` pairs. */
function parseRoutes(value: string | undefined): Record<RingiKind, number> {
  const routes = { ...DEFAULT_ROUTES };
  for (const pair of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, id] = pair.split('=');
    routes[kind as RingiKind] = Number(id);
  }
  return routes;
}

/** `env` has passed settings-schema.ts (readSettings checks it first). */
export function readCollaboflowSettings(env: NodeJS.ProcessEnv): CollaboflowSettings {
  return {
    url: env.COLLABOFLOW_URL || undefined,
    instance: env.COLLABOFLOW_INSTANCE || 'sss',
    apiKey: env.COLLABOFLOW_API_KEY || 'sss-local-simulator',
    routes: parseRoutes(env.COLLABOFLOW_ROUTES),
    simulatorPort: Number(env.COLLABOFLOW_SIM_PORT ?? 0),
    webhookUrl: env.COLLABOFLOW_WEBHOOK_URL || undefined,
    reminderDays: Number(env.RINGI_REMINDER_DAYS ?? 3),
    pollSeconds: Number(env.RINGI_POLL_SECONDS ?? 30),
    retrySeconds: Number(env.RINGI_RETRY_SECONDS ?? 5),
    timeoutMs: Number(env.COLLABOFLOW_TIMEOUT_MS ?? 15_000),
  };
}
