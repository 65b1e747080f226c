import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkSetup, formatSetupReport, type SetupReport } from '@sss/write-side/ringi/setup-check';
import { openWorkflow } from './collaboflow.ts';
import { readCollaboflowSettings } from './collaboflow-settings.ts';

/**
 * `npm run collaboflow:check`: reads the configured tenant's routes and form parts through the API
 * and reports, per 稟議 type, what does not match the form mapping, plus the webhook settings to
 * make by hand (README "CollaboFlow setup"). Exit status 0 = ready to file, 1 = problems, 2 = the
 * check could not run. Without COLLABOFLOW_URL it checks the built-in simulator (a dry run).
 */
export async function runCollaboflowCheck(env: NodeJS.ProcessEnv = process.env): Promise<{ report: SetupReport | null; text: string; status: number }> {
  const settings = readCollaboflowSettings(env);
  const collaboflow = await openWorkflow(settings, mkdtempSync(join(tmpdir(), 'sss-collaboflow-check-')), undefined);
  try {
    if (!collaboflow.adminLogin) {
      return { report: null, text: 'COLLABOFLOW_ADMIN_LOGIN を設定してください（フォームのパーツを読めるシステム管理者のログイン ID）', status: 2 };
    }
    const report = await checkSetup(collaboflow.directory, settings.formMapping, { adminLogin: collaboflow.adminLogin, ...(settings.webhookUrl ? { webhookUrl: settings.webhookUrl } : {}) });
    return { report, text: `${collaboflow.describe}\n${formatSetupReport(report)}`, status: report.ok ? 0 : 1 };
  } finally {
    await collaboflow.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { text, status } = await runCollaboflowCheck();
  console.log(text);
  process.exit(status);
}
