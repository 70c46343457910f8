import { parsePeriod, type Period } from '../../core/schema/period.ts';
import { readPlainCsv } from '../../io/text/plain-csv.ts';
import { sniffUtf8Csv } from '../../io/text/sniff-csv-file.ts';
import { appendTypedRows } from '../duckdb/typed-append.ts';
import { flowCodeIds, flowPeriodIds } from '../flow-rows.ts';
import { nextImportId } from '../recovery.ts';
import type { Workspace } from '../workspace.ts';
import { RANGES } from './checks.ts';
import { resolveRoles } from './column-roles.ts';
import { finishFlowImport } from './flow-import-end.ts';
import type { FlowFilePlan, PhaseClock } from './flow-file-plan.ts';
import { bitmapLimit, hasRepeatedKey, type ImportFlowsOptions, type ImportSummary } from './import-flows.ts';
import { matchRegionValues } from './region-checks.ts';
import { isTotalLabel } from './total-rows.ts';

/**
 * The import of a plain long flow file (UTF-8 CSV; origin, destination, count and perhaps period
 * columns; no cohorts) without staging it: io/text/plain-csv.ts reads the file once into dictionary
 * codes and numbers (in parts on worker threads, its SHA-256 on another), the few distinct region
 * names and periods are matched in JavaScript, repeated keys are found with a bitmap over the
 * matched codes, and the rows go into flow_rows as typed columns, in one transaction as on the
 * staged path.
 *
 * 10 million rows (npm run bench -- import): the staged path took 1.6-1.9x DuckDB's own read of the
 * file into a table (a table of strings, two passes over them for the distinct values, two joins
 * on text to write the ids, a pass over the written rows for repeated keys); this path 1.33-1.49x
 * in the medians of three runs, about half of it the read (two threads) and half the append (one
 * thread: DuckDB's appender keeps the file's order, which a parallel insert would not).
 *
 * Null when the file needs the staged path: not plain (plain-csv.ts), a wide matrix, cohort
 * columns, a cell that names no region or several, a total row, a period that does not parse, a
 * count past the range, or a repeated key. That path reads the file again and gives the refusal,
 * named by row and column, or does what the option asks (summing repeats). So does a file of more
 * than 20 million rows (PLAIN_ROWS), whose columns would not fit the memory an import keeps to.
 * Nothing is written before the decision.
 */
