import { resolve } from 'node:path';
import { ConflictError, InputError } from '../../core/errors.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { stageFile, type StageOptions } from '../duckdb/stage.ts';
import { type Workspace, fileSha256, guardReimport, matchableRegions, recordImport } from '../workspace.ts';
import { checkNumbers, checkPeriods, numberExpr, periodEnd, periodStart, periodText, resolveRegionColumns, RANGES } from './checks.ts';
import { normaliseHeader, parseMap, resolveRoles } from './column-roles.ts';
import type { ImportSummary } from './import-flows.ts';
import { insertWideIndicators, yearSuffixedColumns } from './wide-indicators.ts';

export interface ImportIndicatorsOptions extends StageOptions {
  map?: string;
  /** Period of every value when the file has no period column (wide files). */
  period?: string;
  /** Unit of every value when the file has no unit column. */
  unit?: string;
  /** Source line stored with each value (default: the file name). */
  source?: string;
  replace?: boolean;
}

/**
 * Imports region indicators. Long files have region, period, indicator name and value columns
 * (and optionally unit and source); wide files have a region column and one column per indicator,
 * either year-suffixed (`gdp_2019`) or all of one period given with --period.
 */
export async function importIndicators(ws: Workspace, file: string, options: ImportIndicatorsOptions = {}): Promise<ImportSummary> {
  const sha = await fileSha256(resolve(file)).catch(() => { throw new InputError('file not found', { file }); });
  const st = await stageFile(ws.db, file, options);
  const notes: string[] = [];
  try {
    const mapping = parseMap(options.map, file);
    const longRoles = resolveRoles(st.columns, { required: [], optional: ['region', 'period', 'indicator', 'value', 'unit', 'source'] }, mapping, file);
    const isLong = longRoles.has('indicator') && longRoles.has('value');
    const source = options.source ?? file;
    if (isLong) {
      const roles = resolveRoles(st.columns, { required: options.period ? ['region', 'indicator', 'value'] : ['region', 'period', 'indicator', 'value'], optional: ['unit', 'source'] }, mapping, file);
      await checkNumbers(ws.db, st, roles.get('value')!, { required: true, what: 'an indicator value', range: RANGES.indicator });
      const fixed = options.period ? parsePeriod(options.period) : null;
      if (options.period && !fixed) throw new InputError(`--period "${options.period}" is not a year or a range of years`, { file });
      if (!fixed) await checkPeriods(ws.db, st, roles.get('period')!);
      const map = await resolveRegionColumns(ws.db, st, [roles.get('region')!], await matchableRegions(ws));
      const r = quoteIdent(roles.get('region')!);
      const n = quoteIdent(roles.get('indicator')!);
      const dup = await ws.db.one<{ region: string; name: string; period: string; rows: bigint[] }>(
        `SELECT m.code AS region, trim(s.${n}) AS name, ${fixed ? '?' : periodText(roles.get('period')!)} AS period, list(${st.rowExpr} ORDER BY ${st.rowExpr}) AS rows
         FROM ${quoteIdent(st.table)} s JOIN ${quoteIdent(map)} m ON m.raw = s.${r} GROUP BY ALL HAVING count(*) > 1 LIMIT 1`, fixed ? [fixed.text] : []);
      if (dup) throw new InputError(`indicator "${dup.name}" of ${dup.region} for ${dup.period} is given twice (rows ${dup.rows.map(Number).join(', ')})`, { file, row: Number(dup.rows[1]), column: roles.get('indicator') });
      return await ws.db.transaction(async () => {
        await guardReimport(ws, 'indicators', sha, file, options.replace ?? false, ['indicators']);
        const id = await recordImport(ws, 'indicators', file, sha, st.rows, { period: options.period });
        const pt = fixed ? '?' : periodText(roles.get('period')!);
        const ps = fixed ? '?' : periodStart(roles.get('period')!);
        const pe = fixed ? '?' : periodEnd(roles.get('period')!);
        const unit = roles.has('unit') ? `nullif(trim(s.${quoteIdent(roles.get('unit')!)}), '')` : '?';
        const src = roles.has('source') ? `coalesce(nullif(trim(s.${quoteIdent(roles.get('source')!)}), ''), ?)` : '?';
        const params = [id, ...(fixed ? [fixed.text, fixed.start, fixed.end] : []), ...(roles.has('unit') ? [] : [options.unit ?? null]), source];
        await ws.db.run(
          `INSERT INTO indicators SELECT ?, m.code, ${pt}, ${ps}, ${pe}, trim(s.${n}), ${numberExpr(roles.get('value')!)}, ${unit}, ${src}
           FROM ${quoteIdent(st.table)} s JOIN ${quoteIdent(map)} m ON m.raw = s.${r}`, params);
        await refuseOverlap(ws, id, file, options.replace ?? false);
        return { importId: id, file, kind: 'indicators', rows: st.rows, format: st.format, encoding: st.encoding, notes };
      });
    }
    const region = resolveRoles(st.columns, { required: ['region'], optional: [] }, mapping, file).get('region')!;
    const rest = st.columns.filter((c) => c !== region);
    let cols = yearSuffixedColumns(rest);
    if (!cols.length) {
      if (!options.period) throw new InputError('a wide indicator file needs year-suffixed columns (gdp_2019) or --period; a long one needs indicator and value columns', { file, row: 1 });
      const p = parsePeriod(options.period);
      if (!p || p.start !== p.end) throw new InputError(`--period "${options.period}" must be one year for a wide file`, { file });
      cols = rest.map((c) => ({ column: c, name: normaliseHeader(c), year: p.start }));
    }
    const map = await resolveRegionColumns(ws.db, st, [region], await matchableRegions(ws));
    return await ws.db.transaction(async () => {
      await guardReimport(ws, 'indicators', sha, file, options.replace ?? false, ['indicators']);
      const id = await recordImport(ws, 'indicators', file, sha, st.rows, { period: options.period });
      const n = await insertWideIndicators(ws, st, region, cols, id, source, map);
      if (options.unit) await ws.db.run('UPDATE indicators SET unit = ? WHERE import_id = ? AND unit IS NULL', [options.unit, id]);
      await refuseOverlap(ws, id, file, options.replace ?? false);
      notes.push(`${n} values from ${cols.length} columns`);
      return { importId: id, file, kind: 'indicators', rows: n, format: st.format, encoding: st.encoding, notes };
    });
  } finally {
    await st.drop().catch(() => {});
  }
}

/** Same region, period and indicator already stored by an earlier import: refuse, or replace. */
async function refuseOverlap(ws: Workspace, id: number, file: string, replace: boolean): Promise<void> {
  const o = await ws.db.one<{ n: bigint; region: string; name: string; period: string }>(
    `SELECT count(*) AS n, any_value(a.region) AS region, any_value(a.name) AS name, any_value(a.period) AS period
     FROM indicators a JOIN indicators b USING (region, period, name) WHERE a.import_id = ? AND b.import_id <> ?`, [id, id]);
  if (!o || Number(o.n) === 0) return;
  if (!replace) throw new ConflictError(`${file}: ${Number(o.n)} values are already in the workspace (e.g. ${o.name} of ${o.region} for ${o.period}); nothing was written. Use --replace to overwrite them`);
  await ws.db.run(
    `DELETE FROM indicators WHERE import_id <> ? AND (region, period, name) IN (SELECT region, period, name FROM indicators WHERE import_id = ?)`, [id, id]);
}
