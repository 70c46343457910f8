import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (package.json, data/, examples/, web/), found by walking up from
 * this module: its depth differs between the sources (src/io/, run through tsx), the compiled
 * library (dist/io/) and the bundled CLI (dist/cli-bundle/, scripts/build.mjs), so a path
 * relative to import.meta.url would be right in some of them only.
 */
function findRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'talentflow') return dir;
    if (dirname(dir) === dir) throw new Error(`talentflow's package.json was not found above ${start}`);
  }
}

let root: string | undefined;

/** A path under the package's root folder, e.g. packagePath('data') or packagePath('web', 'dist'). */
export function packagePath(...segments: string[]): string {
  root ??= findRoot();
  return join(root, ...segments);
}
