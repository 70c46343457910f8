import { resolve } from 'node:path';
import { ConflictError, InputError } from '../../core/errors.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { stageFile, type StageOptions, type StagedTable } from '../duckdb/stage.ts';
import { type Workspace, fileSha256, guardReimport, matchableRegions, recordImport } from '../workspace.ts';
import { checkNumbers, checkRequired, numberExpr, periodMapTable, resolveRegionColumns, RANGES } from './checks.ts';
import { parseMap, resolveRoles } from './column-roles.ts';
import { skipTotalRows, totalRowsNote } from './total-rows.ts';
import { looksWide, toLongMatrix } from './wide-matrix.ts';

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
}

export interface ImportSummary {
  importId: number;
  file: string;
  kind: string;
  rows: number;
  format: string;
  encoding: string | null;
  notes: string[];
  /** Seconds spent in each phase, for benchmarks and for users wondering where the time goes. */
  timings?: Record<string, number>;
}

const COHORT_NAMES = ['cohort', 'education', 'education_level', 'age_band', 'age_group', 'sex', 'gender', '学历', '年龄组', '年龄段', '性别'];

/**
 * Imports an origin-destination flow table (long or wide) into the workspace, in one transaction:
 * on any problem nothing is written and the error names file, row, column and the reason.
 *
 * Pipeline (each step one pass in DuckDB): read only the needed columns, counts parsed while
 * reading; check counts; resolve the distinct region names and periods in JS into small lookup
 * tables; join and aggregate by key in one statement (duplicates show as groups of more than one
 * row); insert the aggregate.
 */
