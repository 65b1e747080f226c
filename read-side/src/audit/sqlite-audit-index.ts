import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isEventOf } from '@sss/contracts/events/registry';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import { categoryOf } from '@sss/contracts/streams/names';
import type { AuditCriteria, AuditIndex, IndexedEvent } from './audit-index.ts';
import { auditedData, indexedText } from './indexed-text.ts';

/**
 * The audit index in one SQLite file beside the data (docs/audit.md): a row per event with B-tree
 * indexes for each criterion, ordered by position, and an FTS5 trigram index over the free text, so
 * any substring of three or more characters (Japanese included, no word breaking needed) is an index
 * lookup; shorter text falls back to a scan. It lives on disk, not in the read store's memory, and is
 * rebuilt from the log by deleting the file. Positions are 64-bit integers here (safeIntegers).
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_events (
    position INTEGER PRIMARY KEY, occurred_at TEXT NOT NULL, actor TEXT NOT NULL, stream TEXT NOT NULL,
    category TEXT NOT NULL, entity_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
    data TEXT NOT NULL, text TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS audit_by_time ON audit_events (occurred_at);
  CREATE INDEX IF NOT EXISTS audit_by_actor ON audit_events (actor, position);
  CREATE INDEX IF NOT EXISTS audit_by_actor_time ON audit_events (actor, occurred_at);
  CREATE INDEX IF NOT EXISTS audit_by_type_time ON audit_events (type, occurred_at);
  CREATE INDEX IF NOT EXISTS audit_by_entity ON audit_events (category, entity_id, position);
  CREATE INDEX IF NOT EXISTS audit_by_type ON audit_events (type, position);
  CREATE VIRTUAL TABLE IF NOT EXISTS audit_text USING fts5(text, content='audit_events', content_rowid='position', tokenize='trigram');
  CREATE TABLE IF NOT EXISTS audit_actors (actor TEXT PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS audit_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
`;

interface Row {
  position: bigint;
  occurred_at: string;
  actor: string;
  actor_name: string | null;
  stream: string;
  category: string;
  entity_id: string;
  revision: bigint;
  type: string;
  data: string;
}

/** FTS5 phrase syntax: the whole input as one quoted phrase, so operators typed by a person are plain text. */
const phrase = (text: string) => `"${text.replaceAll('"', '""')}"`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function openSqliteAuditIndex(file: string): AuditIndex {
  // Owner-only from the start, like every data file: SQLite gives the -wal and -shm files the mode of the database file.
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT OR IGNORE INTO audit_events (position, occurred_at, actor, stream, category, entity_id, revision, type, data, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertText = db.prepare('INSERT INTO audit_text (rowid, text) VALUES (?, ?)');
  const nameActor = db.prepare('INSERT INTO audit_actors (actor, name) VALUES (?, ?) ON CONFLICT (actor) DO UPDATE SET name = excluded.name');
  const saveCheckpoint = db.prepare('INSERT INTO audit_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position');
  const readCheckpoint = db.prepare('SELECT position FROM audit_checkpoint WHERE id = 1').safeIntegers(true);

  const addBatch = db.transaction((events: readonly RecordedEvent[]) => {
    for (const event of events) {
      const category = categoryOf(event.streamName);
      const entityId = event.streamName.slice(category.length + 1);
      const text = indexedText(event);
      const occurredAt = new Date(event.metadata.occurredAt).toISOString();
      const added = insert.run(event.position, occurredAt, event.metadata.actor, event.streamName, category, entityId, event.revision, event.type, JSON.stringify(auditedData(event.data)), text);
      if (added.changes) insertText.run(event.position, text);
      if (isEventOf(event, ['UserRegistered'])) nameActor.run(event.data.userId, event.data.name);
    }
    if (events.length) saveCheckpoint.run(events[events.length - 1]!.position);
  });

  return {
    add: (events) => addBatch(events),
    checkpoint: () => (readCheckpoint.get() as { position: bigint } | undefined)?.position ?? 0n,
    search(criteria: AuditCriteria, page) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        where.push(sql);
        params.push(value);
      };
      if (criteria.fromInstant) add('e.occurred_at >= ?', criteria.fromInstant);
      if (criteria.toInstant) add('e.occurred_at <= ?', criteria.toInstant);
      if (criteria.toPosition !== undefined) add('e.position <= ?', criteria.toPosition);
      if (criteria.actor) add('e.actor = ?', criteria.actor);
      if (criteria.category) add('e.category = ?', criteria.category);
      if (criteria.entityId) add('e.entity_id = ?', criteria.entityId);
      if (criteria.type) add('e.type = ?', criteria.type);
      const text = criteria.text?.trim();
      // The trigram index needs three characters; a shorter text is a scan, correct but slower. When
      // an actor or an entity already narrows the rows to a few, checking those rows' text beats
      // listing every event a common word appears in.
      const narrowed = !!(criteria.actor || criteria.entityId);
      if (text && [...text].length >= 3 && !narrowed) add('e.position IN (SELECT rowid FROM audit_text WHERE audit_text MATCH ?)', phrase(text));
      else if (text) add("e.text LIKE ? ESCAPE '\\'", likePattern(text));
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = Number((db.prepare(`SELECT count(*) AS n FROM audit_events e ${clause}`).get(...params) as { n: number }).n);
      const rows = db
        .prepare(`SELECT e.position, e.occurred_at, e.actor, a.name AS actor_name, e.stream, e.category, e.entity_id, e.revision, e.type, e.data FROM audit_events e LEFT JOIN audit_actors a ON a.actor = e.actor ${clause} ORDER BY e.position DESC LIMIT ? OFFSET ?`)
        .safeIntegers(true)
        .all(...params, page.limit, page.skip) as Row[];
      const items: IndexedEvent[] = rows.map((r) => ({
        position: r.position, occurredAt: r.occurred_at, actor: r.actor, actorName: r.actor_name ?? r.actor, streamName: r.stream,
        category: r.category, entityId: r.entity_id, revision: r.revision, type: r.type, data: JSON.parse(r.data) as unknown,
      }));
      return { items, total };
    },
    close: () => db.close(),
  };
}
