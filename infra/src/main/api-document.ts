import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { openEmbeddedReadStore } from '@sss/read-side/store/embedded-read-store';
import { startReadModels } from '@sss/read-side/projector/runtime';
import { startAuditIndexer } from '@sss/read-side/audit/audit-indexer';
import { openSqliteAuditIndex } from '@sss/read-side/audit/sqlite-audit-index';
import { buildHttpApp } from './http-app.ts';

/**
 * One OpenAPI document for the whole API behind the gateway (issue #17 item 5). Each side's process
 * documents only the routes it serves, and the gateway cannot merge JSON, so the write service (where
 * the gateway sends `/api/openapi.json`) documents the read side's routes too: it builds the read
 * side's app once at start over empty in-memory stores, with no projector running, only to ask it
 * for its document. The routes are the code's own, so the document cannot drift from what the read
 * instances serve.
 */

type OpenApi = { paths?: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>>; tags?: Array<{ name: string }> } & Record<string, unknown>;

export async function readSideDocument(): Promise<Record<string, unknown>> {
  const events = openSqliteEventStore(':memory:');
  const store = openEmbeddedReadStore(':memory:');
  const readModels = await startReadModels(events, store, []);
  // The audit index is a file by design (docs/audit.md); an empty one in a directory removed below.
  const auditDir = mkdtempSync(join(tmpdir(), 'sss-api-document-'));
  const audit = startAuditIndexer(events, openSqliteAuditIndex(join(auditDir, 'audit-index.db')), () => {});
  const app = await buildHttpApp({ readModels, audit, sessionEvents: events, sessionSecret: randomBytes(32).toString('base64url'), logLevel: 'silent' });
  try {
    return structuredClone(app.swagger()) as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await audit.stop();
    await readModels.stop();
    await store.close();
    await events.close();
    rmSync(auditDir, { recursive: true, force: true });
  }
}

/** `own` with every path, operation, component and tag of `other` it lacks (a path may have methods on both sides). */
export function mergeApiDocuments(ownDocument: Record<string, unknown>, otherDocument: Record<string, unknown>): Record<string, unknown> {
  const own = ownDocument as OpenApi;
  const other = otherDocument as OpenApi;
  const paths: Record<string, Record<string, unknown>> = structuredClone(own.paths ?? {});
  for (const [path, operations] of Object.entries(other.paths ?? {})) paths[path] = { ...operations, ...paths[path] };
  const components: Record<string, Record<string, unknown>> = structuredClone(own.components ?? {});
  for (const [kind, entries] of Object.entries(other.components ?? {})) components[kind] = { ...entries, ...components[kind] };
  const tags = [...(own.tags ?? [])];
  for (const tag of other.tags ?? []) if (!tags.some((t) => t.name === tag.name)) tags.push(tag);
  return { ...own, paths, components, ...(tags.length ? { tags } : {}) };
}
