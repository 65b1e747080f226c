import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { HistoryVerification } from '@sss/contracts/common';
import type { LedgerVerifiedData } from '@sss/contracts/audit/ledger';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';

/**
 * Each event's verification state, from two sources: its stream's hash chain, checked on this very
 * read, and the last whole-store verification (`LedgerVerified`), which proves events up to its last
 * signed checkpoint. A history read never walks the whole log itself: that is the verifier's job.
 */
export interface StreamVerdict {
  /** First revision whose stream chain fails, or where the stream's recorded end says events are missing. */
  readonly brokenAt?: bigint;
  readonly missingFrom?: bigint;
}

export async function latestLedgerVerification(store: EventStore): Promise<LedgerVerifiedData | null> {
  const [last] = await store.readStream(streams.ledgerAudit, { direction: 'backwards', maxCount: 1 });
  return last && isEventOf(last, ['LedgerVerified']) ? last.data : null;
}

export function verificationOf(event: RecordedEvent, stream: StreamVerdict, ledger: LedgerVerifiedData | null, isLast: boolean): HistoryVerification {
  if (stream.brokenAt !== undefined && event.revision >= stream.brokenAt) {
    return { state: 'broken', detail: { ja: `この記録のハッシュチェーンがリビジョン ${stream.brokenAt} で途切れています（改ざんまたは欠落）。`, en: `The stream's hash chain breaks at revision ${stream.brokenAt} (tampered or missing).` } };
  }
  if (isLast && stream.missingFrom !== undefined) {
    return { state: 'broken', detail: { ja: `リビジョン ${stream.missingFrom} 以降のイベントが記録から失われています（削除）。`, en: `Events from revision ${stream.missingFrom} on are missing from the store (deleted).` } };
  }
  if (ledger && !ledger.intact) {
    const at = ledger.firstBreak?.position;
    if (at === null || at === undefined || BigInt(at) <= event.position) {
      return { state: 'broken', detail: { ja: `全体検証（${ledger.finishedAt}）で${at ? `位置 ${at} に` : ''}改ざん・欠落を検出: ${ledger.firstBreak?.detail ?? ''}`, en: `The whole-store verification of ${ledger.finishedAt} found a break${at ? ` at position ${at}` : ''}: ${ledger.firstBreak?.detail ?? ''}` } };
    }
  }
  const checkpoint = ledger?.lastCheckpoint;
  if (ledger && checkpoint && event.position <= BigInt(checkpoint.position)) {
    return { state: 'verified', detail: { ja: `署名付きチェックポイント（${checkpoint.signedAt}）までの全体検証（${ledger.finishedAt}）で改ざんなし。`, en: `Intact in the whole-store verification of ${ledger.finishedAt}, up to the checkpoint signed at ${checkpoint.signedAt}.` } };
  }
  return { state: 'unanchored', detail: { ja: 'ハッシュチェーンは正常ですが、まだ署名付きチェックポイントで検証されていません。', en: 'The stream chain verifies, but no signed checkpoint covers this event yet.' } };
}
