import { formatYen } from '@sss/contracts/domain/money';
import { formatDateTimeJst } from '@sss/contracts/domain/dates';
import type { HistoryChange, HistoryRef } from '@sss/contracts/common';
import { HIDDEN_FIELDS, SECRET_FIELDS, YEN_FIELDS, type Label, type LabelTable } from './field-labels.ts';
import type { CodeTable } from './code-labels.ts';
import { KEYED_BY, type ReferenceTable } from './references.ts';
import { refKey, type Names, type Ref } from './name-resolver.ts';

/** An aggregate's words: its field labels, the words for the codes its fields take, and which fields point at other records. */
export interface Vocabulary {
  readonly fields: LabelTable;
  readonly codes: CodeTable;
  readonly references: ReferenceTable;
}

/**
 * Field-level before → after of any aggregate: both states are flattened to leaf paths and the
 * leaves that differ are the changes. Lists of records are keyed by their identity (明細 by
 * resourceNo, 見積 by version, …) so removing one row is one change, not a shift of every later row.
 */

type Leaf = string | number | boolean | null | readonly (string | number | boolean | null)[];

const IDENTITY_KEYS = ['resourceNo', 'version', 'changeId', 'unitId', 'lineNo', 'month', 'step', 'id'] as const;
const MAX_DEPTH = 8;

function identityOf(item: unknown, index: number): string {
  if (item && typeof item === 'object') {
    for (const key of IDENTITY_KEYS) {
      const value = (item as Record<string, unknown>)[key];
      if (typeof value === 'string' || typeof value === 'number') return `#${value}`;
    }
  }
  return `#${index + 1}`;
}

function flatten(value: unknown, path: string[], into: Map<string, { path: string[]; value: Leaf }>, depth = 0): void {
  const put = (leaf: Leaf): void => {
    into.set(path.join('.'), { path, value: leaf });
  };
  if (value === null || value === undefined) return put(null);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return put(value);
  if (typeof value === 'bigint') return put(value.toString());
  if (depth >= MAX_DEPTH) return put(JSON.stringify(value));
  if (value instanceof Map) return flatten(Object.fromEntries(value), path, into, depth);
  if (value instanceof Set) return flatten([...value], path, into, depth);
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) return put(value.length === 0 ? null : (value as (string | number | boolean | null)[]));
    value.forEach((item, index) => flatten(item, [...path, identityOf(item, index)], into, depth + 1));
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => !HIDDEN_FIELDS.has(key));
  if (entries.length === 0) return put(null);
  for (const [key, child] of entries) flatten(child, [...path, key], into, depth + 1);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The field a value belongs to: the last segment that is a field name (not a row, month or id). */
function fieldOf(path: readonly string[], fields: LabelTable): string {
  for (let i = path.length - 1; i >= 0; i--) if (fields[path[i]!]) return path[i]!;
  return path[path.length - 1] ?? '';
}

/** One value in words, Japanese and English: codes by their words, yen as yen, instants in Japanese time. */
function formatScalar(field: string, value: string | number | boolean | null, vocabulary: Vocabulary): Label | null {
  if (value === null || value === '') return null;
  const code = typeof value === 'string' ? vocabulary.codes[field]?.[value] : undefined;
  if (code) return code;
  if (typeof value === 'number' && YEN_FIELDS.has(field)) return [formatYen(value), formatYen(value)];
  if (typeof value === 'number' && field === 'taxRate') return [`${value}%`, `${value}%`];
  if (typeof value === 'boolean') return value ? ['✓', '✓'] : ['×', '×'];
  if (typeof value === 'string' && INSTANT.test(value)) {
    const jst = formatDateTimeJst(new Date(value)).slice(0, 16).replace('T', ' ');
    return [jst, `${jst} JST`];
  }
  return [String(value), String(value)];
}

/** The ids a leaf holds when its field is a reference (one id, or a list of them). */
function idsOf(value: Leaf): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

/** A record that could not be found stays recognisable by its id; that is the one place an id is shown as the value. */
const unknownRef = (ref: Ref): HistoryRef => ({ kind: ref.kind, id: ref.id, name: { ja: `不明（${ref.id}）`, en: `Unknown (${ref.id})` } });

function formatLeaf(path: readonly string[], value: Leaf, vocabulary: Vocabulary, names: Names): { label: Label | null; refs?: HistoryRef[] } {
  if (value === null || value === '') return { label: null };
  const field = fieldOf(path, vocabulary.fields);
  if (SECRET_FIELDS.has(path[path.length - 1] ?? '')) return { label: ['••••••', '••••••'] };
  const kind = vocabulary.references[field];
  if (kind) {
    const refs = idsOf(value).map((id) => names.get(refKey(kind, id)) ?? unknownRef({ kind, id }));
    if (refs.length > 0) return { label: [refs.map((r) => r.name.ja).join('、'), refs.map((r) => r.name.en).join(', ')], refs };
  }
  if (!Array.isArray(value)) return { label: formatScalar(field, value as string | number | boolean, vocabulary) };
  const items = (value as readonly (string | number | boolean | null)[]).map((item) => formatScalar(field, item, vocabulary)).filter((item): item is Label => item !== null);
  return { label: items.length === 0 ? null : [items.map((i) => i[0]).join('、'), items.map((i) => i[1]).join(', ')] };
}

