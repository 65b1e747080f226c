import type { Doc } from '@sss/contracts/ports/read-store';
import { normalisePayerName } from '@sss/contracts/finance/payer-name';
import { defineProjection, type DocChange, type Projection } from '../projector/projection.ts';

/**
 * 入金消込's read models (docs/finance.md): one document per deposit (what is applied, refunded and
 * left as 仮受金), the customers' 読み normalised for matching, payer names learned from confirmations
 * and the fees each customer deducted before. Open invoices are the sales projection's `invoices`.
 */

export const DEPOSITS = 'deposits';
export const FINANCE_CUSTOMERS = 'finance_customers';
export const PAYER_NAMES = 'payer_names';

const statusOf = (amount: number, applied: number, refunded: number) => (applied + refunded === 0 ? 'unmatched' : applied + refunded < amount ? 'partial' : refunded > 0 && applied === 0 ? 'refunded' : 'matched');

export const financeProjection: Projection = defineProjection({
  name: 'finance',
  version: 1,
  collections: {
    [DEPOSITS]: [{ keys: { status: 1, valueDate: 1 } }, { keys: { unapplied: 1 } }],
    [FINANCE_CUSTOMERS]: [],
    [PAYER_NAMES]: [{ keys: { payerKey: 1 } }],
  },
  canHandle: ['CompanyRegistered', 'CompanyEdited', 'DepositImported', 'DepositMatched', 'DepositRefunded', 'FeeToleranceSet'],

  async project(event, docs): Promise<DocChange[]> {
    const revision = event.revision.toString();
    switch (event.type) {
      case 'CompanyRegistered':
      case 'CompanyEdited': {
        const { companyId, name, kana, code } = event.data;
        const current = await docs.get(FINANCE_CUSTOMERS, companyId);
        return [{ op: 'put', collection: FINANCE_CUSTOMERS, doc: { knownFees: [], ...current, _id: companyId, name, kana, code, kanaKey: normalisePayerName(kana).key } }];
      }
      case 'DepositImported': {
        const { raw: _raw, ...d } = event.data;
        return [{ op: 'put', collection: DEPOSITS, doc: { _id: d.depositId, ...d, payerKey: normalisePayerName(d.payerName).key, status: 'unmatched', applied: 0, refunded: 0, unapplied: d.amount, customerId: null, customerName: '', matches: [], revision } }];
      }
      case 'DepositMatched': {
        const deposit = await docs.get(DEPOSITS, event.data.depositId);
        if (!deposit) return [];
        const { customerId, payerKey, allocations, differenceAs, reasons } = event.data;
        const customer = await docs.get(FINANCE_CUSTOMERS, customerId);
        const applied = (deposit.applied as number) + allocations.reduce((t, a) => t + a.amount, 0);
        const refunded = deposit.refunded as number;
        const amount = deposit.amount as number;
        const changes: DocChange[] = [{
          op: 'put', collection: DEPOSITS,
          doc: { ...deposit, applied, unapplied: amount - applied - refunded, status: statusOf(amount, applied, refunded), customerId, customerName: (customer?.name as string | undefined) ?? '', matches: [...(deposit.matches as unknown[]), { allocations, differenceAs, reasons, at: event.metadata.occurredAt, by: event.metadata.actor }], revision },
        }];
        // What finance confirmed teaches the next match: this payer name is this customer, this fee is theirs.
        if (payerKey) {
          const id = `${payerKey}|${customerId}`;
          const learned: Doc | null = await docs.get(PAYER_NAMES, id);
          changes.push({ op: 'put', collection: PAYER_NAMES, doc: { _id: id, payerKey, customerId, times: ((learned?.times as number | undefined) ?? 0) + 1 } });
        }
        const fees = allocations.filter((a) => a.difference > 0 && differenceAs === 'bank_fee').map((a) => a.difference);
        if (customer && fees.length) changes.push({ op: 'put', collection: FINANCE_CUSTOMERS, doc: { ...customer, knownFees: [...new Set([...(customer.knownFees as number[]), ...fees])].slice(-10) } });
        return changes;
      }
      case 'DepositRefunded': {
        const deposit = await docs.get(DEPOSITS, event.data.depositId);
        if (!deposit) return [];
        const refunded = (deposit.refunded as number) + event.data.amount;
        const applied = deposit.applied as number;
        const amount = deposit.amount as number;
        return [{ op: 'put', collection: DEPOSITS, doc: { ...deposit, refunded, unapplied: amount - applied - refunded, status: statusOf(amount, applied, refunded), revision, refunds: [...((deposit.refunds as unknown[] | undefined) ?? []), event.data] } }];
      }
      case 'FeeToleranceSet': {
        // The company is registered first (the command checks), so its document is here; the tolerance joins it.
        const customer = await docs.get(FINANCE_CUSTOMERS, event.data.customerId);
        if (!customer) return [];
        return [{ op: 'put', collection: FINANCE_CUSTOMERS, doc: { ...customer, feeTolerance: event.data.tolerance } }];
      }
    }
  },
});
