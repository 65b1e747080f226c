import type { RecordedEvent } from '@sss/contracts/ports/event-store';

/**
 * What free text finds an event by: its type, stream and actor, and every string and number in its
 * data (names, 案件番号, amounts, dates), keys left out so a search for "name" finds no one.
 * Secrets never reach the index: a password hash is not something anyone searches for.
 */
const NEVER_INDEXED = new Set(['passwordHash']);
const MAX_TEXT = 8_000;

export function indexedText(event: RecordedEvent): string {
  const parts: string[] = [event.type, event.streamName, event.metadata.actor];
  const walk = (value: unknown, key: string) => {
    if (NEVER_INDEXED.has(key)) return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') parts.push(String(value));
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(event.data, '');
  return parts.join(' ').slice(0, MAX_TEXT);
}

/** The data as shown to auditors: everything recorded except secrets. */
export function auditedData(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(auditedData);
  if (data && typeof data === 'object') return Object.fromEntries(Object.entries(data).filter(([k]) => !NEVER_INDEXED.has(k)).map(([k, v]) => [k, auditedData(v)]));
  return data;
}
