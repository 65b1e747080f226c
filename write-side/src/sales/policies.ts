import type { EventStore } from '@sss/contracts/ports/event-store';
import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import type { ParkingLots } from '../ops/parking-lot.ts';
import { startSalesPlanPolicy } from './sales-plan-policy.ts';
import { startProjectStatusPolicy } from './project-status-policy.ts';

/** The sales context's event-to-command policies, started and stopped together by a composition root. */
export function startSalesPolicies(options: { events: EventStore; log?: (message: string, error?: unknown) => void; subscribers?: SubscriberRegistry; parking?: ParkingLots }): { stop(): Promise<void> } {
  const running = [startSalesPlanPolicy(options), startProjectStatusPolicy(options)];
  return {
    async stop() {
      for (const policy of running) await policy.stop();
    },
  };
}
