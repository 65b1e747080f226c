import { MANUAL_TARGET_STATUSES, canTransition, type ProjectStatus } from '@sss/contracts/project/status';

/** The statuses a person may pick by hand (失注・中止・完了) from this one, per the machine; empty when none. */
export function manualTargets(status: ProjectStatus) {
  return MANUAL_TARGET_STATUSES.filter((to) => canTransition(status, to));
}
