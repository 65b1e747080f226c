import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { RESULT_MARK, type FileResult } from './file-result.ts';
import { SERVER_VARIABLES } from './tiers.ts';

/**
 * Runs unit-tier files in a small pool of long-lived worker processes (`unit-worker.ts`), each
 * taking the next file when it finishes one. A file that hangs past the deadline, or takes its
 * worker down, fails on its own: the worker is replaced and the rest carry on.
 */

export interface UnitTierOptions {
  concurrency: number;
  fileTimeoutMs: number;
  onResult(result: FileResult): void;
}

const WORKER = fileURLToPath(new URL('./unit-worker.ts', import.meta.url));

/** No server addresses: a unit test must not reach one, and if it tries it fails here instead of passing on a laptop. */
function unitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  for (const name of [...SERVER_VARIABLES, 'EVENTSTORE_IS_STAND_IN']) delete env[name];
  return env;
}

export async function runUnitTier(root: string, files: string[], options: UnitTierOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const queue = [...files];
  const env = unitEnv();

  async function lane(): Promise<void> {
    let worker: Worker | undefined;
    for (let file = queue.shift(); file; file = queue.shift()) {
      worker ??= startWorker(root, env);
      const result = await worker.run(file, options.fileTimeoutMs);
      if (!worker.alive) worker = undefined;
      results.push(result);
      options.onResult(result);
    }
    worker?.close();
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, files.length)) }, lane));
  return results;
}

interface Worker {
  readonly alive: boolean;
  run(file: string, timeoutMs: number): Promise<FileResult>;
  close(): void;
}

function startWorker(root: string, env: NodeJS.ProcessEnv): Worker {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WORKER], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let alive = true;
  let buffer = '';
  let pending: ((outcome: { counts?: Omit<FileResult, 'file' | 'exitCode' | 'output'>; output: string; exitCode: number | null }) => void) | undefined;

  const take = () => {
    const at = buffer.indexOf(RESULT_MARK);
    if (at < 0) return;
    const end = buffer.indexOf('\n', at);
    if (end < 0) return;
    const output = buffer.slice(0, at);
    const counts = JSON.parse(buffer.slice(at + RESULT_MARK.length, end)) as Omit<FileResult, 'file' | 'exitCode' | 'output'>;
    buffer = buffer.slice(end + 1);
    pending?.({ counts, output, exitCode: counts.failed === 0 ? 0 : 1 });
  };
  child.stdout!.on('data', (chunk: Buffer) => { buffer += chunk.toString(); take(); });
  child.stderr!.on('data', (chunk: Buffer) => (buffer += chunk.toString()));
  child.on('exit', (code, signal) => {
    alive = false;
    pending?.({ output: `${buffer}\n[unit] the worker exited (${signal ?? `code ${code}`}) while running this file\n`, exitCode: code ?? 1 });
  });

  return {
    get alive() { return alive; },
    run(file, timeoutMs) {
      const started = Date.now();
      return new Promise((done) => {
        const timer = setTimeout(() => {
          buffer += `\n[unit] timed out after ${timeoutMs} ms\n`;
          child.kill('SIGKILL');
        }, timeoutMs);
        pending = ({ counts, output, exitCode }) => {
          clearTimeout(timer);
          pending = undefined;
          const plain = stripVTControlCharacters(output);
          done(counts
            ? { file, ...counts, exitCode, output: plain }
            : { file, passed: 0, failed: 1, skipped: 0, exitCode: exitCode === 0 ? 1 : exitCode, ms: Date.now() - started, output: plain });
        };
        child.stdin!.write(`${file}\n`);
      });
    },
    close() { child.stdin!.end(); },
  };
}
