/**
 * The 監査 event index at scale (docs/audit.md): BENCH_AUDIT_EVENTS (default 200,000; the figure in
 * docs/audit.md is at 1,000,000) synthetic events, shaped like SSS's (500 people, companies, projects,
 * monthly sales, Japanese names and amounts in the data), added in the indexer's batches; then the
 * median of 5 runs of each search the 監査 screen sends (one page of 50 and its total), the file's
 * size and the process RSS. Runs alone with `node --import tsx bench/audit-index.bench.ts`.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { AuditCriteria } from '../read-side/src/audit/audit-index.ts';
import { openSqliteAuditIndex } from '../read-side/src/audit/sqlite-audit-index.ts';

const TOTAL = Number(process.env.BENCH_AUDIT_EVENTS ?? 200_000);
const BATCH = 2_000;
const START = Date.parse('2016-04-01T00:00:00Z');
const SPAN_MS = 10 * 365 * 86_400_000;
const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
const TYPES = ['ProjectBasicsEdited', 'ResourceEffortChanged', 'SalesActualRecorded', 'InvoiceIssued', 'CompanyEdited', 'OrderConfirmed', 'PaymentRecorded', 'EstimateIssued'];
const CATEGORIES = ['project', 'project', 'monthlysales', 'monthlysales', 'company', 'order', 'monthlysales', 'estimate'];
const round = (n: number) => Math.round(n * 100) / 100;

function event(i: number): RecordedEvent {
  const kind = i % TYPES.length;
  const entity = `e${(i * 7919) % 50_000}`;
  return {
    streamName: `${CATEGORIES[kind]}-${entity}`,
    revision: BigInt(Math.floor(i / 50_000)),
    position: BigInt(i + 1),
    type: TYPES[kind]!,
    data: { id: entity, name: `${SURNAMES[i % 10]}商事 案件${i % 9973}`, projectNumber: `2026${String(i % 10_000).padStart(4, '0')}`, amount: (i * 37) % 10_000_000, note: `第${i}版の変更` },
    metadata: { eventId: `id-${i}`, occurredAt: new Date(START + Math.floor((i / TOTAL) * SPAN_MS)).toISOString(), actor: `user-${i % 500}`, correlationId: `c-${i}`, causationId: null, schemaVersion: 1, prevHash: '', hash: '' },
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const file = join(mkdtempSync(join(tmpdir(), 'sss-bench-audit-')), 'audit-index.db');
  const index = openSqliteAuditIndex(file);
  const started = performance.now();
  for (let from = 0; from < TOTAL; from += BATCH) index.add(Array.from({ length: Math.min(BATCH, TOTAL - from) }, (_, k) => event(from + k)));
  const ingestSeconds = (performance.now() - started) / 1000;
  const time = (criteria: AuditCriteria, skip = 0) => {
    const runs: number[] = [];
    let total = 0;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      total = index.search(criteria, { skip, limit: 50 }).total;
      runs.push(performance.now() - t);
    }
    return { ms: round(runs.sort((a, b) => a - b)[2]!), total };
  };
  const year = { fromInstant: '2020-04-01T00:00:00.000Z', toInstant: '2021-03-31T14:59:59.999Z' };
  const cases: Record<string, { ms: number; total: number }> = {
    all_page1: time({}),
    all_page200: time({}, 199 * 50),
    actor: time({ actor: 'user-42' }),
    type_and_year: time({ type: 'InvoiceIssued', ...year }),
    entity: time({ category: 'project', entityId: 'e0' }),
    text_rare: time({ text: '案件9001' }),
    text_common: time({ text: '鈴木商事' }),
    text_short_scan: time({ text: '第7' }),
    combined: time({ ...year, actor: 'user-42', type: 'SalesActualRecorded', text: '商事' }),
  };
  index.close();
  const figures: Record<string, number | string> = {
    events: TOTAL,
    ingestPerSecond: Math.round(TOTAL / ingestSeconds),
    fileMiB: round(statSync(file).size / 2 ** 20),
    rssMiB: round(process.memoryUsage().rss / 2 ** 20),
  };
  for (const [name, { ms, total }] of Object.entries(cases)) {
    figures[`${name}_ms`] = ms;
    figures[`${name}_total`] = total;
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run());
