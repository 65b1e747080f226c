/**
 * A customer's 振込手数料 tolerance for 入金消込 (docs/finance.md §Fee tolerance), in the finance stream of the
 * customer, `customerfinance-<companyId>`: how far short of an invoice a deposit may be and still be
 * suggested as paid less the payer's bank fee. Who set it and when are the event's metadata. Schema version 1.
 */
export type CustomerFinanceEvent = { type: 'FeeToleranceSet'; data: { readonly customerId: string; readonly tolerance: number } };
