import type { CommandAccepted } from '@sss/contracts/common';
import type { BankFileImported, ConfirmMatch, CsvMapping } from '@sss/contracts/finance/schemas';
import type { DepositPage, Suggestions, SuspenseQueue } from '@sss/contracts/finance/views';
import type { AccountingPeriods } from '@sss/contracts/finance/period-schemas';
import { command, queryString, request } from '../lib/http.ts';
import { advancePosition } from '../lib/position.ts';

/** 入金消込 (docs/finance.md): bank files, deposits and their suggestions, the 仮受金 queue. */

export async function importBankFile(body: { fileName: string; format: 'zengin' | 'csv'; content: string; csvMapping?: CsvMapping }, idempotencyKey: string): Promise<BankFileImported> {
  const answer = await request<BankFileImported>('POST', '/api/bank-files', { body, headers: { 'idempotency-key': idempotencyKey } });
  advancePosition(answer.position);
  return answer;
}

export const listDeposits = (status: string | undefined, signal?: AbortSignal) => request<DepositPage>('GET', `/api/deposits${queryString({ status, pageSize: 200 })}`, { signal });
export const getSuggestions = (depositId: string, signal?: AbortSignal) => request<Suggestions>('GET', `/api/deposits/${depositId}/suggestions`, { signal });
export const getSuspense = (signal?: AbortSignal) => request<SuspenseQueue>('GET', '/api/suspense-receipts', { signal });
export const confirmMatch = (depositId: string, body: ConfirmMatch, idempotencyKey: string): Promise<CommandAccepted> => command('POST', `/api/deposits/${depositId}/match`, body, { idempotencyKey });

/** 月次締め (docs/finance.md §Month-end close). */
export const listPeriods = (signal?: AbortSignal) => request<AccountingPeriods>('GET', '/api/accounting-periods', { signal });
export const closeMonth = (month: string, idempotencyKey: string): Promise<CommandAccepted> => command('POST', `/api/accounting-periods/${month}/close`, {}, { idempotencyKey });
export const reopenMonth = (month: string, reason: string, idempotencyKey: string): Promise<CommandAccepted> => command('POST', `/api/accounting-periods/${month}/reopen`, { reason }, { idempotencyKey });
export const setFeeTolerance = (customerId: string, tolerance: number, idempotencyKey: string): Promise<CommandAccepted> => command('PUT', `/api/companies/${customerId}/fee-tolerance`, { tolerance }, { idempotencyKey });
