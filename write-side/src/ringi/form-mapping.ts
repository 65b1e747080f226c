import type { FormScalar, FormValues } from '@sss/contracts/ports/workflow';
import { RINGI_KINDS, type RingiKind } from '@sss/contracts/ringi/events';

/**
 * Which part of the tenant's form receives which of SSS's fields. Each tenant's form designer picks
 * part ids and part types (docs/collaboflow.md, "Forms, parts and routes"), so SSS files its values
 * under configured ids, not names it assumed. A field left unmapped is simply not sent; the setup
 * check (setup-check.ts) says whether the tenant can live without it.
 */

/** What SSS can put on a 稟議 form. */
export const SSS_FIELDS = {
  projectNumber: 'text',
  projectName: 'text',
  customer: 'text',
  amount: 'money',
  periodFrom: 'date',
  periodTo: 'date',
  summary: 'textarea',
  targetMonth: 'text',
  salesAmount: 'money',
  taxAmount: 'money',
  invoiceAmount: 'money',
  /** The invoice per tax rate (税抜・消費税・税込), so the approval covers what is issued (docs/domain.md §稟議 (approvals)). */
  invoiceNet10: 'money',
  invoiceTax10: 'money',
  invoiceGross10: 'money',
  invoiceNet8: 'money',
  invoiceTax8: 'money',
  invoiceGross8: 'money',
  balanceSheet: 'attachment',
  quotation: 'attachment',
} as const satisfies Record<string, PartType>;

export type SssField = keyof typeof SSS_FIELDS;
export type PartType = 'text' | 'textarea' | 'number' | 'number_v2' | 'money' | 'date' | 'attachment';
export const PART_TYPES: readonly PartType[] = ['text', 'textarea', 'number', 'number_v2', 'money', 'date', 'attachment'];

export interface PartRef {
  readonly partId: string;
  readonly type: PartType;
}

export interface RingiFormMapping {
  /** The route (経路, `processes_id`) this 稟議 type is filed on. */
  readonly routeId: number;
  readonly parts: Readonly<Partial<Record<SssField, PartRef>>>;
}

export interface FormMapping {
  /** The CollaboFlow application code sent on every document call. */
  readonly appCd: number;
  /** Text part holding SSS's correlation key on every mapped form (one id: webhooks are matched by it before their route is known). */
  readonly keyPartId: string;
  readonly kinds: Readonly<Record<RingiKind, RingiFormMapping>>;
}

const part = (partId: string, field: SssField): PartRef => ({ partId, type: SSS_FIELDS[field] });
const projectParts = {
  projectNumber: part('fidProjectNo', 'projectNumber'),
  projectName: part('fidProjectName', 'projectName'),
  customer: part('fidCustomer', 'customer'),
  amount: part('fidAmount', 'amount'),
  periodFrom: part('fidPeriodFrom', 'periodFrom'),
  periodTo: part('fidPeriodTo', 'periodTo'),
  summary: part('fidSummary', 'summary'),
} satisfies Partial<Record<SssField, PartRef>>;

/** The forms of the built-in simulator's seed: what SSS files when nothing is configured. */
export const DEFAULT_FORM_MAPPING: FormMapping = {
  appCd: 1,
  keyPartId: 'fidSssKey',
  kinds: {
    estimate: { routeId: 101, parts: { ...projectParts, balanceSheet: part('fidAttachment1', 'balanceSheet'), quotation: part('fidAttachment2', 'quotation') } },
    proposal: { routeId: 102, parts: projectParts },
    order: { routeId: 103, parts: projectParts },
    early_start: { routeId: 104, parts: projectParts },
    sales_check: {
      routeId: 105,
      parts: {
        projectNumber: part('fidProjectNo', 'projectNumber'),
        projectName: part('fidProjectName', 'projectName'),
        customer: part('fidCustomer', 'customer'),
        targetMonth: part('fidTargetMonth', 'targetMonth'),
        salesAmount: part('fidSalesAmount', 'salesAmount'),
        invoiceAmount: part('fidInvoiceAmount', 'invoiceAmount'),
        invoiceNet10: part('fidInvoiceNet10', 'invoiceNet10'),
        invoiceTax10: part('fidInvoiceTax10', 'invoiceTax10'),
        invoiceGross10: part('fidInvoiceGross10', 'invoiceGross10'),
        invoiceNet8: part('fidInvoiceNet8', 'invoiceNet8'),
        invoiceTax8: part('fidInvoiceTax8', 'invoiceTax8'),
        invoiceGross8: part('fidInvoiceGross8', 'invoiceGross8'),
      },
    },
  },
};

