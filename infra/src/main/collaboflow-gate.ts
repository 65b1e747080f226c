import type { RingiKind } from '@sss/contracts/ringi/events';
import type { FormMapping } from '@sss/write-side/ringi/form-mapping';
import { checkSetup, formatSetupReport, refusalFor, type SetupReport } from '@sss/write-side/ringi/setup-check';
import type { OpenedWorkflow } from './collaboflow.ts';

/**
 * The setup check as the process manager's filing gate: a type whose mapping does not match the
 * tenant is not filed, and the report is the reason the 稟議 shows. The tenant's forms change
 * rarely, so one report serves for a minute; a fixed form is picked up by the next retry after that.
 */
export interface CollaboflowGate {
  /** The latest report (checked now when older than the cache, or forced). */
  report(force?: boolean): Promise<SetupReport | null>;
  refuseFiling(kind: RingiKind): Promise<string | null>;
}

const FRESH_MS = 60_000;

export function collaboflowGate(collaboflow: OpenedWorkflow, mapping: FormMapping, webhookUrl: string | undefined, log: (message: string) => void): CollaboflowGate {
  let last: { at: number; report: SetupReport } | null = null;
  const adminLogin = collaboflow.adminLogin;
  async function report(force = false): Promise<SetupReport | null> {
    if (!adminLogin) return null; // nothing can be verified: COLLABOFLOW_ADMIN_LOGIN is unset
    if (!force && last && Date.now() - last.at < FRESH_MS) return last.report;
    const fresh = await checkSetup(collaboflow.directory, mapping, { adminLogin, ...(webhookUrl ? { webhookUrl } : {}) });
    if (!fresh.ok && (!last || last.report.ok)) log(formatSetupReport(fresh));
    last = { at: Date.now(), report: fresh };
    return fresh;
  }
  return {
    report,
    async refuseFiling(kind) {
      const r = await report();
      return r ? refusalFor(r, kind) : null;
    },
  };
}
