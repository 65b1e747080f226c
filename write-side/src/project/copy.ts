import type { ProjectEvent } from '@sss/contracts/project/events';
import type { CommandMeta } from './commands.ts';
import type { ProjectState } from './state.ts';

/**
 * コピー: a new project that starts where an existing one stands today. A copy is a new deal, so:
 * - copied: basic attributes (name gets 「（コピー）」 unless a new one is given), every 月毎明細 row
 *   with its cost, price and effort map (renumbered from 1, in display order), and the billing
 *   terms (締め日・支払サイト・支払日・詳細);
 * - not copied: the number (a new one is allocated), status and its history (back to 提案検討中),
 *   稟議 and their outcomes, open sales months, estimates and orders (other streams), and the
 *   billing lines — their dates and amounts belong to the source's own deliveries.
 */
export function copyEvents(source: ProjectState, projectId: string, projectNumber: string, name: string | undefined, meta: CommandMeta): ProjectEvent[] {
  const basics = { ...source.basics!, name: name ?? `${source.basics!.name}（コピー）` };
  const events: ProjectEvent[] = [
    {
      type: 'ProjectRegistered',
      data: { projectId, projectNumber, status: 'proposing', copiedFrom: { projectId: source.projectId, projectNumber: source.projectNumber }, by: meta.actor, at: meta.at, ...basics },
    },
  ];
  source.resources.forEach((resource, i) => {
    events.push({ type: 'ResourceAdded', data: { projectId, resource: { ...resource, resourceNo: i + 1, effort: { ...resource.effort } } } });
  });
  if (source.billingSchedule) {
    events.push({ type: 'BillingScheduleSet', data: { projectId, schedule: { ...source.billingSchedule, lines: [] } } });
  }
  return events;
}
