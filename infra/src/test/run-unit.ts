import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitWith, reportFile, summarize } from './file-result.ts';
import { byTier, testFiles, tierProblems } from './tiers.ts';
import { runUnitTier } from './unit-tier.ts';

/**
 * `npm run test:unit`: the unit tier only (see `tiers.ts`) — deciders, projections' pure parts,
 * pure functions, UI logic — with no server started. Arguments narrow it to files whose path
 * contains one of them. Ends, like `npm test`, with "N passed, N failed".
 */

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const only = process.argv.slice(2);

async function main(): Promise<number> {
  const started = Date.now();
  const all = testFiles(root);
  const tiers = byTier(root, all);
  const problems = tierProblems(root, all, tiers);
  if (problems.length) {
    console.error(`[unit] test files without exactly one tier:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  const files = only.length ? tiers.unit.filter((f) => only.some((o) => f.includes(o))) : tiers.unit;
  if (files.length === 0) {
    console.error('[unit] no unit test files selected');
    return 1;
  }
  const concurrency = Number(process.env.SSS_TEST_CONCURRENCY ?? 2);
  console.log(`[unit] ${files.length} unit test files (${tiers.integration.length} integration files not run), ${concurrency} workers`);
  const results = await runUnitTier(root, files, {
    concurrency,
    fileTimeoutMs: Number(process.env.SSS_UNIT_TIMEOUT_MS ?? 60_000),
    onResult: (result) => reportFile(root, result),
  });
  const summary = summarize(results);
  console.log(`[unit] finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summary.line);
  return summary.ok ? 0 : 1;
}

exitWith(main);
