import { upcaster } from '../events/upcaster.ts';
import type { EventOfType } from '../events/registry.ts';
import type { InvoiceIssuer } from './issuer.ts';
import { UNSTATED_RECIPIENT } from './recipient.ts';

/**
 * An invoice issued before the issuer's address, phone and 振込先 were printed (InvoiceIssued
 * version 1) reads as version 2 with them 未設定 (null): that invoice did not state them, and the
 * settings of today are not what it said.
 */

type Issued = EventOfType<'InvoiceIssued'>['data'];
type IssuedV2 = Omit<Issued, 'invoice'> & { invoice: Omit<Issued['invoice'], 'recipientAddress'> };
type IssuedV1 = Omit<IssuedV2, 'invoice'> & { invoice: Omit<IssuedV2['invoice'], 'issuer'> & { issuer: Pick<InvoiceIssuer, 'name' | 'registrationNumber'> } };

export const salesUpcasters = [
  upcaster('InvoiceIssued', 1, (old: IssuedV1): IssuedV2 => ({ ...old, invoice: { ...old.invoice, issuer: { ...old.invoice.issuer, address: null, phone: null, bankAccount: null } } })),
  // Version 2 → 3: the customer's address and 送付先 were not printed then, so the invoice stated none (not today's master data).
  upcaster('InvoiceIssued', 2, (old: IssuedV2): Issued => ({ ...old, invoice: { ...old.invoice, recipientAddress: UNSTATED_RECIPIENT } })),
];
