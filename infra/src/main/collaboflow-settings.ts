import { existsSync, readFileSync } from 'node:fs';
import { RINGI_KINDS, type RingiKind } from '@sss/contracts/ringi/events';
import { DEFAULT_FORM_MAPPING, parseFormMapping, routesOf, type FormMapping } from '@sss/write-side/ringi/form-mapping';

/**
 * CollaboFlow settings (README settings table). Unset `COLLABOFLOW_URL` = the built-in simulator,
 * started in-process with its state under SSS_DATA_DIR and its webhooks pointed at this SSS.
 */
export interface CollaboflowSettings {
  /** `https://host/{instance}` (or `…/api/index.cfm`), or just an origin plus COLLABOFLOW_INSTANCE. */
  readonly url: string | undefined;
  readonly instance: string;
  readonly apiKey: string;
  /** 稟議 kind → route (経路) id in the tenant (the form mapping's, or COLLABOFLOW_ROUTES). */
  readonly routes: Readonly<Record<RingiKind, number>>;
  /** Per 稟議 type: route and part ids of the tenant's form; `app_cd`; the correlation key part. */
  readonly formMapping: FormMapping;
  /** A login with settings / admin permission: the setup check reads form parts as this user. */
  readonly adminLogin: string | undefined;
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

/** Checked by settings-schema.ts: `<kind>=<route id>` pairs over the mapping's defaults. */
function parseRoutes(value: string | undefined, defaults: Readonly<Record<RingiKind, number>>): Record<RingiKind, number> {
  const routes = { ...defaults };
  for (const pair of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, id] = pair.split('=');
    routes[kind as RingiKind] = Number(id);
  }
  return routes;
}

/** COLLABOFLOW_FORM_MAPPING: a JSON file's path, or the JSON itself (README "Form mapping"). */
function readFormMapping(env: NodeJS.ProcessEnv): FormMapping {
  const value = env.COLLABOFLOW_FORM_MAPPING?.trim();
  let mapping = DEFAULT_FORM_MAPPING;
  if (value) {
    const text = value.startsWith('{') ? value : existsSync(value) ? readFileSync(value, 'utf8') : null;
    if (text === null) throw new Error(`COLLABOFLOW_FORM_MAPPING: no such file ${value}`);
    try {
      mapping = parseFormMapping(JSON.parse(text));
    } catch (error) {
      throw new Error(`COLLABOFLOW_FORM_MAPPING: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const routes = parseRoutes(env.COLLABOFLOW_ROUTES, routesOf(mapping));
  const appCd = env.COLLABOFLOW_APP_CD === undefined || env.COLLABOFLOW_APP_CD === '' ? mapping.appCd : Number(env.COLLABOFLOW_APP_CD);
  if (!Number.isSafeInteger(appCd) || appCd <= 0) throw new Error(`COLLABOFLOW_APP_CD must be a positive integer, got "${env.COLLABOFLOW_APP_CD}"`);
  const kinds = Object.fromEntries(RINGI_KINDS.map((k) => [k, { ...mapping.kinds[k], routeId: routes[k] }])) as FormMapping['kinds'];
  return { ...mapping, appCd, kinds };
}

/** `env` has passed settings-schema.ts (readSettings checks it first). */
export function readCollaboflowSettings(env: NodeJS.ProcessEnv): CollaboflowSettings {
  const formMapping = readFormMapping(env);
  return {
    url: env.COLLABOFLOW_URL || undefined,
    instance: env.COLLABOFLOW_INSTANCE || 'sss',
    apiKey: env.COLLABOFLOW_API_KEY || 'sss-local-simulator',
    routes: routesOf(formMapping),
    formMapping,
    adminLogin: env.COLLABOFLOW_ADMIN_LOGIN || undefined,
    simulatorPort: Number(env.COLLABOFLOW_SIM_PORT ?? 0),
    webhookUrl: env.COLLABOFLOW_WEBHOOK_URL || undefined,
    reminderDays: Number(env.RINGI_REMINDER_DAYS ?? 3),
    pollSeconds: Number(env.RINGI_POLL_SECONDS ?? 30),
    retrySeconds: Number(env.RINGI_RETRY_SECONDS ?? 5),
    timeoutMs: Number(env.COLLABOFLOW_TIMEOUT_MS ?? 15_000),
  };
}
