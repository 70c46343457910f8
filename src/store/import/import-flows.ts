import { InputError } from '../../core/errors.ts';
import { type Database, quoteIdent } from '../duckdb/database.ts';
import { addFlowCodes, addFlowCohorts, addFlowPeriods } from '../flow-rows.ts';
import { nextImportId } from '../recovery.ts';
import { stageFile, type StageOptions, type StagedTable } from '../duckdb/stage.ts';
import type { Workspace } from '../workspace.ts';
import { finishFlowImport } from './flow-import-end.ts';
import { flowFilePlan, phaseClock } from './flow-file-plan.ts';
import { importPlainFlows } from './import-plain-flows.ts';
import { checkNumbers, checkRequired, numberExpr, periodMapTable, RANGES } from './checks.ts';
import { regionValues, resolveRegionColumns } from './region-checks.ts';
import { resolveRoles } from './column-roles.ts';
import { skipTotalRows, totalRowsNote } from './total-rows.ts';
import { toLongMatrix } from './wide-matrix.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';

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
  /** Where the flows come from, shown with them (the dashboard's footer); default: the file name. */
  source?: string;
  /** The same in Chinese, where there is one: the page's Chinese side cites it, the English side `source`. */
  sourceZh?: string;
}

export interface ImportSummary {
  importId: number;
  file: string;
  kind: string;
  rows: number;
  format: string;
  encoding: string | null;
  notes: string[];
  /** The notes coded (core/messages/import.ts), for a front-end's language; none on the demo's estimated flows. */
  messages?: { notes: CodedMessage[] };
  /** Seconds spent in each phase, for benchmarks and for users wondering where the time goes. */
  timings?: Record<string, number>;
  /**
   * How a flow file was read: 'plain' in one pass into typed columns (import-plain-flows.ts), or
   * 'staged' by DuckDB's reader into a temporary table (any file the plain path does not take).
   */
  reader?: 'plain' | 'staged';
}

/** Progress callback mapping 0..1 onto from..1. */
const onFrom = (from: number, onProgress: (fraction: number, phase: string) => void) => (f: number, phase: string) => onProgress(from + (1 - from) * f, phase);

/**
 * Imports an origin-destination flow table (long or wide) into the workspace, in one transaction:
 * on any problem nothing is written and the error names file, row, column and the reason.
 *
 * A plain long CSV (the usual large file) is read in one pass into typed columns and written as
 * such (import-plain-flows.ts). Any other file, or one that path finds a fault in, takes the staged
 * path below, which reads it again and names the fault.
 *
 * Staged pipeline (each step one pass in DuckDB): read only the needed columns, counts parsed while
 * reading; check counts; resolve the distinct region names and periods in JS into small lookup
 * tables; then, in the transaction, give the file's codes, periods and cohorts their dictionary
 * ids and write every row once as integers (flow-rows.ts), check the written keys for repeats
 * (a bitmap over the ids) and against the flows stored before. Any refusal rolls it all back.
 */
