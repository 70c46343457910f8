// The demo workspace (`talentflow demo`) for suites that test something else on it: made once
// per state of src/, data/ and the lock file, and per options (build-cache.ts), then copied.
// Making it takes seconds of DuckDB work per suite; a closed DuckDB file copies whole. Suites
// that test making the demo itself (`talentflow demo`, createDemoWorkspace) still make their own.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDemoWorkspace, type DemoOptions } from '../../src/store/index.ts';
import { cachedFolder, sourcesHash } from './build-cache.ts';

type Options = Pick<DemoOptions, 'noCohort' | 'noEstimate'>;

/** Writes the demo workspace with `options` to `file` (which must not exist). */
export async function demoWorkspaceAt(file: string, options: Options = {}): Promise<void> {
  const variant = `${options.noCohort ? '-nocohort' : ''}${options.noEstimate ? '-noestimate' : ''}`;
  const built = await cachedFolder('demo-workspaces', sourcesHash(['src', 'data']), async (staging) => {
    await createDemoWorkspace(join(staging, 'demo.duckdb'), { noCohort: options.noCohort, noEstimate: options.noEstimate });
  }, variant);
  copyFileSync(join(built, 'demo.duckdb'), file);
}
