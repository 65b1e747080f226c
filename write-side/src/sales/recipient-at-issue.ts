import type { EventStore } from '@sss/contracts/ports/event-store';
import type { CompanyEvent } from '@sss/contracts/company/events';
import type { ProjectEvent } from '@sss/contracts/project/events';
import { recipientAddressOf, type InvoiceRecipientAddress } from '@sss/contracts/sales/recipient';
import { streams } from '@sss/contracts/streams/names';
import { fold } from '../kernel/decider.ts';
import { loadStream } from '../kernel/command-handler.ts';
import { projectDecider } from '../project/decider.ts';
import { companyDecider } from '../company/decider.ts';

/**
 * The customer's 郵便番号・住所 and 請求書送付先 as its billing master data says at the moment of issue
 * (docs/billing.md): the month's project names the customer, the company stream holds the master data.
 * Frozen into the invoice, so a reprint after the company moves still shows where it was sent. A month
 * without a project stream (a plan derived by another system) or a customer without billing data gets
 * every field null: 未設定, never guessed.
 */
export async function recipientAtIssue(events: EventStore, projectId: string): Promise<InvoiceRecipientAddress> {
  const project = fold(projectDecider, (await loadStream<ProjectEvent>(events, streams.project(projectId))).domain);
  const customerId = project.basics?.customerCompanyId;
  if (!customerId) return recipientAddressOf(null);
  const company = fold(companyDecider, (await loadStream<CompanyEvent>(events, streams.company(customerId))).domain);
  return recipientAddressOf(company.details?.billing ?? null);
}