export async function importFlows(ws: Workspace, file: string, options: ImportFlowsOptions = {}): Promise<ImportSummary> {
  const path = resolve(file);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  // Phases and the share of a typical import's time each takes, for the progress bar.
  const progressAfter: Record<string, [number, string]> = {
    read: [0.4, 'checking'], check: [0.5, 'matching regions'], 'match regions and periods': [0.55, 'checking duplicates'],
    'check duplicates': [0.7, 'writing'], write: [1, 'done'],
  };
  const lap = (phase: string) => {
    const t = performance.now();
    timings[phase] = (t - t0) / 1000;
    t0 = t;
    const p = progressAfter[phase];
    if (p) options.onProgress?.(p[0], p[1]);
  };
  options.onProgress?.(0, 'reading');
  // The file's hash (to refuse a second import) runs while DuckDB reads the file.
  const sha = fileSha256(path);
  sha.catch(() => undefined);
  const regions = await matchableRegions(ws);
  const mapping = parseMap(options.map, file);
  const fixedPeriod = options.period ? parsePeriod(options.period) : null;
  if (options.period && !fixedPeriod) throw new InputError(`--period "${options.period}" is not a year or a range of years`, { file });
  const required = fixedPeriod ? ['origin', 'destination', 'count'] : ['origin', 'destination', 'count', 'period'];
  const isWide = (cols: readonly string[]) => options.wide || (!mapping.has('destination') && looksWide(cols, regions, mapping));
  const cohortOf = (cols: readonly string[], used: Iterable<string>) => {
    const taken = new Set(used);
    if (!options.cohort?.length) return cols.filter((c) => COHORT_NAMES.includes(c.toLowerCase()) && !taken.has(c));
    for (const c of options.cohort) if (!cols.includes(c)) throw new InputError(`--cohort names a column "${c}" that the file does not have`, { file, row: 1 });
    return [...options.cohort];
  };

  let st: StagedTable = await stageFile(ws.db, file, options, (header) => {
    if (isWide(header)) return null;
    const roles = resolveRoles(header, { required, optional: [] }, mapping, file);
    const keep = [...new Set([...roles.values(), ...cohortOf(header, roles.values())])];
    return { keep, numeric: [roles.get('count')!] };
  });
  lap('read');
  const notes: string[] = [];
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
    const totals = await skipTotalRows(ws.db, st, [oCol, dCol], regions);
    if (totals.table !== st) cleanups.push(st = totals.table);
    notes.push(...[totalRowsNote(totals.skipped)].filter((n): n is string => n !== null));
    const typed = st.numeric.includes(cCol);
    if (typed) await checkRequired(ws.db, st, cCol, { nonNegative: true, what: 'a flow count', range: RANGES.count });
    else await checkNumbers(ws.db, st, cCol, { nonNegative: true, required: true, what: 'a flow count', range: RANGES.count });
    // Blank origins and destinations are caught on the columns' distinct values while matching.
    lap('check');
    const periods = fixedPeriod ? null : await periodMapTable(ws.db, st, roles.get('period')!);
    const mapTable = await resolveRegionColumns(ws.db, st, [oCol, dCol], regions);
    lap('match regions and periods');

    const cohortExpr = cohortCols.length
      ? cohortCols.map((c) => `'${c.replace(/'/g, "''").replace(/[=;]/g, '_')}=' || coalesce(trim(s.${quoteIdent(c)}), '')`).sort().join(" || ';' || ")
      : "''";
    const pCol = roles.get('period');
    // When every spelling in the file is already its region's code (machine-made files), the codes
    // are the cells themselves and the 10-million-row statements skip both joins.
    const identity = (await ws.db.one<{ same: boolean | null }>(`SELECT bool_and(raw = code) AS same FROM ${quoteIdent(mapTable)}`))?.same === true;
    const [mo, md] = identity ? [`s.${quoteIdent(oCol)}`, `s.${quoteIdent(dCol)}`] : ['mo.code', 'md.code'];
    const joins = `FROM ${quoteIdent(st.table)} s
         ${identity ? '' : `JOIN ${quoteIdent(mapTable)} mo ON s.${quoteIdent(oCol)} = mo.raw
         JOIN ${quoteIdent(mapTable)} md ON s.${quoteIdent(dCol)} = md.raw`}
         ${periods ? `JOIN ${quoteIdent(periods)} pm ON s.${quoteIdent(pCol!)}::VARCHAR = pm.raw` : ''}`;
    const pText = periods ? 'pm.text' : '?';
    const pParams = fixedPeriod ? [fixedPeriod.text] : [];
    if (!options.sumDuplicates) {
      // Duplicate keys are found on the raw cells (cheaper than on the resolved codes) unless two
      // spellings in the file name the same region or period, when the resolved keys are grouped.
      const spellings = await ws.db.one<{ raw: bigint; codes: bigint }>(`SELECT count(*) AS raw, count(DISTINCT code) AS codes FROM ${quoteIdent(mapTable)}`);
      const periodSpellings = periods ? await ws.db.one<{ raw: bigint; texts: bigint }>(`SELECT count(*) AS raw, count(DISTINCT text) AS texts FROM ${quoteIdent(periods)}`) : null;
      const onRaw = spellings!.raw === spellings!.codes && (!periodSpellings || periodSpellings.raw === periodSpellings.texts);
      const keys = onRaw
        ? [`s.${quoteIdent(oCol)}`, `s.${quoteIdent(dCol)}`, ...(pCol ? [`s.${quoteIdent(pCol)}`] : []), ...cohortCols.map((c) => `s.${quoteIdent(c)}`)]
        : [mo, md, ...(periods ? ['pm.text'] : []), ...cohortCols.map((c) => `s.${quoteIdent(c)}`)];
      const from = onRaw ? `FROM ${quoteIdent(st.table)} s` : joins;
      // Most files repeat no key: one count of distinct key hashes (cheaper than grouping the text
      // keys) proves it, since equal keys always hash alike; only a shortfall needs the grouping.
      const hashes = await ws.db.one<{ n: bigint; d: bigint }>(`SELECT count(*) AS n, count(DISTINCT hash(${keys.join(', ')})) AS d ${from}`);
      const dup = hashes!.n === hashes!.d ? [] : await ws.db.all<{ first: bigint; n: bigint; key: unknown[] }>(
        `SELECT min(${st.rowExpr}) AS first, count(*) AS n, [${keys.map((k) => `${k}::VARCHAR`).join(', ')}] AS key ${from} GROUP BY ${keys.join(', ')} HAVING count(*) > 1 ORDER BY first LIMIT 3`);
      if (dup.length) {
        // The repeated key itself selects its rows: a row number is not unique in a wide matrix
        // read as long (every destination of a row shares it).
        const same = keys.map((k) => `${k}::VARCHAR IS NOT DISTINCT FROM ?`).join(' AND ');
        const keyValues = dup[0].key.map((v) => (v === null ? null : String(v)));
        const rows = (await ws.db.all<{ r: bigint }>(`SELECT DISTINCT ${st.rowExpr} AS r ${from} WHERE ${same} ORDER BY r LIMIT 10`, keyValues)).map((r) => Number(r.r));
        const key = await ws.db.one<{ origin: string; destination: string; period: string; cohort: string }>(
          `SELECT ${mo} AS origin, ${md} AS destination, ${pText} AS period, ${cohortExpr} AS cohort ${joins} WHERE ${same} LIMIT 1`, [...pParams, ...keyValues]);
        throw new InputError(
          `duplicate flow ${key!.origin} -> ${key!.destination}, ${key!.period}${key!.cohort ? ` (${key!.cohort})` : ''} on rows ${rows.join(', ')}: remove the repeats or import with --sum-duplicates`,
          { file, row: rows[1] ?? rows[0], column: oCol },
          dup.slice(1).map((x) => `row ${Number(x.first)} and ${Number(x.n) - 1} more repeat one flow`));
      }
    }
    lap('check duplicates');
    const select = `SELECT ?, ${mo}, ${md}, ${pText}, ${periods ? 'pm.start' : '?'}, ${periods ? 'pm.end_year' : '?'}, ${cohortExpr},
        ${options.sumDuplicates ? 'sum(' : ''}${typed ? `s.${quoteIdent(cCol)}` : numberExpr(cCol, 's')}${options.sumDuplicates ? ')' : ''}, ${mo} = ${md}
      ${joins} ${options.sumDuplicates ? 'GROUP BY ALL' : ''}`;
    const summary = await ws.db.transaction(async () => {
      await guardReimport(ws, 'flows', await sha, file, options.replace ?? false, ['flows']);
      const periodsOf = periods ? `SELECT text FROM ${quoteIdent(periods)}` : 'SELECT ?';
      const samePeriods = await ws.db.one<{ hit: boolean }>(`SELECT EXISTS (SELECT 1 FROM flows WHERE period IN (${periodsOf})) AS hit`, pParams);
      if (samePeriods?.hit) {
        const overlap = await ws.db.one<{ n: bigint; origin: string; destination: string; period: string }>(
          `SELECT count(*) AS n, any_value(f.origin) AS origin, any_value(f.destination) AS destination, any_value(f.period) AS period
           FROM flows f JOIN (SELECT DISTINCT ${mo} AS origin, ${md} AS destination, ${pText} AS period, ${cohortExpr} AS cohort ${joins}) r
           USING (origin, destination, period, cohort)`, pParams);
        if (overlap && Number(overlap.n) > 0) {
          if (!options.replace) {
            throw new ConflictError(`${file}: ${Number(overlap.n)} of these flows are already in the workspace (e.g. ${overlap.origin} -> ${overlap.destination}, ${overlap.period}); nothing was written. Use --replace to overwrite them`);
          }
          await ws.db.run(`DELETE FROM flows WHERE (origin, destination, period, cohort) IN
            (SELECT ${mo}, ${md}, ${pText}, ${cohortExpr} ${joins})`, pParams);
          notes.push(`replaced ${Number(overlap.n)} stored flows with the same keys`);
        }
      }
      const id = await recordImport(ws, 'flows', file, await sha, 0, { map: options.map, period: options.period, cohort: cohortCols, sumDuplicates: options.sumDuplicates ?? false, source: options.source });
      const fixed = fixedPeriod ? [fixedPeriod.text, fixedPeriod.start, fixedPeriod.end] : [];
      await ws.db.run(`INSERT INTO flows ${select}`, [id, ...(fixedPeriod ? [fixed[0]] : []), ...(fixedPeriod ? [fixed[1], fixed[2]] : [])]);
      const n = await ws.db.one<{ n: bigint; intra: bigint }>('SELECT count(*) AS n, count(*) FILTER (WHERE intra) AS intra FROM flows WHERE import_id = ?', [id]);
      const rows = Number(n!.n);
      await ws.db.run('UPDATE imports SET rows = ? WHERE id = ?', [rows, id]);
      if (Number(n!.intra) > 0) notes.push(`${Number(n!.intra)} intra-regional flows (origin = destination) kept and flagged as intra`);
      if (options.sumDuplicates && rows < st.rows) notes.push(`${st.rows - rows} repeated rows were summed into their flows`);
      lap('write');
      return { importId: id, file, kind: 'flows', rows, format: st.format, encoding: st.encoding, notes, timings };
    });
    return summary;
  } finally {
    for (const c of cleanups.reverse()) await c.drop().catch(() => {});
  }
}
