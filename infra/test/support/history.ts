import { waitUntil } from '@sss/contracts/testing/wait-until';
import { streams } from '@sss/contracts/streams/names';
import { fold } from '@sss/write-side/kernel/decider';
import { ringiDecider } from '@sss/write-side/ringi/ringi-decider';
import { applyOutcome } from '@sss/write-side/ringi/ringi-outcome';
import type { RunningSss } from '../../src/main/sss.ts';

/**
 * What the 稟議 process manager does when CollaboFlow reports a decision: apply it as `system:ringi`,
 * correlated by the 稟議 id. Tests of histories need that actor without driving a whole approval route.
 */
export async function approveAsProcessManager(sss: RunningSss, ringiId: string, documentNumber: string): Promise<void> {
  const recorded = await waitUntil(`稟議 ${ringiId} to be recorded`, async () => {
    const events = await sss.events.readStream(streams.ringi(ringiId));
    return events.length > 0 ? events : null;
  });
  const state = fold(ringiDecider, recorded.map((e) => ({ type: e.type, data: e.data }) as Parameters<typeof ringiDecider.evolve>[1]));
  await applyOutcome(sss.events, () => new Date(), state, { outcome: 'approved', documentNumber, decidedBy: '田中 部長', comment: '承認します', decidedAt: '2026-03-20T10:00:00+09:00' });
}
