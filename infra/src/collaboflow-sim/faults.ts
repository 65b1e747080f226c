/**
 * Fault injection for tests, per tenant, set at runtime through the admin API: slow answers,
 * a number of 5xx answers, answers lost after the work was done (the ambiguous failure a client
 * must survive without filing twice), and webhook drop / duplicate / reorder.
 */

export interface HttpFaultRule {
  /** Only requests with this method (any when absent). */
  readonly method?: string;
  /** Only paths (after `/v1`) containing this text, e.g. `/documents`. */
  readonly path?: string;
  /** How many matching requests the rule affects. */
  times: number;
  /** Answer with this status and the standard error body instead of doing the work. */
  readonly status?: number;
  /** Wait this long: before doing the work (`before`) or after it, just before answering (`after`). */
  readonly delayMs?: number;
  readonly when?: 'before' | 'after';
}

export interface WebhookFaults {
  /** The next n notifications are never sent. */
  drop: number;
  /** The next n notifications are sent twice (same `id`). */
  duplicate: number;
  /** The next n notifications are held and then sent in reverse order. */
  reorder: number;
}

export interface FaultState {
  /** Added to every API answer. */
  latencyMs: number;
  http: HttpFaultRule[];
  webhooks: WebhookFaults;
}

export const noFaults = (): FaultState => ({ latencyMs: 0, http: [], webhooks: { drop: 0, duplicate: 0, reorder: 0 } });

/** Consumes one use of the first rule that matches, if any. */
export function takeHttpFault(state: FaultState, method: string, path: string): HttpFaultRule | undefined {
  const rule = state.http.find(
    (r) => r.times > 0 && (r.method === undefined || r.method.toUpperCase() === method) && (r.path === undefined || path.includes(r.path)),
  );
  if (!rule) return undefined;
  rule.times -= 1;
  state.http = state.http.filter((r) => r.times > 0);
  return rule;
}

const nonNegativeInt = (v: unknown, name: string): number => {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${name} must be a non-negative integer`);
  return v;
};

/** Validates the admin API body; unknown shapes are refused so a typo in a test is loud. */
export function parseFaults(body: unknown): FaultState {
  const b = (body ?? {}) as Record<string, unknown>;
  const http = Array.isArray(b.http) ? b.http : b.http === undefined ? [] : null;
  if (http === null) throw new Error('http must be an array');
  const rules: HttpFaultRule[] = http.map((raw: unknown, i) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const times = r.times === undefined ? 1 : nonNegativeInt(r.times, `http[${i}].times`);
    if (r.status !== undefined && (typeof r.status !== 'number' || r.status < 400 || r.status > 599)) throw new Error(`http[${i}].status must be 400..599`);
    if (r.when !== undefined && r.when !== 'before' && r.when !== 'after') throw new Error(`http[${i}].when must be before or after`);
    return {
      times,
      ...(typeof r.method === 'string' ? { method: r.method } : {}),
      ...(typeof r.path === 'string' ? { path: r.path } : {}),
      ...(typeof r.status === 'number' ? { status: r.status } : {}),
      ...(r.delayMs !== undefined ? { delayMs: nonNegativeInt(r.delayMs, `http[${i}].delayMs`) } : {}),
      ...(r.when !== undefined ? { when: r.when as 'before' | 'after' } : {}),
    };
  });
  const w = (b.webhooks ?? {}) as Record<string, unknown>;
  return {
    latencyMs: nonNegativeInt(b.latencyMs, 'latencyMs'),
    http: rules,
    webhooks: { drop: nonNegativeInt(w.drop, 'webhooks.drop'), duplicate: nonNegativeInt(w.duplicate, 'webhooks.duplicate'), reorder: nonNegativeInt(w.reorder, 'webhooks.reorder') },
  };
}
