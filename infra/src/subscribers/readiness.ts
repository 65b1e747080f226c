import type { SubscriberKind, SubscriberState, SubscriberStatus } from '@sss/contracts/ports/subscribers';

/**
 * What `/readyz` holds against a subscriber: stalled, failing, or further behind than an operator
 * accepts (READY_MAX_LAG_SECONDS). A load balancer then stops sending reads to an instance whose
 * read models would answer with stale data or `503 read_model_lagging`.
 */
export interface NotReady {
  readonly name: string;
  readonly kind: SubscriberKind;
  readonly state: SubscriberState;
  readonly reason: string;
}

export function notReady(statuses: readonly SubscriberStatus[], maxLagSeconds: number): NotReady[] {
  return statuses.flatMap((s): NotReady[] => {
    // A follower does not move by design: its leader, on another instance, answers for the lag.
    if (s.role === 'follower') return [];
    // A rebuild runs beside the serving generation, which answers meanwhile (docs/rebuilds.md).
    if (s.kind === 'rebuild') return [];
    const at = { name: s.name, kind: s.kind, state: s.state };
    if (s.state === 'failed') return [{ ...at, reason: `処理に失敗し、再試行しています: ${s.lastError?.message ?? '不明なエラー'}` }];
    if (s.state === 'stalled') return [{ ...at, reason: `${s.lagEvents} 件遅れたまま進んでいません（最古の未処理イベントは ${s.lagSeconds} 秒前）` }];
    if (s.lagSeconds !== null && s.lagSeconds > maxLagSeconds) return [{ ...at, reason: `${s.lagSeconds} 秒遅れています（上限 ${maxLagSeconds} 秒）` }];
    return [];
  });
}
