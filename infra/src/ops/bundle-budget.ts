import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The UI's initial JavaScript must stay under 350 KB gzip (#13 item 9): what a browser downloads
 * before the first screen is the entry chunk and every chunk it imports statically, read off Vite's
 * manifest; chunks loaded by a route (`lazy`, dynamic imports) are not counted. Run after every UI
 * build (`npm run build:ui`), which fails when the budget is exceeded.
 */

export const INITIAL_JS_BUDGET_BYTES = 350 * 1024;

/** The part of a Vite manifest entry the walk needs. */
export interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

/** The entry chunks' files and every file they import statically, each once. */
export function initialChunkFiles(manifest: Readonly<Record<string, ManifestChunk>>): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the Vite manifest names ${key} as an import but has no entry for it`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return files;
}

export interface BundleReport {
  readonly initial: readonly { file: string; gzipBytes: number }[];
  readonly initialGzipBytes: number;
  readonly lazyChunks: number;
}

export function measureBundle(distDir: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const initialFiles = initialChunkFiles(manifest);
  const initial = initialFiles.map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(distDir, file))).length }));
  const lazyChunks = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js') && !initialFiles.includes(f))).size;
  return { initial, initialGzipBytes: initial.reduce((sum, c) => sum + c.gzipBytes, 0), lazyChunks };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = measureBundle(resolve(import.meta.dirname, '../../../ui/dist'));
  for (const chunk of report.initial) console.log(`initial ${chunk.file}: ${kb(chunk.gzipBytes)} gzip`);
  const verdict = `initial JS ${kb(report.initialGzipBytes)} gzip of a ${kb(INITIAL_JS_BUDGET_BYTES)} budget (${((report.initialGzipBytes / INITIAL_JS_BUDGET_BYTES) * 100).toFixed(0)} %); ${report.lazyChunks} chunks loaded by routes`;
  if (report.initialGzipBytes > INITIAL_JS_BUDGET_BYTES) {
    console.error(`bundle budget exceeded: ${verdict}`);
    process.exitCode = 1;
  } else console.log(`bundle budget: ${verdict}`);
}
