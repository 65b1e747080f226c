import { join } from 'node:path';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { openSqliteAuditIndex } from '@sss/read-side/audit/sqlite-audit-index';
import { AUDIT_INDEX_SUBSCRIBER, startAuditIndexer, type RunningAuditIndex } from '@sss/read-side/audit/audit-indexer';
import type { Log } from '@sss/contracts/ports/log';
import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import type { Settings } from './config.ts';

/**
 * The 監査 event index runs with the read side, in a SQLite file in the data directory whichever
 * read store serves the screens (docs/audit.md): deleting the file rebuilds it from the log.
 */
export const AUDIT_INDEX_FILE = 'audit-index.db';

export function startAuditIndex(settings: Settings, events: EventStore, log: Log, subscribers?: SubscriberRegistry): RunningAuditIndex {
  return startAuditIndexer(events, openSqliteAuditIndex(join(settings.dataDir, AUDIT_INDEX_FILE)), log, subscribers?.register(AUDIT_INDEX_SUBSCRIBER, 'projector'));
}
