/**
 * The speed targets of issue #14, one line per figure a bench reports: `npm run bench` checks each
 * against the figure of the same name in the same run and records pass or fail. Targets live here,
 * never in timed tests (CONTRIBUTING.md §Tests).
 */
export interface Target {
  readonly bench: string;
  readonly figure: string;
  readonly atLeast?: number;
  readonly atMost?: number;
}

export const TARGETS: readonly Target[] = [
  { bench: 'eventstore', figure: 'sqlite.port.1w.toRawRatio', atLeast: 0.9 },
  { bench: 'eventstore', figure: 'sqlite.port.64w.toRawRatio', atLeast: 3 },
  { bench: 'kafka-bus', figure: 'kafka.toRawRatio', atLeast: 0.5 },
  { bench: 'company-partner', figure: 'kafka.p99Ms', atMost: 50 },
  { bench: 'projector-catchup', figure: 'ratio projector / raw', atLeast: 0.8 },
  { bench: 'read-scale', figure: 'list ÷ hello req/s (target ≥ 0.5)', atLeast: 0.5 },
  { bench: 'read-scale', figure: 'list p99 ÷ hello p99 (target ≤ 3)', atMost: 3 },
  { bench: 'read-scale', figure: 'detail ÷ hello req/s (target ≥ 0.5)', atLeast: 0.5 },
  { bench: 'read-scale', figure: 'detail p99 ÷ hello p99 (target ≤ 3)', atMost: 3 },
  // Issue #16: import and match 10,000 deposits against 50,000 open invoices.
  { bench: 'reconciliation', figure: 'totalSeconds', atMost: 30 },
  // Issue #13 item 9: 案件一覧 with 10,000 projects in Chromium.
  { bench: 'project-list', figure: 'firstPageMs', atMost: 1000 },
  { bench: 'project-list', figure: 'filterMs', atMost: 200 },
  // Issue #12 (as-of "Fast") and #14 items 5 and 7, on the generated store (meant at about 1M events).
  ...[10, 50, 90].flatMap((back) => [
    { bench: 'as-of', figure: `asOf${back}%BackListRatio`, atMost: 2 },
    { bench: 'as-of', figure: `asOf${back}%BackReportRatio`, atMost: 2 },
  ]),
  { bench: 'as-of', figure: 'rebuild ÷ raw read of all events', atMost: 2 },
  { bench: 'as-of', figure: 'rssMiBPeakWhileProjecting', atMost: 1024 },
];

export type Verdict = Target & { readonly value: number | string | undefined; readonly pass: boolean | null };

/** null when the bench did not report the figure (it failed or was not run). */
export function judge(results: Record<string, Record<string, number | string>>): Verdict[] {
  return TARGETS.map((target) => {
    const value = results[target.bench]?.[target.figure];
    if (typeof value !== 'number' || Number.isNaN(value)) return { ...target, value, pass: null };
    const pass = (target.atLeast === undefined || value >= target.atLeast) && (target.atMost === undefined || value <= target.atMost);
    return { ...target, value, pass };
  });
}
