import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository (or image) root: the nearest directory above this module whose package.json lists
 * the workspaces. Found rather than counted, because this module runs from `infra/src/main/` under
 * tsx and from `dist/` once bundled (`npm run build`).
 */
export function repositoryRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    // Copied somewhere without its manifest: paths relative to where SSS was started.
    if (dirname(dir) === dir) return process.cwd();
  }
}