export async function importPlainFlows(ws: Workspace, file: string, options: ImportFlowsOptions, plan: FlowFilePlan, clock: PhaseClock): Promise<ImportSummary | null> {
  const sniffed = await sniffUtf8Csv(file, options);
  if (!sniffed || plan.isWide(sniffed.header)) return null;
  const { header } = sniffed;
  let roles: Map<string, string>;
  let cohorts: string[];
  try {
    roles = resolveRoles(header, { required: plan.required, optional: [] }, plan.mapping, file);
    cohorts = plan.cohortOf(header, roles.values());
  } catch {
    return null;
  }
  if (cohorts.length) return null;
  const field = (role: string) => header.indexOf(roles.get(role)!);
  const [o, d, c] = [field('origin'), field('destination'), field('count')];
  const p = plan.fixedPeriod ? -1 : field('period');
  const read = await readPlainCsv(sniffed.path, {
    delimiter: sniffed.delimiter, fields: header.length, text: p < 0 ? [[o, d]] : [[o, d], [p]], numbers: [c], hash: true, maxRows: PLAIN_ROWS,
    onProgress: (f) => options.onProgress?.(0.45 * f, 'reading'),
  });
  if (!read) return null;
  clock.lap('read');

  const [regions, periods] = read.text;
  const counts = read.numbers[0];
  for (let i = 0; i < read.rows; i++) if (counts[i] > RANGES.count.max) return null;
  if (regions.levels.some((v) => v.trim() === '' || isTotalLabel(v))) return null;
  clock.lap('check');
  // A refusal (no regions in the workspace) is the staged path's to give, after its own checks.
  const matched = (() => {
    try {
      return matchRegionValues(plan.regions, regions.levels, {}, file);
    } catch {
      return null;
    }
  })();
  if (!matched || matched.problems.length) return null;
  const { pairs } = matched;
  // Region codes numbered 0..k-1 in order of first use; each level (raw text) points to its code.
  const codeOf = new Map(pairs);
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  const levelCode = Int32Array.from(regions.levels, (v) => {
    const code = codeOf.get(v)!;
    if (!codeIndex.has(code)) codeIndex.set(code, codes.push(code) - 1);
    return codeIndex.get(code)!;
  });
  // Periods likewise: each level ("2020", or "2020.0" from a spreadsheet) points to its period.
  const parsed = plan.fixedPeriod ? [plan.fixedPeriod] : periods.levels.map((v) => parsePeriod(v.replace(/\.0$/, '')));
  if (parsed.some((x) => x === null)) return null;
  const periodList: Period[] = [];
  const periodIndex = new Map<string, number>();
  const levelPeriod = Int32Array.from(parsed, (x) => {
    if (!periodIndex.has(x!.text)) periodIndex.set(x!.text, periodList.push(x!) - 1);
    return periodIndex.get(x!.text)!;
  });
  clock.lap('match regions and periods');

  // Origins, destinations and periods as indexes into those lists, in place of the level indexes.
  const [origin, destination] = regions.codes;
  for (let i = 0; i < read.rows; i++) {
    origin[i] = levelCode[origin[i]];
    destination[i] = levelCode[destination[i]];
  }
  const period = periodList.length > 1 ? periods.codes[0] : undefined;
  if (period) for (let i = 0; i < read.rows; i++) period[i] = levelPeriod[period[i]];
  const repeats = repeatedKey(origin, destination, period, codes.length, periodList.length, read.rows);
  if (repeats === true) return null;

  return ws.db.transaction(async () => {
    const codeId = await flowCodeIds(ws.db, codes);
    const periodId = await flowPeriodIds(ws.db, periodList);
    for (let i = 0; i < read.rows; i++) {
      origin[i] = codeId[origin[i]];
      destination[i] = codeId[destination[i]];
    }
    if (period) for (let i = 0; i < read.rows; i++) period[i] = periodId[period[i]];
    const id = await nextImportId(ws.db);
    await appendTypedRows(ws.db.conn, 'flow_rows', [
      { constant: id, type: 'INTEGER' }, origin, destination,
      period ?? { constant: periodId[0], type: 'INTEGER' },
      { constant: 0, type: 'INTEGER' }, counts,
    ], read.rows);
    clock.lap('write');
    // Key spaces too large for the bitmap (rare) are checked on the written rows.
    if (repeats === undefined && await hasRepeatedKey(ws, id)) throw new RetryStaged();
    return finishFlowImport(ws, {
      id, file, sha: read.sha256!, reader: 'plain', cohortColumns: [], fileRows: read.rows, format: 'csv', encoding: 'utf-8', notes: [], ...clock,
      periodIds: periodId.join(', '),
    }, options);
  }).catch((e: unknown) => {
    if (e instanceof RetryStaged) return null;
    throw e;
  });
}

/**
 * The most rows read this way: their columns are in memory (about 20 bytes a row, twice that
 * while parts read on worker threads are joined), where the staged path streams a longer file
 * through DuckDB within its memory limit.
 */
const PLAIN_ROWS = 20_000_000;

/** Thrown inside the transaction to roll it back and take the staged path. */
class RetryStaged extends Error {}

/**
 * Whether two rows share an origin, destination and period (code indexes): one bit per possible
 * key while the key space fits bitmapLimit; undefined when it does not (the caller checks the
 * written rows in SQL instead).
 */
function repeatedKey(origin: Int32Array, destination: Int32Array, period: Int32Array | undefined, codes: number, periods: number, rows: number): boolean | undefined {
  const space = codes * codes * periods;
  if (space > bitmapLimit(rows)) return undefined;
  const seen = new Uint8Array(Math.ceil(space / 8));
  for (let i = 0; i < rows; i++) {
    const key = ((period ? period[i] : 0) * codes + origin[i]) * codes + destination[i];
    const bit = 1 << (key & 7);
    const byte = key >>> 3;
    if (seen[byte] & bit) return true;
    seen[byte] |= bit;
  }
  return false;
}