export async function importFlows(ws: Workspace, file: string, options: ImportFlowsOptions = {}): Promise<ImportSummary> {
  options.onProgress?.(0, 'reading');
  const plan = await flowFilePlan(ws, file, options);
  const started = performance.now();
  let shown = 0;
  const report = options.onProgress && ((f: number, phase: string) => options.onProgress!((shown = Math.max(shown, f)), phase));
  const plain = await importPlainFlows(ws, file, { ...options, onProgress: report }, plan, phaseClock(report));
  if (plain) return plain;
  // Handed over after the plain path had read some or all of the file: the staged path reads it
  // again, its progress carried on from where the bar stood rather than sent back to 0.
  options = { ...options, onProgress: options.onProgress && onFrom(shown, options.onProgress) };
  const { timings, lap } = phaseClock(options.onProgress);
  // The plain path's time when it handed the file over (a fault found after reading it all, say).
  timings['plain read, handed over'] = (performance.now() - started) / 1000;
  const { regions, mapping, fixedPeriod, required, isWide, cohortOf } = plan;

  // The file's hash (to refuse a second import) comes with the staging: a UTF-8 CSV is hashed by
  // the line scan's reads, so a large file is read once before DuckDB reads it.
  let st: StagedTable = await stageFile(ws.db, file, { ...options, hash: true }, (header) => {
    if (isWide(header)) return null;
    const roles = resolveRoles(header, { required, optional: [] }, mapping, file);
    const keep = [...new Set([...roles.values(), ...cohortOf(header, roles.values())])];
    return { keep, numeric: [roles.get('count')!] };
  });
  const sha = st.sha256!;
  lap('read');
  const notes: CodedMessage[] = [];
  const cleanups: StagedTable[] = [st];
  try {
    let roleMap = mapping;
    if (isWide(st.columns)) {
      const long = await toLongMatrix(ws.db, st, mapping, file);
      notes.push(...long.notes);
      st = long.table;
      cleanups.push(st);
      roleMap = new Map();
    }
    const roles = resolveRoles(st.columns, { required, optional: [] }, roleMap, file);
    const cohortCols = cohortOf(st.columns, roles.values());
    const [oCol, dCol, cCol] = [roles.get('origin')!, roles.get('destination')!, roles.get('count')!];
    // Total rows (合计, 全国, Total) are not regions: left out as in indicator files, and said so.
    // The region columns' distinct values, read once for the total rows and the matching below.
    let values: { v: string | null }[] | undefined = await regionValues(ws.db, st, [oCol, dCol]);
    const totals = await skipTotalRows(ws.db, st, [oCol, dCol], regions, values);
    // Rows left out may hold the only use of a value in their other column: read them again.
    if (totals.table !== st) values = undefined;
    if (totals.table !== st) cleanups.push(st = totals.table);
    notes.push(...totalRowsNote(totals.skipped));
    const typed = st.numeric.includes(cCol);
    if (typed) await checkRequired(ws.db, st, cCol, { nonNegative: true, what: 'a flow count', range: RANGES.count });
    else await checkNumbers(ws.db, st, cCol, { nonNegative: true, required: true, what: 'a flow count', range: RANGES.count });
    // Blank origins and destinations are caught on the columns' distinct values while matching.
    lap('check');
    const periods = fixedPeriod ? null : await periodMapTable(ws.db, st, roles.get('period')!);
    const mapTable = await resolveRegionColumns(ws.db, st, [oCol, dCol], regions, { values });
    lap('match regions and periods');

    const cohortExpr = cohortCols.length
      ? cohortCols.map((c) => `'${c.replace(/'/g, "''").replace(/[=;]/g, '_')}=' || coalesce(trim(s.${quoteIdent(c)}), '')`).sort().join(" || ';' || ")
      : "''";
    const pCol = roles.get('period');
    const stage = quoteIdent(st.table);
    const summary = await ws.db.transaction(async () => {
      // Dictionary ids for the file's codes, periods and cohorts (few rows each), then every row
      // written once as integers: the rows are checked for repeated keys where they are stored.
      await addFlowCodes(ws.db, `SELECT code AS value FROM ${quoteIdent(mapTable)}`);
      const codeIds = `${mapTable}_ids`;
      cleanups.push(tempTable(ws, codeIds));
      await ws.db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(codeIds)} AS SELECT m.raw, c.id FROM ${quoteIdent(mapTable)} m JOIN flow_codes c ON c.code = m.code`);
      let periodIds: string | null = null;
      let fixedPeriodId: number | null = null;
      if (periods) {
        await addFlowPeriods(ws.db, `SELECT text, start, end_year FROM ${quoteIdent(periods)}`);
        periodIds = `${periods}_ids`;
        cleanups.push(tempTable(ws, periodIds));
        await ws.db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(periodIds)} AS SELECT m.raw, p.id FROM ${quoteIdent(periods)} m JOIN flow_periods p ON p.period = m.text`);
        // One period in the whole column (the usual file): every row has it, so no join is needed.
        const only = await ws.db.all<{ id: number }>(`SELECT id FROM ${quoteIdent(periodIds)} LIMIT 2`);
        if (only.length === 1) fixedPeriodId = Number(only[0].id);
      } else {
        await addFlowPeriods(ws.db, 'SELECT ?::VARCHAR AS text, ?::SMALLINT AS start, ?::SMALLINT AS end_year', [fixedPeriod!.text, fixedPeriod!.start, fixedPeriod!.end]);
        fixedPeriodId = Number((await ws.db.one<{ id: number }>('SELECT id FROM flow_periods WHERE period = ?', [fixedPeriod!.text]))!.id);
      }
      if (cohortCols.length) await addFlowCohorts(ws.db, `SELECT ${cohortExpr} AS value FROM ${stage} s`);
      const idJoins = `FROM ${stage} s
           JOIN ${quoteIdent(codeIds)} mo ON s.${quoteIdent(oCol)} = mo.raw
           JOIN ${quoteIdent(codeIds)} md ON s.${quoteIdent(dCol)} = md.raw
           ${fixedPeriodId === null ? `JOIN ${quoteIdent(periodIds!)} pm ON s.${quoteIdent(pCol!)}::VARCHAR = pm.raw` : ''}
           ${cohortCols.length ? `JOIN flow_cohorts fc ON fc.cohort = ${cohortExpr}` : ''}`;
      const countValue = typed ? `s.${quoteIdent(cCol)}` : numberExpr(cCol, 's');
      // The id is taken now and its record written last, so that the checks below see only the
      // earlier imports (the same order of refusals as before the rows were written first).
      const id = await nextImportId(ws.db);
      // DuckDB answers an INSERT with the number of rows written.
      const written = await ws.db.one<{ Count: bigint }>(
        `INSERT INTO flow_rows SELECT ?::INTEGER, mo.id, md.id, ${fixedPeriodId === null ? 'pm.id' : '?::INTEGER'}, ${cohortCols.length ? 'fc.id' : '0'},
           ${options.sumDuplicates ? `sum(${countValue})` : countValue}
         ${idJoins} ${options.sumDuplicates ? 'GROUP BY ALL' : ''}`, [id, ...(fixedPeriodId === null ? [] : [fixedPeriodId])]);
      lap('write');
      if (!options.sumDuplicates) {
        // The ids' ranges come from the file's small dictionaries (its codes, periods, cohorts), not
        // from a pass over the rows just written.
        const bounds = await ws.db.one<Omit<KeyBounds, 'n'>>(
          `SELECT min(id) AS o0, max(id) AS o1, min(id) AS d0, max(id) AS d1,
                  ${fixedPeriodId === null ? `(SELECT min(id) FROM ${quoteIdent(periodIds!)})` : '?::INTEGER'} AS p0,
                  ${fixedPeriodId === null ? `(SELECT max(id) FROM ${quoteIdent(periodIds!)})` : '?::INTEGER'} AS p1,
                  ${cohortCols.length ? '(SELECT min(id) FROM flow_cohorts)' : '0'} AS c0, ${cohortCols.length ? '(SELECT max(id) FROM flow_cohorts)' : '0'} AS c1
           FROM ${quoteIdent(codeIds)}`, fixedPeriodId === null ? [] : [fixedPeriodId, fixedPeriodId]);
        if (await hasRepeatedKey(ws, id, bitmapLimit, { n: written!.Count, ...bounds! })) {
          throw await duplicateError(ws, st, { oCol, dCol, pCol: periods ? pCol! : null, mapTable, periods, fixedPeriod: fixedPeriod?.text ?? null, cohortExpr });
        }
      }
      return finishFlowImport(ws, {
        id, file, sha, reader: 'staged', cohortColumns: cohortCols, fileRows: st.rows, format: st.format, encoding: st.encoding, notes, timings, lap,
        periodIds: fixedPeriodId === null ? `SELECT id FROM ${quoteIdent(periodIds!)}` : String(fixedPeriodId),
      }, options);
    });
    return summary;
  } finally {
    for (const c of cleanups.reverse()) await c.drop().catch(() => {});
  }
}

