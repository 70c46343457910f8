import { resolve } from 'node:path';
import { ConflictError, InputError } from '../../core/errors.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { stageFile, type StageOptions, type StagedTable } from '../duckdb/stage.ts';
import { type Workspace, fileSha256, guardReimport, matchableRegions, recordImport } from '../workspace.ts';
import { checkNumbers, checkPeriods, numberExpr, periodEnd, periodStart, periodText, resolveRegionColumns } from './checks.ts';
import { parseMap, resolveRoles } from './column-roles.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { toLongMatrix, looksWide } from './wide-matrix.ts';

export interface ImportFlowsOptions extends StageOptions {
  /** Column mapping `role=column,...` (roles: origin, destination, period, count). */
  map?: string;
  /** Period for every row when the file has no period column (a year or a range). */
  period?: string;
  /** Columns holding cohort attributes (education level, age band...). */
  cohort?: readonly string[];
  /** Read a wide matrix: first column origins, other columns destinations (auto-detected if unset). */
  wide?: boolean;
  /** Sum rows that repeat an origin-destination-period-cohort instead of refusing them. */
  sumDuplicates?: boolean;
  /** Replace stored flows with the same keys (and an earlier import of the same file). */
  replace?: boolean;
}

export interface ImportSummary {
  importId: number;
  file: string;
  kind: string;
  rows: number;
  format: string;
  encoding: string | null;
  notes: string[];
}

const COHORT_NAMES = ['cohort', 'education', 'education_level', 'age_band', 'age_group', 'sex', 'gender', '学历', '年龄组', '年龄段', '性别'];

/**
 * Imports an origin-destination flow table (long or wide) into the workspace, in one transaction:
 * on any problem nothing is written and the error names file, row, column and the reason.
 */