export type SssValues = Readonly<Partial<Record<SssField, FormScalar>>>;

/** A value in the form its part type takes (numbers for number and money, `yyyy-MM-dd` for dates). */
function asPartValue(type: PartType, value: FormScalar): FormScalar {
  if (type === 'number' || type === 'number_v2' || type === 'money') return typeof value === 'number' ? value : Number(value);
  if (type === 'date') return String(value).slice(0, 10);
  return typeof value === 'string' ? value : String(value);
}

/** SSS's values under the tenant's part ids; unmapped fields and empty values are left out. */
export function toFormValues(mapping: RingiFormMapping, values: SssValues): FormValues {
  const out: Record<string, FormScalar> = {};
  for (const [field, value] of Object.entries(values) as [SssField, FormScalar | undefined][]) {
    const ref = mapping.parts[field];
    if (!ref || value === undefined || value === null || value === '') continue;
    out[ref.partId] = asPartValue(ref.type, value);
  }
  return out;
}

/** Route id per 稟議 type, as the process manager files them. */
export const routesOf = (mapping: FormMapping): Record<RingiKind, number> =>
  Object.fromEntries(RINGI_KINDS.map((k) => [k, mapping.kinds[k].routeId])) as Record<RingiKind, number>;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads a mapping from configuration (JSON). Kinds and fields left out keep their defaults, so a
 * deployer writes only what differs; a part mapped to `null` is not sent. Throws with every problem.
 */
export function parseFormMapping(input: unknown, defaults: FormMapping = DEFAULT_FORM_MAPPING): FormMapping {
  const problems: string[] = [];
  if (!isRecord(input)) throw new Error('form mapping: expected a JSON object {appCd?, keyPartId?, kinds?}');
  const appCd = input.appCd ?? defaults.appCd;
  if (!Number.isSafeInteger(appCd) || Number(appCd) <= 0) problems.push(`appCd must be a positive integer, got ${JSON.stringify(input.appCd)}`);
  const keyPartId = input.keyPartId ?? defaults.keyPartId;
  if (typeof keyPartId !== 'string' || keyPartId === '') problems.push('keyPartId must be a part id');
  const kindsIn = input.kinds ?? {};
  if (!isRecord(kindsIn)) problems.push('kinds must be an object keyed by 稟議 type');
  const kinds = { ...defaults.kinds } as Record<RingiKind, RingiFormMapping>;
  for (const [kind, raw] of Object.entries(isRecord(kindsIn) ? kindsIn : {})) {
    if (!RINGI_KINDS.includes(kind as RingiKind)) {
      problems.push(`kinds.${kind}: unknown 稟議 type (types: ${RINGI_KINDS.join(', ')})`);
      continue;
    }
    if (!isRecord(raw)) {
      problems.push(`kinds.${kind}: expected {routeId?, parts?}`);
      continue;
    }
    const base = defaults.kinds[kind as RingiKind];
    const routeId = raw.routeId ?? base.routeId;
    if (!Number.isSafeInteger(routeId) || Number(routeId) <= 0) problems.push(`kinds.${kind}.routeId must be a positive integer`);
    const parts: Partial<Record<SssField, PartRef>> = { ...base.parts };
    for (const [field, ref] of Object.entries(isRecord(raw.parts) ? raw.parts : {})) {
      const where = `kinds.${kind}.parts.${field}`;
      if (!(field in SSS_FIELDS)) {
        problems.push(`${where}: SSS has no field "${field}" (fields: ${Object.keys(SSS_FIELDS).join(', ')})`);
        continue;
      }
      if (ref === null) {
        delete parts[field as SssField];
        continue;
      }
      // A bare string names the part and keeps SSS's own type for the field.
      const given = typeof ref === 'string' ? { partId: ref } : ref;
      if (!isRecord(given) || typeof given.partId !== 'string' || given.partId === '') {
        problems.push(`${where}: expected a part id or {partId, type}`);
        continue;
      }
      const type = given.type ?? SSS_FIELDS[field as SssField];
      if (!PART_TYPES.includes(type as PartType)) {
        problems.push(`${where}.type: "${String(type)}" is not one of ${PART_TYPES.join(', ')}`);
        continue;
      }
      parts[field as SssField] = { partId: given.partId, type: type as PartType };
    }
    if (raw.parts !== undefined && !isRecord(raw.parts)) problems.push(`kinds.${kind}.parts must be an object`);
    kinds[kind as RingiKind] = { routeId: Number(routeId), parts };
  }
  if (problems.length > 0) throw new Error(`form mapping:\n- ${problems.join('\n- ')}`);
  return { appCd: Number(appCd), keyPartId: String(keyPartId), kinds };
}