/** A temporary table to drop when the import ends (it may not exist if the import failed first). */
function tempTable(ws: Workspace, table: string): StagedTable {
  return { drop: () => ws.db.run(`DROP TABLE IF EXISTS temp.${quoteIdent(table)}`) } as StagedTable;
}

/** An import's row count and the ranges its ids lie in (each range may be wider than the ids used). */
export interface KeyBounds {
  n: bigint;
  o0: number; o1: number;
  d0: number; d1: number;
  p0: number; p1: number;
  c0: number; c1: number;
}

/**
 * Whether the rows of import `id` (just written) repeat an origin-destination-period-cohort key.
 * The key is a whole number made of the four ids; when their product of ranges is small enough
 * (almost always: a few thousand regions, one or a few periods) DuckDB sets one bit per key
 * (bitstring_agg) and counts the bits, a pass without the hash table of millions of groups that
 * a count of distinct keys builds (3-4x the time); otherwise it counts the distinct keys.
 * `known` saves the pass that finds the row count and ranges when the caller has them.
 */
export async function hasRepeatedKey(ws: Workspace, id: number, limit = bitmapLimit, known?: KeyBounds): Promise<boolean> {
  const r = known ?? await ws.db.one<KeyBounds>(
    `SELECT count(*) AS n, min(origin_id) AS o0, max(origin_id) AS o1, min(destination_id) AS d0, max(destination_id) AS d1,
            min(period_id) AS p0, max(period_id) AS p1, min(cohort_id) AS c0, max(cohort_id) AS c1 FROM flow_rows WHERE import_id = ?`, [id]);
  const rows = Number(r!.n);
  if (rows < 2) return false;
  const [no, nd, np] = [r!.o1 - r!.o0 + 1, r!.d1 - r!.d0 + 1, r!.p1 - r!.p0 + 1];
  const space = no * nd * np * (r!.c1 - r!.c0 + 1);
  const distinct = space <= limit(rows)
    ? await ws.db.one<{ d: bigint }>(
      `SELECT bit_count(bitstring_agg(((((cohort_id - ?) * ?::BIGINT + (period_id - ?)) * ? + (origin_id - ?)) * ? + (destination_id - ?)), 0, ?)) AS d
       FROM flow_rows WHERE import_id = ?`, [r!.c0, np, r!.p0, no, r!.o0, nd, r!.d0, space - 1, id])
    : await ws.db.one<{ d: bigint }>('SELECT count(DISTINCT (origin_id, destination_id, period_id, cohort_id)) AS d FROM flow_rows WHERE import_id = ?', [id]);
  return Number(distinct!.d) < rows;
}

