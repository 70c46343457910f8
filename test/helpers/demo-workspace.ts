// The demo workspace (`talentflow demo`) for suites that test something else on it: made once
// per state of src/, data/ and the lock file, and per options (build-cache.ts), then copied.
// Making it takes seconds of DuckDB work per suite; a closed DuckDB file copies whole. Suites
// that test making the demo itself (`talentflow demo`, createDemoWorkspace) still make their own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoWorkspace, type DemoOptions } from '../../src/store/index.ts';
import { cachedFolder, madeFolder, sourcesHash } from './build-cache.ts';

type Options = Pick<DemoOptions, 'noCohort' | 'noEstimate'>;

/** Writes the demo workspace with `options` to `file` (which must not exist). */
export async function demoWorkspaceAt(file: string, options: Options = {}): Promise<void> {
  const built = await cachedFolder('demo-workspaces', sourcesHash(['src', 'data']), async (staging) => {
    await createDemoWorkspace(join(staging, 'demo.duckdb'), { noCohort: options.noCohort, noEstimate: options.noEstimate });
  }, variantOf(options));
  copyFileSync(join(built, 'demo.duckdb'), file);
}

const variantOf = (options: Options) => `${options.noCohort ? '-nocohort' : ''}${options.noEstimate ? '-noestimate' : ''}`;

/**
 * demoWorkspaceAt, done before it returns: for a test file's top-level `before` hook, since Node
 * 20 starts the next top-level hook while an async one is still waiting (a second hook of the file
 * would find no workspace). Copies the made demo; makes it first in a child process if needed.
 */
export function demoWorkspaceAtSync(file: string, options: Options = {}): void {
  const built = madeFolder('demo-workspaces', sourcesHash(['src', 'data']), variantOf(options));
  if (built) return copyFileSync(join(built, 'demo.duckdb'), file);
  const maker = fileURLToPath(new URL('./make-demo-workspace.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', maker, file, JSON.stringify(options)], { encoding: 'utf8' });
  assert.equal(r.status, 0, `making the demo workspace failed: ${r.stderr}`);
}
