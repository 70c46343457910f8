import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeWorkspace, importGroups, importRegions, openWorkspace, type Workspace } from '../../src/store/index.ts';
import type { FuzzInput, ImportKind } from './kinds.ts';
import { REPO } from './kinds.ts';
import { judgeError, TIME_LIMIT_MS, type Verdict } from './outcome.ts';

/**
 * Runs fuzz inputs through the importers in one workspace holding the bundled China registry and
 * groups. Before each input the row count of every table is taken; a refused import must leave
 * them all unchanged; an accepted one is checked against the stated ranges and then undone (its
 * rows and import record deleted), so every input meets the same workspace.
 */
export class ImportHarness {
  private n = 0;
  /** Row counts of the workspace every input meets (refused imports and undone ones leave it so). */
  private base = '';

  private constructor(readonly ws: Workspace, readonly dir: string, private readonly countSql: string, private readonly withImportId: string[]) {}

  static async open(dir: string): Promise<ImportHarness> {
    const ws = await openWorkspace(join(dir, 'fuzz.duckdb'));
    await importRegions(ws, join(REPO, 'data/china/regions.csv'), { indicators: false });
    await importGroups(ws, join(REPO, 'data/china/groups.json'));
    const tables = (await ws.db.all<{ t: string }>("SELECT table_name AS t FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary ORDER BY 1")).map((r) => r.t);
    const withId = (await ws.db.all<{ t: string }>(
      "SELECT DISTINCT table_name AS t FROM duckdb_columns() WHERE column_name = 'import_id' AND database_name = current_database() AND NOT internal ORDER BY 1")).map((r) => r.t);
    const countSql = tables.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM "${t}"`).join(' UNION ALL ');
    const h = new ImportHarness(ws, dir, countSql, withId.filter((t) => tables.includes(t)));
    h.base = await h.counts();
    return h;
  }

  close(): void {
    closeWorkspace(this.ws);
  }

  private async counts(): Promise<string> {
    const r = await this.ws.db.all<{ t: string; n: bigint }>(this.countSql);
    return r.map((x) => `${x.t} ${x.n}`).sort().join(', ');
  }

  /** One input: its verdict and the milliseconds the import took. */
  async run(kind: ImportKind, input: FuzzInput): Promise<{ verdict: Verdict; ms: number }> {
    const path = join(this.dir, `in${++this.n % 1000}-${input.name}`);
    writeFileSync(path, input.bytes);
    const before = this.base;
    const t0 = performance.now();
    let verdict: Verdict;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HangError()), TIME_LIMIT_MS);
      });
      const summary = await Promise.race([kind.run(this.ws, path, input.options), timeout]) as { importId?: number };
      const ms = performance.now() - t0;
      const bad = await this.breaches(summary.importId);
      if (summary.importId !== undefined) await this.undo(summary.importId);
      this.base = await this.counts();
      return { verdict: bad ? { kind: 'failure', failure: 'bad-accept', message: bad } : { kind: 'accepted' }, ms };
    } catch (e) {
      if (e instanceof HangError) {
        this.ws.db.conn.interrupt();
        return { verdict: { kind: 'failure', failure: 'hang', message: `over ${TIME_LIMIT_MS} ms` }, ms: performance.now() - t0 };
      }
      verdict = judgeError(e, path);
    } finally {
      clearTimeout(timer);
      rmSync(path, { force: true });
    }
    const ms = performance.now() - t0;
    if (input.valid && verdict.kind === 'refused') verdict = { kind: 'failure', failure: 'valid-refused', message: `undamaged input refused: ${verdict.reason}` };
    const after = await this.counts();
    if (after !== before) {
      this.base = after;
      if (verdict.kind === 'refused' || verdict.kind === 'failure') {
        verdict = { kind: 'failure', failure: 'partial', message: `a failed import changed the tables (${before} -> ${after}): ${verdict.kind === 'refused' ? verdict.reason : verdict.message}` };
      }
    }
    return { verdict, ms };
  }

  /** Accepted values outside the ranges the importers state (checks.ts RANGES). */
  private async breaches(id: number | undefined): Promise<string | null> {
    if (id === undefined) return null;
    const checks: [string, string][] = [
      ['flows', 'NOT isfinite(count) OR count < 0 OR count > 1e10 OR origin NOT IN (SELECT code FROM regions) OR destination NOT IN (SELECT code FROM regions)'],
      ['stocks', 'NOT isfinite(count) OR count < 0 OR count > 1e10'],
      ['indicators', 'NOT isfinite(value) OR abs(value) > 1e18'],
      ['persons', 'year < 1900 OR year > 2100 OR NOT isfinite(coalesce(monthly_salary, 0)) OR monthly_salary < 0 OR monthly_salary > 1e7'],
      ['regions', 'centroid_lon NOT BETWEEN -180 AND 180 OR centroid_lat NOT BETWEEN -90 AND 90 OR NOT isfinite(coalesce(area_km2, 0)) OR area_km2 < 0 OR parent = code'],
    ];
    for (const [table, bad] of checks) {
      const r = await this.ws.db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${table} WHERE import_id = ? AND (${bad})`, [id]);
      if (r && Number(r.n) > 0) return `${Number(r.n)} ${table} rows outside the stated ranges were accepted`;
    }
    return null;
  }

  private async undo(id: number): Promise<void> {
    for (const t of this.withImportId) await this.ws.db.run(`DELETE FROM "${t}" WHERE import_id = ?`, [id]);
    await this.ws.db.run('DELETE FROM imports WHERE id = ?', [id]);
  }
}

class HangError extends Error {}