/** The largest key space counted with a bitmap (bits, one bitmap per DuckDB thread): 2^26 (8 MB), or 32 bits a row for larger files, at most 2^30 (128 MB). */
export function bitmapLimit(rows: number): number {
  return Math.max(2 ** 26, Math.min(32 * rows, 2 ** 30));
}

interface KeyColumns {
  oCol: string;
  dCol: string;
  /** The period column when the file has one (`periods` is its lookup table), else null with `fixedPeriod`. */
  pCol: string | null;
  mapTable: string;
  periods: string | null;
  fixedPeriod: string | null;
  cohortExpr: string;
}

/**
 * The refusal of a file that repeats a key, naming the first repeated flow, its rows and up to two
 * more: grouped on the resolved keys in the staged file (only when a repeat was found).
 */
async function duplicateError(ws: Workspace, st: StagedTable, k: KeyColumns): Promise<InputError> {
  const db: Database = ws.db;
  const from = `FROM ${quoteIdent(st.table)} s
       JOIN ${quoteIdent(k.mapTable)} mo ON s.${quoteIdent(k.oCol)} = mo.raw
       JOIN ${quoteIdent(k.mapTable)} md ON s.${quoteIdent(k.dCol)} = md.raw
       ${k.periods ? `JOIN ${quoteIdent(k.periods)} pm ON s.${quoteIdent(k.pCol!)}::VARCHAR = pm.raw` : ''}`;
  const keys = ['mo.code', 'md.code', ...(k.periods ? ['pm.text'] : []), k.cohortExpr];
  const dup = await db.all<{ first: bigint; n: bigint; key: unknown[] }>(
    `SELECT min(${st.rowExpr}) AS first, count(*) AS n, [${keys.map((x) => `(${x})::VARCHAR`).join(', ')}] AS key ${from}
     GROUP BY ${keys.join(', ')} HAVING count(*) > 1 ORDER BY first LIMIT 3`);
  if (!dup.length) return new InputError(coded('imports.repeatsKey', {}), { file: st.file, column: k.oCol });
  // The repeated key itself selects its rows: a row number is not unique in a wide matrix read as
  // long (every destination of a row shares it).
  const same = keys.map((x) => `(${x})::VARCHAR IS NOT DISTINCT FROM ?`).join(' AND ');
  const keyValues = dup[0].key.map((v) => (v === null ? null : String(v)));
  const rows = (await db.all<{ r: bigint }>(`SELECT DISTINCT ${st.rowExpr} AS r ${from} WHERE ${same} ORDER BY r LIMIT 10`, keyValues)).map((r) => Number(r.r));
  const [origin, destination] = keyValues as string[];
  const period = k.periods ? keyValues[2] : k.fixedPeriod;
  const cohort = keyValues[keyValues.length - 1];
  return new InputError(
    coded('imports.duplicateFlow', { origin, destination, period: String(period), cohort: cohort ? String(cohort) : '', rows: rows.map(String) }),
    { file: st.file, row: rows[1] ?? rows[0], column: k.oCol },
    dup.slice(1).map((x) => ({ row: Number(x.first), text: coded('imports.flowRepeated', { others: Number(x.n) - 1 }) })));
}