/**
 * A path in words, segment by segment; a segment is looked up with its parent first
 * (`basics.name` → 案件名, `leader.name` → 氏名) and then alone. Rows (`#3`), months and keys
 * that are not field names stay as they are.
 */
function labelOf(path: readonly string[], table: LabelTable, names: Names): { ja: string; en: string } {
  const words = path.map((segment, i) => {
    const keyedBy = i > 0 ? KEYED_BY[path[i - 1]!] : undefined;
    if (keyedBy) {
      const ref = names.get(refKey(keyedBy, segment)) ?? unknownRef({ kind: keyedBy, id: segment });
      return ref.name;
    }
    const label = (i > 0 ? table[`${path[i - 1]}.${segment}`] : undefined) ?? table[segment];
    return label ? { ja: label[0], en: label[1] } : { ja: segment, en: segment };
  });
  return { ja: words.map((w) => w.ja).join(' '), en: words.map((w) => w.en).join(' ') };
}

type Pair = { path: string[]; was: Leaf; is: Leaf };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set);
const isRecordList = (value: unknown): value is unknown[] => Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null);
const plain = (value: unknown): unknown => (value instanceof Map ? Object.fromEntries(value) : value instanceof Set ? [...value] : value);

/**
 * Walks both states together and skips every subtree the fold left untouched (`evolve` shares
 * unchanged parts by reference), so a history costs what changed, not the aggregate's size per event.
 */
function walk(before: unknown, after: unknown, path: string[], out: Map<string, Pair>, depth: number): void {
  if (before === after) return;
  const b = plain(before);
  const a = plain(after);
  if (depth < MAX_DEPTH && isRecord(b) && isRecord(a)) {
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (!HIDDEN_FIELDS.has(key)) walk(b[key], a[key], [...path, key], out, depth + 1);
    }
    return;
  }
  if (depth < MAX_DEPTH && isRecordList(b) && isRecordList(a)) {
    const was = new Map(b.map((item, index) => [identityOf(item, index), item] as const));
    const is = new Map(a.map((item, index) => [identityOf(item, index), item] as const));
    for (const id of new Set([...was.keys(), ...is.keys()])) walk(was.get(id), is.get(id), [...path, id], out, depth + 1);
    return;
  }
  const was = new Map<string, { path: string[]; value: Leaf }>();
  const is = new Map<string, { path: string[]; value: Leaf }>();
  flatten(b, path, was, depth);
  flatten(a, path, is, depth);
  for (const key of new Set([...was.keys(), ...is.keys()])) {
    out.set(key, { path: (is.get(key) ?? was.get(key))!.path, was: was.get(key)?.value ?? null, is: is.get(key)?.value ?? null });
  }
}

/** One field that differs between two states, not yet in words (its references not yet named). */
export interface RawChange {
  readonly key: string;
  readonly path: readonly string[];
  readonly was: Leaf;
  readonly is: Leaf;
}

/** The fields that differ between two states of one aggregate. */
export function diffStates(before: unknown, after: unknown): RawChange[] {
  const pairs = new Map<string, Pair>();
  walk(before, after, [], pairs, 0);
  return [...pairs].filter(([, { path }]) => path.length > 0).map(([key, { path, was, is }]) => ({ key, path, was, is }));
}

/** The records the changes point at — by a reference field's value or by a key (`approvalOutcomes.<稟議 id>`) — to be named in one go. */
export function referencesIn(changes: readonly RawChange[], vocabulary: Vocabulary): Ref[] {
  const refs: Ref[] = [];
  for (const { path, was, is } of changes) {
    path.forEach((segment, i) => {
      const keyedBy = i > 0 ? KEYED_BY[path[i - 1]!] : undefined;
      if (keyedBy) refs.push({ kind: keyedBy, id: segment });
    });
    const kind = vocabulary.references[fieldOf(path, vocabulary.fields)];
    if (kind) for (const id of [...idsOf(was), ...idsOf(is)]) refs.push({ kind, id });
  }
  return refs;
}

/** The changes in the aggregate's words, references by the names given (see `name-resolver.ts`). */
export function describeChanges(raw: readonly RawChange[], vocabulary: Vocabulary, names: Names = new Map()): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const { key, path, was, is } of raw) {
    const previous = formatLeaf(path, was, vocabulary, names);
    const next = formatLeaf(path, is, vocabulary, names);
    const secretChanged = SECRET_FIELDS.has(path[path.length - 1]!) && JSON.stringify(was) !== JSON.stringify(is);
    if (previous.label?.[0] === next.label?.[0] && previous.label?.[1] === next.label?.[1] && !secretChanged) continue;
    changes.push({
      field: key,
      label: labelOf(path, vocabulary.fields, names),
      before: previous.label?.[0] ?? null,
      after: next.label?.[0] ?? null,
      beforeEn: previous.label?.[1] ?? null,
      afterEn: next.label?.[1] ?? null,
      ...(previous.refs ? { beforeRefs: previous.refs } : {}),
      ...(next.refs ? { afterRefs: next.refs } : {}),
    });
  }
  return changes;
}

/** The fields that differ between two states of one aggregate, in its words. */
export function stateChanges(before: unknown, after: unknown, vocabulary: Vocabulary, names: Names = new Map()): HistoryChange[] {
  return describeChanges(diffStates(before, after), vocabulary, names);
}
