import { resolve } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { stageFile, type StagedTable, type StageOptions } from '../duckdb/stage.ts';
import { type Workspace, guardReimport, matchableRegions, recordImport } from '../workspace.ts';
import { checkNumbers, checkPeriods, numberExpr, periodEnd, periodStart, periodText, RANGES } from './checks.ts';
import { resolveRegionColumns } from './region-checks.ts';
import { parseMap, resolveRoles } from './column-roles.ts';
import type { ImportSummary } from './import-flows.ts';
import { importWideIndicators } from './import-wide-indicators.ts';
import { refuseOverlap, refuseRepeatedKeys } from './indicator-keys.ts';
import { skipTotalRows, totalRowsNote } from './total-rows.ts';
import { sha256OfFile } from '../../io/file-hash.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { codedNotes } from './coded-notes.ts';

export interface ImportIndicatorsOptions extends StageOptions {
  map?: string;
  /** Period of every value when the file has no period column (wide files). */
  period?: string;
  /** Unit of every value when the file has no unit column. */
  unit?: string;
  /** Source line stored with each value (default: the file name). */
  source?: string;
  /** The source line in Chinese, stored beside it where given (a long file's source_zh column wins). */
  sourceZh?: string;
  replace?: boolean;
}

/** What the importers of one file share: where it is, its staged rows and the import's settings. */
export interface IndicatorFile {
  file: string;
  sha: string;
  st: StagedTable;
  mapping: Map<string, string>;
  source: string;
  sourceZh: string | null;
  options: ImportIndicatorsOptions;
  notes: CodedMessage[];
}

/**
 * Imports region indicators. Long files have region, period, indicator name and value columns
 * (and optionally unit and source); wide files have a region column and one column per indicator:
 * a yearbook table with a year column (城市, 年份, 城镇非私营单位平均工资（元）, …), year-suffixed
 * columns (gdp_2019), or all of one period given with --period. Total rows (合计, 全国, Total)
 * are left out and the summary says so.
 */
export async function importIndicators(ws: Workspace, file: string, options: ImportIndicatorsOptions = {}): Promise<ImportSummary> {
  const sha = await sha256OfFile(resolve(file)).catch(() => { throw new InputError(coded('file.notFound', {}), { file }); });
  let st = await stageFile(ws.db, file, options);
  try {
    const mapping = parseMap(options.map, file);
    const longRoles = resolveRoles(st.columns, { required: [], optional: ['region', 'period', 'indicator', 'value', 'unit', 'source'] }, mapping, file);
    const isLong = longRoles.has('indicator') && longRoles.has('value');
    const regions = await matchableRegions(ws);
    const region = resolveRoles(st.columns, { required: ['region'], optional: [] }, mapping, file).get('region')!;
    const totals = await skipTotalRows(ws.db, st, region, regions);
    st = totals.table;
    const notes = totalRowsNote(totals.skipped);
    const f: IndicatorFile = { file, sha, st, mapping, source: options.source ?? file, sourceZh: options.sourceZh?.trim() || null, options, notes };
    return isLong ? await importLong(ws, f, regions) : await importWideIndicators(ws, f, region, regions);
  } finally {
    await st.drop().catch(() => {});
  }
}

async function importLong(ws: Workspace, f: IndicatorFile, regions: Awaited<ReturnType<typeof matchableRegions>>): Promise<ImportSummary> {
  const { st, file, options } = f;
  const roles = resolveRoles(st.columns, { required: options.period ? ['region', 'indicator', 'value'] : ['region', 'period', 'indicator', 'value'], optional: ['unit', 'source', 'source_zh'] }, f.mapping, file);
  await checkNumbers(ws.db, st, roles.get('value')!, { required: true, what: 'an indicator value', range: RANGES.indicator });
  const fixed = options.period ? parsePeriod(options.period) : null;
  if (options.period && !fixed) throw new InputError(coded('imports.badPeriod', { period: String(options.period) }), { file });
  if (!fixed) await checkPeriods(ws.db, st, roles.get('period')!);
  const map = await resolveRegionColumns(ws.db, st, [roles.get('region')!], regions);
  const r = quoteIdent(roles.get('region')!);
  const n = quoteIdent(roles.get('indicator')!);
  const dup = await ws.db.one<{ region: string; name: string; period: string; rows: bigint[] }>(
    `SELECT m.code AS region, trim(s.${n}) AS name, ${fixed ? '?' : periodText(roles.get('period')!)} AS period, list(${st.rowExpr} ORDER BY ${st.rowExpr}) AS rows
     FROM ${quoteIdent(st.table)} s JOIN ${quoteIdent(map)} m ON m.raw = s.${r} GROUP BY ALL HAVING count(*) > 1 LIMIT 1`, fixed ? [fixed.text] : []);
  if (dup) throw new InputError(coded('imports.indicatorTwice', { name: dup.name, region: dup.region, period: String(dup.period), rows: dup.rows.map((r) => String(Number(r))) }), { file, row: Number(dup.rows[1]), column: roles.get('indicator') });
  return ws.db.transaction(async () => {
    await guardReimport(ws, 'indicators', f.sha, file, options.replace ?? false, ['indicators']);
    const id = await recordImport(ws, 'indicators', file, f.sha, st.rows, { period: options.period });
    const pt = fixed ? '?' : periodText(roles.get('period')!);
    const ps = fixed ? '?' : periodStart(roles.get('period')!);
    const pe = fixed ? '?' : periodEnd(roles.get('period')!);
    const unit = roles.has('unit') ? `nullif(trim(s.${quoteIdent(roles.get('unit')!)}), '')` : '?';
    const src = roles.has('source') ? `coalesce(nullif(trim(s.${quoteIdent(roles.get('source')!)}), ''), ?)` : '?';
    // The Chinese line only beside a source of the file's own rows or options: never beside the file name.
    const srcZh = roles.has('source_zh') ? `nullif(trim(s.${quoteIdent(roles.get('source_zh')!)}), '')` : '?';
    const params = [id, ...(fixed ? [fixed.text, fixed.start, fixed.end] : []), ...(roles.has('unit') ? [] : [options.unit ?? null]), f.source, ...(roles.has('source_zh') ? [] : [f.sourceZh])];
    await ws.db.run(
      `INSERT INTO indicators (import_id, region, period, period_start, period_end, name, value, unit, source, source_zh)
       SELECT ?, m.code, ${pt}, ${ps}, ${pe}, trim(s.${n}), ${numberExpr(roles.get('value')!)}, ${unit}, ${src}, ${srcZh}
       FROM ${quoteIdent(st.table)} s JOIN ${quoteIdent(map)} m ON m.raw = s.${r}`, params);
    await refuseRepeatedKeys(ws, id, file);
    await refuseOverlap(ws, id, file, options.replace ?? false);
    return { importId: id, file, kind: 'indicators', rows: st.rows, format: st.format, encoding: st.encoding, ...codedNotes(f.notes) };
  });
}
