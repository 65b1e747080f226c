import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import type { InvoiceNumberEvent } from '@sss/contracts/sales/events';
import { streams } from '@sss/contracts/streams/names';
import type { CommandContext } from '../kernel/command-handler.ts';

/**
 * 請求書番号: one counter stream, each number an event appended with the expected revision, so two
 * concurrent issues never get the same number and a number once taken is never handed out again
 * (an issue that fails after taking it leaves a gap, which an auditor can see in this stream).
 */
export const formatInvoiceNumber = (sequence: bigint) => `INV-${sequence.toString().padStart(6, '0')}`;

export async function allocateInvoiceNumber(store: EventStore, forStream: string, context: CommandContext): Promise<string> {
  await context.beforeAppend?.();
  for (let attempt = 0; attempt < 20; attempt++) {
    const [last] = await store.readStream(streams.invoiceNumber, { direction: 'backwards', maxCount: 1 });
    const revision = last ? last.revision : -1n;
    const invoiceNumber = formatInvoiceNumber(revision + 2n);
    try {
      const event: InvoiceNumberEvent = { type: 'InvoiceNumberAllocated', data: { invoiceNumber, forStream } };
      await store.append(streams.invoiceNumber, [{ ...event, metadata: { actor: context.actor, correlationId: context.correlationId } }], last ? last.revision : 'no_stream');
      return invoiceNumber;
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
    }
  }
  throw new Error('請求書番号の採番が混み合っています。');
}
