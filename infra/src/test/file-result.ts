import { relative } from 'node:path';

/** Ends a unit worker's output for one file; its counts follow as JSON on the same line. */
export const RESULT_MARK = '\u0000sss-unit-result ';

/** One test file's outcome, whichever tier ran it. */
export interface FileResult {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number | null;
  ms: number;
  output: string;
}

export const isOk = (result: FileResult): boolean => result.failed === 0 && result.skipped === 0 && result.exitCode === 0;

/** "ok  <file>  (N passed, s)", and the file's whole output when it did not pass. */
export function reportFile(root: string, result: FileResult): void {
  const ok = isOk(result);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${relative(root, result.file)}  (${result.passed} passed${result.failed ? `, ${result.failed} failed` : ''}${result.skipped ? `, ${result.skipped} SKIPPED` : ''}, ${(result.ms / 1000).toFixed(1)} s)`);
  if (!ok) console.log(result.output.split('\n').map((l) => `     ${l}`).join('\n'));
}

/** The last line CI reads: "N passed, N failed". A skipped test counts as failed: nothing may skip silently. */
export function summarize(results: FileResult[]): { line: string; ok: boolean } {
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed + (r.exitCode !== 0 && r.failed === 0 ? 1 : 0), 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  return {
    line: `${passed} passed, ${failed + skipped} failed${skipped ? ` (${skipped} skipped tests count as failures: nothing may skip silently)` : ''}`,
    ok: failed + skipped === 0,
  };
}

/** Runs a runner's main and exits with its code; a crash still ends with the closing line CI reads. */
export function exitWith(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack ?? error.message : error);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
