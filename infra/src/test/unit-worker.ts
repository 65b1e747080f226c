import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { RESULT_MARK } from './file-result.ts';

/**
 * One unit-tier worker process: reads test file paths from stdin, one a line, and runs them one
 * after another, so the tsx start-up (most of a small file's time) is paid once per worker, not
 * once per file. uvu's deferred mode — what its own CLI uses to run many files in one process —
 * queues each file's suites instead of starting them on a timer; the worker runs the queue itself
 * and, after each file, prints `RESULT_MARK` and the file's counts as JSON on one line.
 * Everything (stderr too) goes to stdout, so the parent can give each file exactly its output.
 */

type SuiteRun = () => Promise<[errors: string | true, passed: number, skipped: number, total: number]>;
// uvu's deferred mode is driven through globals it declares nowhere in its typings.
const uvu = globalThis as unknown as { UVU_DEFER: number; UVU_QUEUE: Array<Array<string | null | SuiteRun>>; UVU_INDEX: number };

const write = process.stdout.write.bind(process.stdout);
process.stderr.write = write as typeof process.stderr.write;

let crashes = 0;
const crashed = (kind: string) => (error: unknown) => {
  crashes++;
  write(`\n${kind} (while running this file; it may have started in an earlier one in the same worker):\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
};
process.on('uncaughtException', crashed('uncaught exception'));
process.on('unhandledRejection', crashed('unhandled rejection'));

// What test files may replace for their own run, put back so the next file starts clean.
const pristineEnv = { ...process.env };
const pristineFetch = globalThis.fetch;

async function runFile(file: string): Promise<void> {
  const started = Date.now();
  let passed = 0;
  let total = 0;
  let skipped = 0;
  let failed = 0;
  crashes = 0;
  uvu.UVU_DEFER = 1;
  uvu.UVU_QUEUE = [[null]];
  uvu.UVU_INDEX = 0;
  try {
    await import(pathToFileURL(file).href);
    const [, ...runs] = uvu.UVU_QUEUE[0]!;
    if (runs.length === 0) throw new Error('the file queued no suite: does it end with test.run()?');
    for (const run of runs as SuiteRun[]) {
      const [errors, ok, skips, max] = await run();
      passed += ok;
      total += max;
      skipped += skips;
      if (errors !== true) write(`\n${errors}\n`);
    }
    failed = total - passed;
  } catch (error) {
    failed += 1;
    write(`\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  }
  failed += crashes;
  for (const key of Object.keys(process.env)) if (!(key in pristineEnv)) delete process.env[key];
  Object.assign(process.env, pristineEnv);
  globalThis.fetch = pristineFetch;
  write(`\n${RESULT_MARK}${JSON.stringify({ passed, failed, skipped, ms: Date.now() - started })}\n`);
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim()) await runFile(line.trim());
// Files may leave timers or handles behind; the worker's job is done.
process.exit(0);
