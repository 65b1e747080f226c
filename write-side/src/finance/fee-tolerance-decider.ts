import type { CustomerFinanceEvent } from '@sss/contracts/finance/fee-tolerance-events';
import type { Decider } from '../kernel/decider.ts';

/**
 * 経理's settings of one customer (`customerfinance-<companyId>`, docs/finance.md §Fee tolerance). Setting the
 * tolerance it already has records nothing: the log holds changes, not repeated clicks.
 */
export type CustomerFinanceCommand = { type: 'SetFeeTolerance'; customerId: string; tolerance: number };

export interface CustomerFinanceState {
  readonly feeTolerance: number | null;
}

export const customerFinanceDecider: Decider<CustomerFinanceCommand, CustomerFinanceEvent, CustomerFinanceState> = {
  initialState: { feeTolerance: null },
  decide: (command, state) => (state.feeTolerance === command.tolerance ? [] : [{ type: 'FeeToleranceSet', data: { customerId: command.customerId, tolerance: command.tolerance } }]),
  evolve: (_state, event) => ({ feeTolerance: event.data.tolerance }),
};
