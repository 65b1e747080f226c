/**
 * How far a rebuild is: events done, an estimate of the total, events/s and the time left. The
 * embedded event store's positions count events, so there the total is exact; EventStoreDB's are
 * byte offsets, so the events still to come are estimated from the events per position seen so far.
 */
export interface RebuildMeasure {
  readonly eventsDone: number;
  readonly eventsTotal: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds: number | null;
}

export interface RebuildSample {
  readonly eventsDone: number;
  /** Where the run started (its checkpoint when resumed) and where it is now. */
  readonly from: bigint;
  readonly position: bigint;
  readonly head: bigint;
  readonly elapsedMs: number;
}

export function measureRebuild(sample: RebuildSample): RebuildMeasure {
  const { eventsDone, from, position, head, elapsedMs } = sample;
  const covered = position - from;
  const perPosition = covered > 0n && eventsDone > 0 ? eventsDone / Number(covered) : 1;
  const remaining = head > position ? Math.round(Number(head - position) * perPosition) : 0;
  const eventsPerSecond = elapsedMs > 0 ? Math.round((eventsDone / elapsedMs) * 100_000) / 100 : 0;
  const etaSeconds = remaining === 0 ? 0 : eventsPerSecond > 0 ? Math.round((remaining / eventsPerSecond) * 10) / 10 : null;
  return { eventsDone, eventsTotal: eventsDone + remaining, eventsPerSecond, etaSeconds };
}

/** One line for the logs and the CLI: `companies v2: 1,200/5,000 件 (24%) 812 件/秒 残り 5 秒`. */
export function describeRebuild(name: string, version: number, m: RebuildMeasure): string {
  const percent = m.eventsTotal > 0 ? Math.floor((m.eventsDone / m.eventsTotal) * 100) : 100;
  const eta = m.etaSeconds === null ? '残り時間不明' : `残り ${Math.ceil(m.etaSeconds)} 秒`;
  return `${name} v${version}: ${m.eventsDone.toLocaleString('en-US')}/${m.eventsTotal.toLocaleString('en-US')} 件 (${percent}%) ${m.eventsPerSecond} 件/秒 ${eta}`;
}
