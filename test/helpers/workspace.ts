import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkspace, importGroups, importRegions, openWorkspace, type Workspace } from '../../src/store/index.ts';

export const REPO = new URL('../..', import.meta.url).pathname;
export const CHINA = join(REPO, 'data/china');

/** A fresh workspace in a temporary folder; `done()` closes it and removes the folder. */
export async function tempWorkspace(): Promise<{ ws: Workspace; dir: string; path: string; done: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-test-'));
  const path = join(dir, 'w.duckdb');
  const ws = await openWorkspace(path);
  return {
    ws, dir, path,
    done: () => {
      try {
        closeWorkspace(ws);
      } catch {
        /* already closed by the test */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A workspace holding the bundled China registry (country, 31 provinces, 2 SARs, 367 cities) and groups. */
export async function chinaWorkspace() {
  const t = await tempWorkspace();
  await importRegions(t.ws, join(CHINA, 'regions.csv'), { indicators: false });
  await importGroups(t.ws, join(CHINA, 'groups.json'));
  return t;
}

export async function count(ws: Workspace, table: string): Promise<number> {
  const r = await ws.db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(r!.n);
}
