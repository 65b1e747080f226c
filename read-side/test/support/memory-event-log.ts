import { Observable } from 'rxjs';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';

/**
 * A minimal in-memory event log for read-side tests: the read side only needs readAll,
 * subscribeAll and headPosition of the port (the write side's adapters have their own suite).
 */
export function memoryEventLog(): EventStore & { push(stream: string, type: string, data: unknown): RecordedEvent } {
  const events: RecordedEvent[] = [];
  const revisions = new Map<string, bigint>();
  const listeners = new Set<() => void>();
  const after = (position: bigint) => events.filter((e) => e.position > position);
  return {
    push(stream, type, data) {
      const revision = (revisions.get(stream) ?? -1n) + 1n;
      revisions.set(stream, revision);
      const event: RecordedEvent = {
        streamName: stream, revision, position: BigInt(events.length + 1), type, data,
        metadata: { eventId: `e${events.length + 1}`, occurredAt: new Date(0).toISOString(), actor: 'test', correlationId: 'c', causationId: null, schemaVersion: 1, prevHash: '', hash: '' },
      };
      events.push(event);
      for (const wake of listeners) wake();
      return event;
    },
    async append() {
      throw new Error('read-side tests push events directly');
    },
    async readStream(stream) {
      return events.filter((e) => e.streamName === stream);
    },
    async readAll(options = {}) {
      return after(options.after ?? 0n).slice(0, options.maxCount ?? 500);
    },
    subscribeAll(from) {
      return new Observable<RecordedEvent>((subscriber) => {
        let last = from;
        const drain = () => {
          for (const event of after(last)) {
            subscriber.next(event);
            last = event.position;
          }
        };
        listeners.add(drain);
        queueMicrotask(drain);
        return () => listeners.delete(drain);
      });
    },
    async headPosition() {
      return BigInt(events.length);
    },
    async close() {},
  };
}
