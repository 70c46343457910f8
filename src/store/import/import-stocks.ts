import { resolve } from 'node:path';
import { ConflictError, InputError } from '../../core/errors.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { stageFile, type StageOptions, type StagedTable } from '../duckdb/stage.ts';
import { type Workspace, guardReimport, matchableRegions, recordImport } from '../workspace.ts';
import { checkNumbers, checkRequired, numberExpr, periodMapTable, RANGES } from './checks.ts';
import { resolveRegionColumns } from './region-checks.ts';
import { parseMap, resolveRoles } from './column-roles.ts';
import type { ImportSummary } from './import-flows.ts';
import {
  DEFAULT_STOCK_DEFINITION, STOCK_COLUMN_NAMES, STOCK_UNITS, parseSamplingRates, parseStockDate, ratesForDates, stockRoleOfHeader, type StockUnit,
} from './stock-options.ts';
import { looksWide, toLongMatrix } from './wide-matrix.ts';
import { sha256OfFile } from '../../io/file-hash.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { codedNotes } from './coded-notes.ts';

export interface ImportStocksOptions extends StageOptions {
  /** Column mapping `role=column,...` (roles: birth, residence, date, count). */
  map?: string;
  /** Census year of every row when the file has no date column. */
  date?: string | number;
  /** 'persons' (default) or 'sample': counts of a census sample, each standing for 1 / samplingRate persons. */
  unit?: StockUnit;
  /** Unit 'sample' only, and then required: one fraction for every date ("0.1") or per date ("2000=0.095,2010=0.1"). */
  samplingRate?: number | string;
  /** What the counts are, shown wherever they are. Default DEFAULT_STOCK_DEFINITION. */
  definition?: string;
  /** The definition in Chinese, where there is one (shown on the Chinese side of the CLI, page and estimates). */
  definitionZh?: string;
  /** Source line. Default: the file name. */
  source?: string;
  /** The source line in Chinese, where there is one (the page cites it on its Chinese side). */
  sourceZh?: string;
  /** Read a wide matrix: one row per region, one column per region (auto-detected if unset). */
  wide?: boolean;
  /** What the rows of a wide matrix are. Default: from the first column's header (出生地 / birth, 现住地 / residence); otherwise required. */
  rowsAre?: 'birth' | 'residence';
  /** Replace a stored stock table of the same date and definition (and an earlier import of the same file). */
  replace?: boolean;
}

/**
 * Imports a bilateral stock table (people by region of birth and region of residence at one or
 * more census dates) in one transaction, with the checks of the flow importer: counts must be
 * numbers and not negative, a cell given twice, an unknown region (with the closest known names)
 * or a range where a date belongs are errors naming file, row and column; nothing is written on
 * any error. Each date gets a stock_tables row stating unit, sampling rate, definition and source.
 * Cells a file does not give (often the diagonal: people living where they were born) are not
 * stored, so they read as missing, never as zero.
 */
