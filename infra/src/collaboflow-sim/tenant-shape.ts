import { SimError } from './errors.ts';
import type { SimForm, SimPart, SimPhase, SimRoute } from './model.ts';

/**
 * How a tenant differs from the seed: each tenant's form designer picks its own part ids and part
 * types, its own `app_cd` and its own route lengths (docs/collaboflow.md, "Form mapping"). Tests
 * create tenants with a shape so SSS's form mapping and long-route handling are exercised, not
 * just the seed's names.
 */
export interface TenantShape {
  readonly appCd?: number;
  /** Seeded part id → this tenant's part id (e.g. `fidSssKey` → `fid_sss_ref`). */
  readonly partIds?: Readonly<Record<string, string>>;
  /** Seeded part id → this tenant's part type (e.g. `fidAmount` → `number`). */
  readonly partTypes?: Readonly<Record<string, SimPart['type']>>;
  /** Seeded part ids this tenant's forms lack. */
  readonly dropParts?: readonly string[];
  /** Route id → its phases, replacing the seeded chain; judges are login ids (see `extraUsers`). */
  readonly phases?: Readonly<Record<string, readonly { readonly title: string; readonly judges: readonly string[]; readonly rule?: 'all' | 'any' }[]>>;
  /** Further judges `judge01` … `judgeNN` (group EIKAN), for routes longer than the seed's. */
  readonly extraUsers?: number;
}

const PART_TYPES: readonly SimPart['type'][] = ['text', 'textarea', 'number', 'money', 'date', 'attachment'];
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks a shape sent to the admin API; throws 400 on anything malformed. */
export function parseTenantShape(body: unknown): TenantShape {
  if (body === undefined || body === null) return {};
  const bad = (why: string) => new SimError(400, `shape: ${why}`);
  if (!isRecord(body)) throw bad('not an object');
  const strings = (v: unknown, what: string) => {
    if (v === undefined) return undefined;
    if (!isRecord(v) || !Object.values(v).every((x) => typeof x === 'string' && x !== '')) throw bad(`${what} must map part ids to strings`);
    return v as Record<string, string>;
  };
  const partTypes = strings(body.partTypes, 'partTypes');
  if (partTypes && !Object.values(partTypes).every((t) => PART_TYPES.includes(t as SimPart['type']))) throw bad(`partTypes must be one of ${PART_TYPES.join(', ')}`);
  if (body.appCd !== undefined && !(Number.isSafeInteger(body.appCd) && Number(body.appCd) > 0)) throw bad('appCd must be a positive integer');
  if (body.extraUsers !== undefined && !(Number.isSafeInteger(body.extraUsers) && Number(body.extraUsers) >= 0 && Number(body.extraUsers) <= 99)) throw bad('extraUsers must be 0..99');
  if (body.dropParts !== undefined && !(Array.isArray(body.dropParts) && body.dropParts.every((p) => typeof p === 'string'))) throw bad('dropParts must be part ids');
  if (body.phases !== undefined) {
    const ok =
      isRecord(body.phases) &&
      Object.values(body.phases).every(
        (list) => Array.isArray(list) && list.length > 0 && list.every((p) => isRecord(p) && typeof p.title === 'string' && Array.isArray(p.judges) && p.judges.length > 0 && p.judges.every((j) => typeof j === 'string')),
      );
    if (!ok) throw bad('phases must map route ids to non-empty lists of {title, judges, rule?}');
  }
  return body as TenantShape;
}

export const extraUserLogin = (n: number) => `judge${String(n).padStart(2, '0')}`;

function reshapeParts(parts: readonly SimPart[], shape: TenantShape): SimPart[] {
  return parts
    .filter((p) => !(shape.dropParts ?? []).includes(p.id))
    .map((p) => ({ ...p, id: shape.partIds?.[p.id] ?? p.id, type: shape.partTypes?.[p.id] ?? p.type }));
}

function reshapeForm(form: SimForm, shape: TenantShape): SimForm {
  const tables = Object.fromEntries(Object.entries(form.tables).map(([title, parts]) => [title, reshapeParts(parts, shape)]));
  return { ...form, parts: reshapeParts(form.parts, shape), tables };
}

/** The seeded routes as this tenant has them. */
export function reshapeRoute(route: SimRoute, shape: TenantShape): SimRoute {
  const phases = shape.phases?.[String(route.id)];
  const reshapedPhases: SimPhase[] | undefined = phases?.map((p, i) => ({ number: i + 1, title: p.title, judges: [...p.judges], rule: p.rule ?? 'all' }));
  return { ...route, form: reshapeForm(route.form, shape), phases: reshapedPhases ?? route.phases };
}