export async function importFlows(ws: Workspace, file: string, options: ImportFlowsOptions = {}): Promise<ImportSummary> {
  const path = resolve(file);
  const sha = await fileSha256(path).catch(() => {
    throw new InputError('file not found', { file });
  });
  let st: StagedTable = await stageFile(ws.db, file, options);
  const notes: string[] = [];
  const cleanups: StagedTable[] = [st];
  try {
    const mapping = parseMap(options.map, file);
    if (options.wide || (!mapping.has('destination') && looksWide(st.columns, await matchableRegions(ws), mapping))) {
      const long = await toLongMatrix(ws.db, st, mapping, file);
      notes.push(...long.notes);
      st = long.table;
      cleanups.push(st);
      mapping.clear();
    }
    const optional = options.period ? [] : ['period'];
    const roles = resolveRoles(st.columns, { required: options.period ? ['origin', 'destination', 'count'] : ['origin', 'destination', 'count', 'period'], optional: optional.filter((r) => r !== 'period') }, mapping, file);
    const cohortCols = options.cohort?.length ? [...options.cohort] : st.columns.filter((c) => COHORT_NAMES.includes(c.toLowerCase()) && ![...roles.values()].includes(c));
    for (const c of cohortCols) if (!st.columns.includes(c)) throw new InputError(`--cohort names a column "${c}" that the file does not have`, { file, row: 1 });
    const fixedPeriod = options.period ? parsePeriod(options.period) : null;
    if (options.period && !fixedPeriod) throw new InputError(`--period "${options.period}" is not a year or a range of years`, { file });

    await checkNumbers(ws.db, st, roles.get('count')!, { nonNegative: true, required: true, what: 'a flow count' });
    if (!fixedPeriod) await checkPeriods(ws.db, st, roles.get('period')!);
    const mapTable = await resolveRegionColumns(ws.db, st, [roles.get('origin')!, roles.get('destination')!], await matchableRegions(ws));

    const o = quoteIdent(roles.get('origin')!);
    const d = quoteIdent(roles.get('destination')!);
    const pText = fixedPeriod ? '?' : periodText(roles.get('period')!);
    const pStart = fixedPeriod ? '?' : periodStart(roles.get('period')!);
    const pEnd = fixedPeriod ? '?' : periodEnd(roles.get('period')!);
    const pParams = fixedPeriod ? [fixedPeriod.text, fixedPeriod.start, fixedPeriod.end] : [];
    const cohortExpr = cohortCols.length
      ? cohortCols.map((c) => `'${c.replace(/'/g, "''").replace(/[=;]/g, '_')}=' || coalesce(trim(${quoteIdent(c)}), '')`).sort().join(" || ';' || ")
      : "''";
    const resolved = `${st.table}_resolved`;
    await ws.db.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdent(resolved)} AS
       SELECT ${st.rowExpr} AS _row, mo.code AS origin, md.code AS destination, ${pText} AS period, ${pStart} AS period_start, ${pEnd} AS period_end,
              ${cohortExpr} AS cohort, ${numberExpr(roles.get('count')!)} AS count
       FROM ${quoteIdent(st.table)} s JOIN ${quoteIdent(mapTable)} mo ON trim(s.${o}) = mo.raw JOIN ${quoteIdent(mapTable)} md ON trim(s.${d}) = md.raw`,
      [...(fixedPeriod ? [pParams[0], pParams[1], pParams[2]] : [])],
    );
    if (!options.sumDuplicates) {
      const dup = await ws.db.all<{ origin: string; destination: string; period: string; cohort: string; rows: number[] }>(
        `SELECT origin, destination, period, cohort, list(_row ORDER BY _row) AS rows FROM ${quoteIdent(resolved)}
         GROUP BY ALL HAVING count(*) > 1 ORDER BY min(_row) LIMIT 3`);
      if (dup.length) {
        const first = dup[0];
        throw new InputError(
          `duplicate flow ${first.origin} -> ${first.destination}, ${first.period}${first.cohort ? ` (${first.cohort})` : ''} on rows ${first.rows.map(Number).join(', ')}: remove the repeats or import with --sum-duplicates`,
          { file, row: Number(first.rows[1]), column: roles.get('origin') },
          dup.slice(1).map((x) => `rows ${x.rows.map(Number).join(', ')}: ${x.origin} -> ${x.destination}, ${x.period}`));
      }
    }
    const summary = await ws.db.transaction(async () => {
      await guardReimport(ws, 'flows', sha, file, options.replace ?? false, ['flows']);
      const overlap = await ws.db.one<{ n: bigint; origin: string; destination: string; period: string }>(
        `SELECT count(*) AS n, any_value(f.origin) AS origin, any_value(f.destination) AS destination, any_value(f.period) AS period
         FROM flows f JOIN (SELECT DISTINCT origin, destination, period, cohort FROM ${quoteIdent(resolved)}) r USING (origin, destination, period, cohort)`);
      if (overlap && Number(overlap.n) > 0) {
        if (!options.replace) {
          throw new ConflictError(`${file}: ${Number(overlap.n)} of these flows are already in the workspace (e.g. ${overlap.origin} -> ${overlap.destination}, ${overlap.period}); nothing was written. Use --replace to overwrite them`);
        }
        await ws.db.run(`DELETE FROM flows WHERE (origin, destination, period, cohort) IN (SELECT origin, destination, period, cohort FROM ${quoteIdent(resolved)})`);
        notes.push(`replaced ${Number(overlap.n)} stored flows with the same keys`);
      }
      const n = await ws.db.one<{ n: bigint; intra: bigint }>(
        `SELECT count(*) AS n, count(*) FILTER (WHERE origin = destination) AS intra FROM (SELECT DISTINCT origin, destination, period, cohort FROM ${quoteIdent(resolved)})`);
      const rows = Number(n!.n);
      const id = await recordImport(ws, 'flows', file, sha, rows, { map: options.map, period: options.period, cohort: cohortCols, sumDuplicates: options.sumDuplicates ?? false });
      await ws.db.run(
        `INSERT INTO flows SELECT ?, origin, destination, period, period_start, period_end, cohort, sum(count), origin = destination
         FROM ${quoteIdent(resolved)} GROUP BY origin, destination, period, period_start, period_end, cohort`, [id]);
      if (Number(n!.intra) > 0) notes.push(`${Number(n!.intra)} intra-regional flows (origin = destination) kept and flagged as intra`);
      return { importId: id, file, kind: 'flows', rows, format: st.format, encoding: st.encoding, notes };
    });
    return summary;
  } finally {
    for (const c of cleanups) await c.drop().catch(() => {});
  }
}
