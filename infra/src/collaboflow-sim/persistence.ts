import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SimDocument, SimFile } from './model.ts';
import type { SimulatorState } from './state.ts';
import type { TenantShape } from './tenant-shape.ts';

/**
 * Optional JSON file behind the simulator, for the embedded default: SSS keeps its event log across
 * restarts, so the 稟議 documents it points at must survive too. Only what users create is stored
 * (documents, files, numbering, route webhook settings); users, groups and routes come from the
 * seed, so improving the seed never needs a migration. Faults are test-only and never stored.
 */

interface StoredFile extends Omit<SimFile, 'data'> {
  readonly data: string; // base64
}

interface StoredTenant {
  readonly instance: string;
  readonly apiKey: string;
  readonly shape?: TenantShape;
  readonly nextDocumentId: number;
  readonly numberSerials: [string, number][];
  readonly documents: SimDocument[];
  readonly files: StoredFile[];
  readonly routes: { id: number; webhooks: string[]; takebackAfterDecision: boolean }[];
}

interface StoredState {
  readonly version: 1;
  readonly tenants: StoredTenant[];
}

export function snapshot(state: SimulatorState): StoredState {
  return {
    version: 1,
    tenants: [...state.tenants.values()].map(({ tenant }) => ({
      instance: tenant.instance,
      apiKey: tenant.apiKey,
      shape: tenant.shape,
      nextDocumentId: tenant.nextDocumentId,
      numberSerials: [...tenant.numberSerials.entries()],
      documents: [...tenant.documents.values()],
      files: [...tenant.files.values()].map((f) => ({ ...f, data: f.data.toString('base64') })),
      routes: [...tenant.routes.values()].map((r) => ({ id: r.id, webhooks: r.webhooks, takebackAfterDecision: r.takebackAfterDecision })),
    })),
  };
}

/** Replaces `state`'s tenants with the stored ones (seeded afresh, then filled). */
export function restore(state: SimulatorState, stored: StoredState): void {
  if (stored.version !== 1) throw new Error(`unsupported simulator state version ${String(stored.version)}`);
  state.tenants.clear();
  for (const t of stored.tenants) {
    const { tenant } = state.addTenant(t.instance, t.apiKey, t.shape ?? {});
    tenant.nextDocumentId = t.nextDocumentId;
    for (const [key, serial] of t.numberSerials) tenant.numberSerials.set(key, serial);
    for (const d of t.documents) tenant.documents.set(d.id, d);
    for (const f of t.files) tenant.files.set(f.id, { ...f, data: Buffer.from(f.data, 'base64') });
    for (const r of t.routes) {
      const route = tenant.routes.get(r.id);
      if (!route) continue; // a route dropped from the seed
      route.webhooks = r.webhooks;
      route.takebackAfterDecision = r.takebackAfterDecision;
    }
  }
}

export function loadStateFile(state: SimulatorState, path: string): boolean {
  if (!existsSync(path)) return false;
  restore(state, JSON.parse(readFileSync(path, 'utf8')) as StoredState);
  return true;
}

/** Write-then-rename, so a crash mid-write leaves the previous state rather than half a file. */
export function saveStateFile(state: SimulatorState, path: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot(state)), { mode: 0o600 });
  renameSync(tmp, path);
}
