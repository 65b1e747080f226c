import { rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { repositoryRoot } from '../src/main/root.ts';

/**
 * `npm run build`'s server half: each composition root bundled into `dist/` as plain ESM that
 * `node` runs without tsx. Our own `@sss/*` workspaces (TypeScript sources) are bundled;
 * third-party packages stay external and load from node_modules, so native modules
 * (better-sqlite3, @node-rs/argon2) and package assets (the PDF fonts) resolve as they do in
 * development — which means each of them must be in some workspace's `dependencies`.
 */

const root = repositoryRoot();

/** The processes an image runs: `npm start`'s embedded default, the split stack's sides (docker-compose.yml) and the one-time `admin:create`. */
export const ENTRY_POINTS = { embedded: 'infra/src/main/embedded.ts', services: 'infra/src/main/services.ts', 'admin-create': 'infra/src/ops/admin-create.ts' } as const;

const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * Bare imports that are not ours stay imports; the names are collected for the dependency check.
 * Node resolves them from `dist/`, that is from the root node_modules; where npm installed a
 * workspace its own version instead (contracts/node_modules/ajv: ajv 8, while eslint's ajv 6 sits at
 * the root), the import points at that copy by path, as `npm ci` lays it out the same everywhere.
 */
function thirdPartyExternal(outdir: string, seen: Set<string>): Plugin {
  const hoisted = join(root, 'node_modules') + sep;
  return {
    name: 'third-party-external',
    setup(on) {
      on.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === 'resolving' || args.path.startsWith('node:') || args.path.startsWith('@sss/')) return undefined;
        const resolved = await on.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
        if (resolved.errors.length) return { errors: resolved.errors };
        if (resolved.external) return { path: args.path, external: true };
        seen.add(packageName(args.path));
        if (resolved.path.startsWith(hoisted)) return { path: args.path, external: true };
        const path = relative(outdir, resolved.path).split(sep).join('/');
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}

/** Bundles into `outdir` (default `dist/`) and returns the third-party packages the bundle imports. */
export async function buildServer(outdir = join(root, 'dist')): Promise<{ outdir: string; packages: string[] }> {
  rmSync(outdir, { recursive: true, force: true });
  const seen = new Set<string>();
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir,
    bundle: true,
    // Chunks keep the adapters' `await import(...)` lazy: the embedded default never loads the Kafka, MongoDB or EventStoreDB clients.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [thirdPartyExternal(outdir, seen)],
  });
  return { outdir, packages: [...seen].sort() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outdir, packages } = await buildServer();
  console.log(`server bundled into ${relative(root, outdir)}/ (${Object.keys(ENTRY_POINTS).map((e) => `${e}.js`).join(', ')}); external packages: ${packages.join(', ')}`);
}
