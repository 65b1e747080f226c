import { SimError } from './errors.ts';
import type { PartValue, SimForm, SimPart, Tenant } from './model.ts';

/**
 * Form part values: checking what a caller sends against the route's form, merging updates the way
 * the product does (omitted parts keep their value; in a table `{}` keeps a row, a missing row is
 * deleted), and the read-back shape of `/contents` and webhooks.
 */

type Row = Record<string, string | number>;

const MAX_TEXT = 999;
const MAX_TEXTAREA = 2000;

function checkScalar(tenant: Tenant, p: SimPart, value: unknown): string | number {
  switch (p.type) {
    case 'number':
    case 'money': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new SimError(400, `「${p.name}」には数値を入力してください。`);
      return n;
    }
    case 'date': {
      const s = String(value);
      if (!/^\d{4}-\d{2}-\d{2}/.test(s) || Number.isNaN(Date.parse(s.slice(0, 10)))) {
        throw new SimError(400, `「${p.name}」の日付の形式が不正です。`);
      }
      return s.slice(0, 10); // ISO 8601 accepted, only the date is kept
    }
    case 'attachment': {
      const s = String(value);
      if (s !== '' && !tenant.files.has(s)) throw new SimError(400, `「${p.name}」の添付ファイルが見つかりません。`);
      return s;
    }
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string' && typeof value !== 'number') throw new SimError(400, `「${p.name}」の値が不正です。`);
      const s = String(value);
      if (s.length > (p.type === 'text' ? MAX_TEXT : MAX_TEXTAREA)) throw new SimError(400, `「${p.name}」が長すぎます。`);
      return s;
    }
  }
}

function checkRow(tenant: Tenant, parts: readonly SimPart[], table: string, row: unknown): Row {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new SimError(400, `テーブル「${table}」の行が不正です。`);
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const p = parts.find((x) => x.id === key);
    if (!p) throw new SimError(400, `パーツID「${key}」はテーブル「${table}」に存在しません。`);
    out[key] = checkScalar(tenant, p, value);
  }
  return out;
}

/** Validates `update` and returns the merged values; throws 400 with the product's kind of message. */
export function mergeValues(
  tenant: Tenant,
  form: SimForm,
  current: Readonly<Record<string, PartValue>>,
  update: unknown,
): Record<string, PartValue> {
  if (update === undefined || update === null) return { ...current };
  if (typeof update !== 'object' || Array.isArray(update)) throw new SimError(400, 'documentの形式が不正です。');
  const merged: Record<string, PartValue> = { ...current };
  for (const [key, value] of Object.entries(update)) {
    const tableParts = form.tables[key];
    if (tableParts) {
      if (!Array.isArray(value)) throw new SimError(400, `テーブル「${key}」は配列で指定してください。`);
      const before = Array.isArray(current[key]) ? (current[key] as Row[]) : [];
      merged[key] = value.map((row: unknown, i) => {
        const checked = checkRow(tenant, tableParts, key, row);
        return { ...(before[i] ?? {}), ...checked };
      });
      continue;
    }
    const p = form.parts.find((x) => x.id === key);
    if (!p) throw new SimError(400, `パーツID「${key}」は存在しません。`);
    merged[key] = checkScalar(tenant, p, value);
  }
  const attachments = form.parts.filter((p) => p.type === 'attachment').map((p) => merged[p.id]).filter((v) => v !== undefined && v !== '');
  if (new Set(attachments).size !== attachments.length) throw new SimError(400, '同じファイルを複数の添付パーツに指定することはできません。');
  return merged;
}

/** Required-part check, skipped for drafts, reject, remand and takeback (as the product does). */
export function checkRequired(form: SimForm, values: Readonly<Record<string, PartValue>>): void {
  const missing = form.parts.filter((p) => p.required && (values[p.id] === undefined || values[p.id] === ''));
  if (missing.length > 0) throw new SimError(400, ...missing.map((p) => `「${p.name}」は必須項目です。`));
}

function label(p: SimPart, value: string | number, tenant: Tenant): string {
  if ((p.type === 'money' || p.type === 'number') && typeof value === 'number') return value.toLocaleString('ja-JP');
  if (p.type === 'attachment') return tenant.files.get(String(value))?.name ?? '';
  return String(value);
}

function readBackPart(tenant: Tenant, p: SimPart, value: string | number | undefined, fileLink: (id: string) => string) {
  const v = value ?? '';
  // An attachment's value is its file id; the file name is only its label.
  const base = { type: p.type, value: String(v), label: label(p, v, tenant), display: true, writable: true };
  return p.type === 'attachment' && v !== '' ? { ...base, link: fileLink(String(v)) } : base;
}

/** `{partId: {type, value, label, display, writable}}`; tables as rows with `index` from 1. */
export function readBack(tenant: Tenant, form: SimForm, values: Readonly<Record<string, PartValue>>, fileLink: (id: string) => string) {
  const out: Record<string, unknown> = {};
  for (const p of form.parts) out[p.id] = readBackPart(tenant, p, values[p.id] as string | number | undefined, fileLink);
  for (const [table, parts] of Object.entries(form.tables)) {
    const rows = Array.isArray(values[table]) ? (values[table] as Row[]) : [];
    out[table] = rows.map((row, i) => {
      const r: Record<string, unknown> = { index: i + 1 };
      for (const p of parts) r[p.id] = readBackPart(tenant, p, row[p.id], fileLink);
      return r;
    });
  }
  return out;
}
