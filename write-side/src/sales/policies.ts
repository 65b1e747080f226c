import type { EventStore } from '@sss/contracts/ports/event-store';
import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import type { ParkingLots } from '../ops/parking-lot.ts';
import { startSalesPlanPolicy } from './sales-plan-policy.ts';
import { startProjectStatusPolicy } from './project-status-policy.ts';
import { startDepositSettlementPolicy } from '../finance/deposit-settlement-policy.ts';

/** The sales context's event-to-command policies (with 入金消込's settlement of matched deposits), started and stopped together by a composition root. */
export function startSalesPolicies(options: { events: EventStore; log?: (message: string, error?: unknown) => void; subscribers?: SubscriberRegistry; parking?: ParkingLots }): { stop(): Promise<void> } {
  const running = [startSalesPlanPolicy(options), startProjectStatusPolicy(options), startDepositSettlementPolicy(options)];
  return {
    async stop() {
      for (const policy of running) await policy.stop();
    },
  };
}
