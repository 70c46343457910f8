import { listValue, type DuckDBValue } from './duckdb/node-api.ts';
import { type Database, quoteIdent } from './duckdb/database.ts';

/**
 * How stored flows are laid out (schema version 5). Each flow is a row of integers in
 * `flow_rows` (import, origin, destination, period, cohort ids, and the count); region codes,
 * periods and cohorts are stored once each in small dictionaries. Writing a 10-million-row import
 * then compresses five integer columns and a double, where the former nine-column table of text
 * codes cost more than DuckDB's own read of the file, and a stored selection reaches a FlowTable
 * without a string per row.
 *
 * Readers keep the former shape through the `flows` view (same columns, same order): only the
 * writers (importers, estimates, replace/delete) and the typed loader use the tables.
 *
 * Reading the view twice in one query (origins in one part, destinations in another) met a
 * DuckDB 1.5.6 optimizer bug that mixed up the two reads' columns (duckdb/duckdb#25819): the
 * optimizer is off for every workspace (database.ts) and flow-rows.test.ts holds the case. The
 * dictionaries are LEFT JOINed (every id has its entry, so the rows are those of an inner join):
 * the small cases of that bug showed with inner joins only.
 */

/** The view's SELECT; `extra` adds columns of `flow_rows r` (e.g. the ids, for the typed loader). */
export function flowsSelect(extra: readonly string[] = []): string {
  return `SELECT r.import_id, o.code AS origin, d.code AS destination, p.period, p.period_start, p.period_end,
         c.cohort, r.count, r.origin_id = r.destination_id AS intra${extra.map((e) => `, r.${e}`).join('')}
       FROM flow_rows r
       LEFT JOIN flow_codes o ON o.id = r.origin_id
       LEFT JOIN flow_codes d ON d.id = r.destination_id
       LEFT JOIN flow_periods p ON p.id = r.period_id
       LEFT JOIN flow_cohorts c ON c.id = r.cohort_id`;
}

export type FlowTextColumn = 'origin' | 'destination' | 'period' | 'cohort';

/**
 * The stored rows with their ids, count and import, joined only to the dictionaries whose text a
 * query names: DuckDB does not drop a join whose columns go unused, and each one is a probe per
 * row (the typed loader reads 10 million rows with none when no region or period is filtered).
 */
export function flowIdsWith(columns: Iterable<FlowTextColumn>): string {
  const want = new Set(columns);
  const joins: Record<FlowTextColumn, [string, string]> = {
    origin: ['o.code AS origin', 'LEFT JOIN flow_codes o ON o.id = r.origin_id'],
    destination: ['d.code AS destination', 'LEFT JOIN flow_codes d ON d.id = r.destination_id'],
    period: ['p.period', 'LEFT JOIN flow_periods p ON p.id = r.period_id'],
    cohort: ['c.cohort', 'LEFT JOIN flow_cohorts c ON c.id = r.cohort_id'],
  };
  const used = (Object.keys(joins) as FlowTextColumn[]).filter((c) => want.has(c));
  return `SELECT r.import_id, r.origin_id, r.destination_id, r.period_id, r.cohort_id, r.count${used.map((c) => `, ${joins[c][0]}`).join('')}
       FROM flow_rows r ${used.map((c) => joins[c][1]).join(' ')}`;
}

export const FLOW_TABLES_SQL: readonly string[] = [
  'CREATE TABLE flow_codes (id INTEGER PRIMARY KEY, code VARCHAR NOT NULL UNIQUE)',
  `CREATE TABLE flow_periods (id INTEGER PRIMARY KEY, period VARCHAR NOT NULL UNIQUE,
     period_start SMALLINT NOT NULL, period_end SMALLINT NOT NULL)`,
  'CREATE TABLE flow_cohorts (id INTEGER PRIMARY KEY, cohort VARCHAR NOT NULL UNIQUE)',
  // The cohort of flows without cohort attributes, by far the most common: id 0.
  "INSERT INTO flow_cohorts VALUES (0, '')",
  `CREATE TABLE flow_rows (
     import_id INTEGER NOT NULL, origin_id INTEGER NOT NULL, destination_id INTEGER NOT NULL,
     period_id INTEGER NOT NULL, cohort_id INTEGER NOT NULL, count DOUBLE NOT NULL)`,
];

/**
 * Adds to a dictionary the values it lacks, numbered after its highest id. `values` is a query
 * giving the candidate values in a column named `value` (duplicates and known ones are skipped).
 * The dictionaries only grow: an id, once given, always names the same value.
 */
async function addValues(db: Database, table: 'flow_codes' | 'flow_cohorts', column: string, values: string, params: DuckDBValue[] = []): Promise<void> {
  const c = quoteIdent(column);
  await db.run(
    `INSERT INTO ${table} (id, ${c})
     SELECT (SELECT coalesce(max(id), 0) FROM ${table}) + row_number() OVER (ORDER BY value), value
     FROM (SELECT DISTINCT value FROM (${values}) WHERE value IS NOT NULL) v
     WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${c} = v.value)`, params);
}

/** Region codes from a query with a `value` column; returns nothing, codes then have ids. */
export async function addFlowCodes(db: Database, values: string, params: DuckDBValue[] = []): Promise<void> {
  await addValues(db, 'flow_codes', 'code', values, params);
}

export async function addFlowCohorts(db: Database, values: string, params: DuckDBValue[] = []): Promise<void> {
  await addValues(db, 'flow_cohorts', 'cohort', values, params);
}

/** Adds the region codes to the dictionary; returns each code's id, in the order given. */
export async function flowCodeIds(db: Database, codes: readonly string[]): Promise<Int32Array> {
  const list = listValue([...codes]);
  await addFlowCodes(db, 'SELECT unnest(?::VARCHAR[]) AS value', [list]);
  const ids = await db.all<{ code: string; id: number }>('SELECT code, id FROM flow_codes WHERE list_contains(?::VARCHAR[], code)', [list]);
  const idOf = new Map(ids.map((r) => [r.code, Number(r.id)]));
  return Int32Array.from(codes, (k) => idOf.get(k)!);
}

/** Adds the periods to the dictionary; returns each period's id, in the order given. */
export async function flowPeriodIds(db: Database, periods: readonly { text: string; start: number; end: number }[]): Promise<Int32Array> {
  const texts = listValue(periods.map((x) => x.text));
  await addFlowPeriods(db, 'SELECT unnest(?::VARCHAR[]) AS text, unnest(?::SMALLINT[]) AS start, unnest(?::SMALLINT[]) AS end_year',
    [texts, listValue(periods.map((x) => x.start)), listValue(periods.map((x) => x.end))]);
  const ids = await db.all<{ period: string; id: number }>('SELECT period, id FROM flow_periods WHERE list_contains(?::VARCHAR[], period)', [texts]);
  const idOf = new Map(ids.map((r) => [r.period, Number(r.id)]));
  return Int32Array.from(periods, (x) => idOf.get(x.text)!);
}

/** Periods (text with first and last year, as parsePeriod gives them) from a query with columns text, start, end_year. */
export async function addFlowPeriods(db: Database, values: string, params: DuckDBValue[] = []): Promise<void> {
  await db.run(
    `INSERT INTO flow_periods (id, period, period_start, period_end)
     SELECT (SELECT coalesce(max(id), 0) FROM flow_periods) + row_number() OVER (ORDER BY text), text, start, end_year
     FROM (SELECT text, min(start) AS start, min(end_year) AS end_year FROM (${values}) GROUP BY text) v
     WHERE NOT EXISTS (SELECT 1 FROM flow_periods t WHERE t.period = v.text)`, params);
}
