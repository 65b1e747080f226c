import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readSettings } from '../../src/main/config.ts';
import { startSss, type RunningSss } from '../../src/main/sss.ts';
import { decide, documentIdOf, newProject, outcomeOf, projectStatus, request, simDocuments, userIdOf } from '../support/ringi.ts';
import { DEMO } from '../support/sss.ts';

/**
 * The embedded default across a restart: SSS and its built-in simulator stop while a 稟議 waits
 * for its approvers; both come back from SSS_DATA_DIR (events, and the simulator's state file),
 * the approvers decide, and the new process manager applies the outcome — one document throughout.
 */
const test = suite('ringi across a restart of the embedded default');

const start = (dataDir: string): Promise<RunningSss> =>
  startSss(readSettings({ SSS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SSS_UI_DIR: join(dataDir, 'no-ui'), PORT: '0', RINGI_POLL_SECONDS: '0.3' }));

function simOf(sss: RunningSss) {
  const sim = sss.ringi.collaboflow.simulator;
  if (!sim) throw new Error('expected the built-in simulator');
  return { simUrl: sim.url, instance: sim.instance, apiKey: sim.apiKey };
}

test('a 稟議 filed before the restart is decided and applied after it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-ringi-restart-'));
  const first = await start(dataDir);
  const sato = await userIdOf(first, DEMO.sales);
  const projectId = await newProject(first, sato);
  const ringiId = await request(first, projectId, 'estimate', sato);
  const documentId = await documentIdOf(first, ringiId);
  await first.stop();

  const second = await start(dataDir);
  try {
    const sim = simOf(second);
    await decide(sim, 'takahashi', documentId, { action: 'accept' });
    await decide(sim, 'nakamura', documentId, { action: 'accept' });
    assert.is((await outcomeOf(second, ringiId)).outcome, 'approved');
    assert.is(await projectStatus(second, projectId), 'estimate_approved');
    assert.is((await simDocuments(sim)).filter((d) => JSON.stringify(d.values).includes(ringiId)).length, 1);
  } finally {
    await second.stop();
  }
});

test.run();
