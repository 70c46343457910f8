import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConflictError } from '../core/errors.ts';
import { importFlows, type ImportSummary } from './import/import-flows.ts';
import { importGeometry } from './import/import-geometry.ts';
import { importGroups } from './import/import-groups.ts';
import { importIndicators } from './import/import-indicators.ts';
import { importRegions } from './import/import-regions.ts';
import { closeWorkspace, openWorkspace, type Workspace } from './workspace.ts';

/** The bundled data sets, in import order. Each folder holds SOURCE.md with source and licence. */
export const DEMO_SETS = ['china', 'korea', 'austria', 'ny'] as const;

export const BUNDLED_DATA_DIR = resolve(fileURLToPath(new URL('../../data', import.meta.url)));

export interface DemoOptions {
  dataDir?: string;
  /** Rebuild a workspace that already exists (only one made by `demo`). */
  force?: boolean;
  onStep?: (set: string, file: string) => void;
}

/**
 * Builds a workspace from all bundled real data through the ordinary importers: China's cities
 * and provinces (2010/2020 censuses) with boundaries and region groups, Korea's 17 regions with
 * flows 2012-2020, Austria's 9 regions and New York's counties with their flows.
 */
export async function createDemoWorkspace(path: string, options: DemoOptions = {}): Promise<ImportSummary[]> {
  const full = resolve(path);
  if (existsSync(full)) {
    const ws = await openWorkspace(full);
    const isDemo = await ws.db.one<{ value: string }>("SELECT value FROM meta WHERE key = 'demo'");
    const n = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM imports');
    closeWorkspace(ws);
    if (Number(n?.n ?? 0) > 0 && !isDemo) throw new ConflictError(`${path} already holds a workspace that demo did not make; choose another --workspace`);
    if (Number(n?.n ?? 0) > 0 && !options.force) throw new ConflictError(`${path} already holds the demo workspace; use --force to rebuild it`);
    await rm(full, { force: true });
    await rm(full + '.wal', { force: true });
  }
  const dir = options.dataDir ?? BUNDLED_DATA_DIR;
  const ws = await openWorkspace(full);
  const done: ImportSummary[] = [];
  try {
    await ws.db.run("INSERT OR REPLACE INTO meta VALUES ('demo', 'true')");
    for (const set of DEMO_SETS) done.push(...(await importSet(ws, join(dir, set), set, options)));
  } catch (e) {
    closeWorkspace(ws);
    await rm(full, { force: true });
    throw e;
  }
  closeWorkspace(ws);
  return done;
}

async function importSet(ws: Workspace, dir: string, set: string, options: DemoOptions): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  const step = async (file: string, fn: (f: string) => Promise<ImportSummary>) => {
    const f = join(dir, file);
    if (!existsSync(f)) return;
    options.onStep?.(set, file);
    out.push(await fn(f));
  };
  await step('regions.csv', (f) => importRegions(ws, f, { indicators: false }));
  await step('regions.geojson', (f) => importGeometry(ws, f, { key: 'code' }));
  await step('groups.json', (f) => importGroups(ws, f));
  await step('flows.csv', (f) => importFlows(ws, f));
  await step('indicators.csv', (f) => importIndicators(ws, f));
  return out;
}
