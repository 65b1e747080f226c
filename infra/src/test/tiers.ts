import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Which tier a test file belongs to, decided from the file itself so nobody keeps a list:
 *
 * - `unit`: needs no server, runs in `npm run test:unit` (many files per process, well under a minute);
 * - `integration`: needs the servers `infra/src/test/run-all.ts` starts (or a browser, or SSS itself).
 *
 * The rule, first match wins:
 * 1. a `// @tier unit` or `// @tier integration` line in the file (for the rare exception);
 * 2. everything under `infra/test/` is integration (it starts SSS, the simulator, Chromium, servers);
 * 3. a file that names a server's variable (KAFKA_BROKERS, MONGODB_URL, EVENTSTORE_URL,
 *    COLLABOFLOW_URL), itself or in a test-support file it imports, is integration: a test that
 *    needs a server reads its address from one of them (CONTRIBUTING.md);
 * 4. anything else is unit.
 */

export type Tier = 'unit' | 'integration';

export const WORKSPACES = ['contracts', 'http-kit', 'write-side', 'read-side', 'infra', 'ui'];
export const SERVER_VARIABLES = ['KAFKA_BROKERS', 'MONGODB_URL', 'EVENTSTORE_URL', 'COLLABOFLOW_URL'];

const NAMES_A_SERVER = new RegExp(`\\b(${SERVER_VARIABLES.join('|')})\\b`);
const MARKER = /^\s*\/\/\s*@tier\s+(\S+)/m;
const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every `<workspace>/test/**\/*.test.ts`, sorted: what the runners run. */
export function testFiles(root: string): string[] {
  const files: string[] = [];
  for (const workspace of WORKSPACES) {
    const dir = join(root, workspace, 'test');
    if (!existsSync(dir)) continue;
    const entries = readdirSync(dir, { recursive: true }) as string[];
    files.push(...entries.filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)));
  }
  return files.sort();
}

export function tierOf(root: string, file: string): Tier {
  const source = readFileSync(file, 'utf8');
  const marked = MARKER.exec(source)?.[1];
  if (marked === 'unit' || marked === 'integration') return marked;
  if (relative(root, file).startsWith(join('infra', 'test') + sep)) return 'integration';
  return namesAServer(file, new Set()) ? 'integration' : 'unit';
}

/** Follows relative imports that stay inside a `test/` folder (fixtures, support), not into `src/`. */
function namesAServer(file: string, seen: Set<string>): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  if (NAMES_A_SERVER.test(source)) return true;
  for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) {
    const target = resolve(dirname(file), specifier!);
    if (target.includes(`${sep}test${sep}`) && existsSync(target) && namesAServer(target, seen)) return true;
  }
  return false;
}

export function byTier(root: string, files: string[]): Record<Tier, string[]> {
  const tiers: Record<Tier, string[]> = { unit: [], integration: [] };
  for (const file of files) tiers[tierOf(root, file)].push(file);
  return tiers;
}

/**
 * Problems that would let a test file run twice or never: a `*.test.ts` outside `<workspace>/test/`
 * (no runner finds it), a misspelt tier marker, or a split that is not a partition of the files.
 */
export function tierProblems(root: string, files: string[], tiers: Record<Tier, string[]>): string[] {
  const problems: string[] = [];
  for (const workspace of WORKSPACES) {
    const dir = join(root, workspace);
    if (!existsSync(dir)) continue;
    const strays = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.test.ts') && !f.split(sep).includes('node_modules') && !f.startsWith(`test${sep}`));
    problems.push(...strays.map((f) => `${join(workspace, f)} is outside ${workspace}/test/, so no tier runs it`));
  }
  for (const file of files) {
    const marked = MARKER.exec(readFileSync(file, 'utf8'))?.[1];
    if (marked !== undefined && marked !== 'unit' && marked !== 'integration') problems.push(`${relative(root, file)}: unknown tier "${marked}" (unit or integration)`);
    const count = tiers.unit.filter((f) => f === file).length + tiers.integration.filter((f) => f === file).length;
    if (count !== 1) problems.push(`${relative(root, file)} is in ${count} tiers`);
  }
  const extra = [...tiers.unit, ...tiers.integration].filter((f) => !files.includes(f));
  problems.push(...extra.map((f) => `${relative(root, f)} is in a tier but not among the test files`));
  return problems;
}
