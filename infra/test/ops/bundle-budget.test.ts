import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL_JS_BUDGET_BYTES, initialChunkFiles, measureBundle } from '../../src/ops/bundle-budget.ts';

/** The UI's initial JavaScript stays under 350 KB gzip with route-level code splitting (#13 item 9). */

test('the walk counts the entry and its static imports, never a chunk only a route loads', () => {
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/projects/ProjectListPage.tsx'] },
    '_shared.js': { file: 'assets/shared.js', imports: ['_runtime.js'] },
    '_runtime.js': { file: 'assets/runtime.js' },
    'src/projects/ProjectListPage.tsx': { file: 'assets/ProjectListPage.js', imports: ['_shared.js', '_grid.js'] },
    '_grid.js': { file: 'assets/grid.js' },
    'style.css': { file: 'assets/style.css' },
  };
  assert.equal(initialChunkFiles(manifest), ['assets/index.js', 'assets/shared.js', 'assets/runtime.js']);
});

test('the built UI: initial JS within the budget, the screens in chunks of their own', () => {
  const dist = join(import.meta.dirname, '../../../ui/dist');
  assert.ok(existsSync(join(dist, '.vite', 'manifest.json')), 'ui/dist has a Vite manifest: run `npm run build:ui` first (npm test does)');
  const report = measureBundle(dist);
  assert.ok(report.initialGzipBytes <= INITIAL_JS_BUDGET_BYTES, `initial JS ${report.initialGzipBytes} bytes gzip > ${INITIAL_JS_BUDGET_BYTES}`);
  assert.ok(report.lazyChunks >= 20, `the routes load their screens lazily (${report.lazyChunks} chunks outside the initial bundle)`);
  assert.not.ok(report.initial.some((c) => /ProjectDetailPage|SalesEntryPage|AuditPage/.test(c.file)), 'no screen of a route in the initial bundle');
});

test.run();