export async function importStocks(ws: Workspace, file: string, options: ImportStocksOptions = {}): Promise<ImportSummary> {
  const path = resolve(file);
  const sha = sha256OfFile(path);
  sha.catch(() => undefined);
  const unit = options.unit ?? 'persons';
  if (!STOCK_UNITS.includes(unit)) throw new InputError(coded('stocks.notUnit', { unit, units: STOCK_UNITS }), { file });
  const rates = parseSamplingRates(options.samplingRate, unit, file);
  const definition = options.definition?.trim() || DEFAULT_STOCK_DEFINITION;
  const source = options.source?.trim() || file;
  const fixedDate = options.date === undefined ? null : parseStockDate(options.date, '--date', file);
  const regions = await matchableRegions(ws);
  const mapping = parseMap(options.map, file);
  const required = fixedDate === null ? ['birth', 'residence', 'count', 'date'] : ['birth', 'residence', 'count'];
  const isWide = (cols: readonly string[]) => options.wide ?? (!mapping.has('residence') && looksWide(cols, regions, mapping));

  let st: StagedTable = await stageFile(ws.db, file, options, (header) => {
    if (isWide(header)) return null;
    const roles = resolveRoles(header, { required, optional: [] }, mapping, file, STOCK_COLUMN_NAMES);
    return { keep: [...new Set(roles.values())], numeric: [roles.get('count')!] };
  });
  const notes: CodedMessage[] = [];
  const cleanups: StagedTable[] = [st];
  try {
    let roleMap = mapping;
    if (isWide(st.columns)) {
      const rowCol = mapping.get('birth') ?? mapping.get('residence') ?? st.columns[0];
      const rowsAre = options.rowsAre ?? (mapping.has('birth') ? 'birth' : mapping.has('residence') ? 'residence' : stockRoleOfHeader(rowCol));
      if (!rowsAre) {
        throw new InputError(coded('stocks.wideRows', { column: rowCol }), { file, row: 1, column: rowCol });
      }
      // Its notes name the matrix's rows and columns as a stock table's (birth or residence regions).
      const long = await toLongMatrix(ws.db, st, new Map([['origin', rowCol]]), file, rowsAre);
      notes.push(...long.notes);
      st = long.table;
      cleanups.push(st);
      roleMap = new Map([
        ['birth', rowsAre === 'birth' ? 'origin' : 'destination'], ['residence', rowsAre === 'birth' ? 'destination' : 'origin'], ['count', 'count'],
        ...(st.columns.includes('period') && fixedDate === null ? [['date', 'period'] as [string, string]] : []),
      ]);
    }
    const roles = resolveRoles(st.columns, { required, optional: [] }, roleMap, file, STOCK_COLUMN_NAMES);
    const [bCol, rCol, cCol] = [roles.get('birth')!, roles.get('residence')!, roles.get('count')!];
    const typed = st.numeric.includes(cCol);
    if (typed) await checkRequired(ws.db, st, cCol, { nonNegative: true, what: 'a stock count', range: RANGES.count });
    else await checkNumbers(ws.db, st, cCol, { nonNegative: true, required: true, what: 'a stock count', range: RANGES.count });

    const dCol = roles.get('date');
    const dates = dCol ? await periodMapTable(ws.db, st, dCol) : null;
    if (dates) {
      const range = await ws.db.one<{ raw: string }>(`SELECT raw FROM ${quoteIdent(dates)} WHERE start <> end_year LIMIT 1`);
      if (range) {
        const r = await ws.db.one<{ r: bigint }>(`SELECT min(${st.rowExpr}) AS r FROM ${quoteIdent(st.table)} s WHERE s.${quoteIdent(dCol!)}::VARCHAR = ?`, [range.raw]);
        throw new InputError(coded('stocks.dateRange', { text: range.raw }), { file, row: Number(r?.r), column: dCol });
      }
    }
    const map = await resolveRegionColumns(ws.db, st, [bCol, rCol], regions);
    const dateExpr = dates ? 'dm.start' : '?';
    const dateParams = dates ? [] : [fixedDate!];
    const joins = `FROM ${quoteIdent(st.table)} s
       JOIN ${quoteIdent(map)} mb ON s.${quoteIdent(bCol)} = mb.raw
       JOIN ${quoteIdent(map)} mr ON s.${quoteIdent(rCol)} = mr.raw
       ${dates ? `JOIN ${quoteIdent(dates)} dm ON s.${quoteIdent(dCol!)}::VARCHAR = dm.raw` : ''}`;

    const dup = await ws.db.one<{ birth: string; residence: string; date: number; rows: bigint[] }>(
      `SELECT mb.code AS birth, mr.code AS residence, ${dateExpr} AS date, list(${st.rowExpr} ORDER BY ${st.rowExpr}) AS rows
       ${joins} GROUP BY ALL HAVING count(*) > 1 ORDER BY min(${st.rowExpr}) LIMIT 1`, dateParams);
    if (dup) {
      const rows = dup.rows.map(Number);
      throw new InputError(coded('stocks.cellTwice', { birth: dup.birth, residence: dup.residence, date: Number(dup.date), rows: rows.slice(0, 10).map(String) }), { file, row: rows[1], column: bCol });
    }
    const years = dates
      ? (await ws.db.all<{ y: number }>(`SELECT DISTINCT start AS y FROM ${quoteIdent(dates)} ORDER BY y`)).map((d) => Number(d.y))
      : [fixedDate!];
    const rateOf = ratesForDates(rates, unit, years, file);
    const countExpr = typed ? `s.${quoteIdent(cCol)}` : numberExpr(cCol, 's');

    return await ws.db.transaction(async () => {
      await guardReimport(ws, 'stocks', await sha, file, options.replace ?? false, ['stocks', 'stock_tables']);
      for (const year of years) {
        const same = await ws.db.all<{ import_id: number; cells: bigint }>('SELECT import_id, cells FROM stock_tables WHERE date = ? AND definition = ? ORDER BY import_id', [year, definition]);
        if (!same.length) continue;
        if (!options.replace) {
          throw new ConflictError(coded('stocks.tableStored', { file, year, definition, importId: Number(same[0].import_id), cells: Number(same[0].cells) }));
        }
        for (const s of same) {
          await ws.db.run('DELETE FROM stocks WHERE import_id = ? AND date = ?', [s.import_id, year]);
          await ws.db.run('DELETE FROM stock_tables WHERE import_id = ? AND date = ?', [s.import_id, year]);
        }
        notes.push(coded('import.stockReplaced', { year, imports: same.map((s) => String(s.import_id)) }));
      }
      const id = await recordImport(ws, 'stocks', file, await sha, 0, {
        map: options.map, date: fixedDate, unit, samplingRate: options.samplingRate ?? null, definition, definitionZh: options.definitionZh, source, sourceZh: options.sourceZh, wide: options.wide, rowsAre: options.rowsAre,
      });
      await ws.db.run(`INSERT INTO stocks SELECT ?, mb.code, mr.code, ${dateExpr}, ${countExpr} ${joins}`, [id, ...dateParams]);
      for (const year of years) {
        await ws.db.run(
          `INSERT INTO stock_tables (import_id, date, unit, sampling_rate, definition, definition_zh, source, source_zh, cells, total)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, count(*), coalesce(sum(count), 0) FROM stocks WHERE import_id = ? AND date = ?`,
          [id, year, unit, rateOf.get(year) ?? null, definition, options.definitionZh?.trim() || null, source, options.sourceZh?.trim() || null, id, year]);
      }
      const n = await ws.db.one<{ n: bigint; stayers: bigint }>('SELECT count(*) AS n, count(*) FILTER (WHERE birth = residence) AS stayers FROM stocks WHERE import_id = ?', [id]);
      const rows = Number(n!.n);
      await ws.db.run('UPDATE imports SET rows = ? WHERE id = ?', [rows, id]);
      const tables = await ws.db.all<{ date: number; cells: bigint; total: number; sampling_rate: number | null }>(
        'SELECT date, cells, total, sampling_rate FROM stock_tables WHERE import_id = ? ORDER BY date', [id]);
      for (const t of tables) {
        const total = Number(t.total);
        notes.push(coded('import.stockTable', { date: Number(t.date), cells: Number(t.cells), total, samplingRate: t.sampling_rate }));
      }
      notes.push(Number(n!.stayers) > 0 ? coded('import.stayers', { count: Number(n!.stayers) }) : coded('import.noStayers', {}));
      return { importId: id, file, kind: 'stocks', rows, format: st.format, encoding: st.encoding, ...codedNotes(notes) };
    });
  } finally {
    for (const c of cleanups.reverse()) await c.drop().catch(() => {});
  }
}
