import { InputError, type MoreProblem } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { RegionMatcher, regionPlace, type MatchableRegion } from '../../core/region-matcher.ts';
import { type Database, quoteIdent } from '../duckdb/database.ts';
import type { StagedTable } from '../duckdb/stage.ts';
import { blankExpr } from './checks.ts';

/**
 * Checks of a staged file's region columns against the workspace's regions. Apart from the
 * numeric and period checks (checks.ts) because the region matcher loads Chinese conversion and
 * pinyin tables, which reading a file of numbers (`fit gravity --flows`) has no use for.
 */

/**
 * A matcher that makes no suggestions while matching: `closest` measures the edit distance to
 * every known name (milliseconds a value), so a column mapped by mistake, 20,000 distinct texts,
 * took 75 s to refuse. Suggestions are made afterwards for the few values an error reports.
 */
class QuietMatcher extends RegionMatcher {
  override closest(): MatchableRegion[] {
    return [];
  }

  suggest(input: string, k: number): MatchableRegion[] {
    return super.closest(input, k);
  }
}

const matchers = new WeakMap<readonly MatchableRegion[], QuietMatcher>();

/**
 * One matcher per list of regions: an import reads the list once and asks several times (is the
 * file a wide matrix? then each region column), and building the matcher's name tables is most of
 * the JavaScript time of a small import.
 */
export function matcherFor(regions: readonly MatchableRegion[]): QuietMatcher {
  let m = matchers.get(regions);
  if (!m) {
    m = new QuietMatcher(regions);
    matchers.set(regions, m);
  }
  return m;
}

/**
 * The distinct values of the given columns in order of first appearance (so the values an error
 * names are the first rows' ones): one pass, which a caller may share between checks.
 */
export async function regionValues(db: Database, st: StagedTable, cols: readonly string[]): Promise<{ v: string | null }[]> {
  return db.all<{ v: string | null }>(
    `SELECT v FROM (${cols.map((c) => `SELECT ${quoteIdent(c)} AS v, ${st.rowExpr} AS r FROM ${quoteIdent(st.table)} s`).join(' UNION ALL ')}) GROUP BY v ORDER BY min(r)`,
  );
}

/** A region cell's value that names no region, or more than one, and why. */
export interface RegionProblem {
  value: string;
  why: CodedMessage;
}

/**
 * Matches distinct cell values (raw, as read) to region codes: the pairs (raw, code) and the values
 * that name no region or several. Blank values are left to the caller. The part of
 * resolveRegionColumns that needs no table, shared with the import's plain path.
 */
export function matchRegionValues(
  regions: readonly MatchableRegion[], values: readonly (string | null)[], opts: { fixed?: ReadonlyMap<string, string>; levels?: readonly string[] }, file: string,
): { pairs: [string, string][]; problems: RegionProblem[] } {
  const matcher = opts.levels ? new QuietMatcher(regions, { levels: opts.levels }) : matcherFor(regions);
  if (matcher.size === 0) throw new InputError(coded('imports.noRegions', {}), { file });
  const fixed = opts.fixed ?? new Map<string, string>();
  // Keys are the raw cell values (joins then need no trim()); matching sees them trimmed.
  const raws = values.filter((v): v is string => v !== null && v.trim() !== '' && !fixed.has(v.trim()));
  const matched = matcher.matchAll(new Set(raws.map((v) => v.trim())));
  const results = new Map(raws.map((v) => [v, matched.get(v.trim())!] as const));
  const problems: RegionProblem[] = [];
  const pairs: [string, string][] = [];
  for (const v of values) if (v !== null && fixed.has(v.trim())) pairs.push([v, fixed.get(v.trim())!]);
  for (const [value, m] of results) {
    const text = value.trim();
    if (m.kind === 'match') pairs.push([value, m.code]);
    else if (m.kind === 'ambiguous') problems.push({ value, why: coded('region.ambiguous', { what: 'region', text, candidates: m.candidates.map(regionPlace) }) });
    else {
      // Suggestions only for the names an error lists (see QuietMatcher).
      const closest = problems.length < 5 ? matcher.suggest(text, 3) : [];
      problems.push({ value, why: coded('region.unknown', { what: 'region', text, closest: closest.map(regionPlace), groups: [] }) });
    }
  }
  return { pairs, problems };
}

/**
 * Resolves every distinct value of the given columns to a region code and loads the mapping into a
 * temporary table `<stage>_map(raw, code)`. Unknown and ambiguous names are errors that name the
 * first row using them and the closest known regions.
 */
export async function resolveRegionColumns(
  db: Database, st: StagedTable, cols: readonly string[], regions: readonly MatchableRegion[],
  opts: { fixed?: ReadonlyMap<string, string>; levels?: readonly string[]; suffix?: string; allowBlank?: boolean; values?: readonly { v: string | null }[] } = {},
): Promise<string> {
  const mapTable = `${st.table}_map${opts.suffix ?? ''}`;
  const distinct = opts.values ?? (await regionValues(db, st, cols));
  // A blank cell is a missing region: name its first row (checked here, on the few distinct
  // values, instead of on every row).
  if (!opts.allowBlank && distinct.some((d) => d.v === null || d.v.trim() === '')) {
    for (const c of cols) {
      const r = await db.one<{ r: bigint | null }>(`SELECT min(${st.rowExpr}) AS r FROM ${quoteIdent(st.table)} s WHERE ${blankExpr(`s.${quoteIdent(c)}`)}`);
      if (r?.r !== null && r?.r !== undefined) throw new InputError(coded('imports.regionMissing', {}), { file: st.file, row: Number(r.r), column: c });
    }
  }
  const { pairs, problems } = matchRegionValues(regions, distinct.map((d) => d.v), opts, st.file);
  if (problems.length) {
    const firstRows = await Promise.all(problems.slice(0, 5).map(async (p) => {
      for (const c of cols) {
        const r = await db.one<{ r: bigint }>(`SELECT min(${st.rowExpr}) AS r FROM ${quoteIdent(st.table)} s WHERE ${quoteIdent(c)} = ?`, [p.value]);
        if (r?.r !== null && r?.r !== undefined) return { ...p, row: Number(r.r), column: c };
      }
      return { ...p, row: undefined, column: cols[0] };
    }));
    firstRows.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || cols.indexOf(a.column) - cols.indexOf(b.column));
    const [f, ...rest] = firstRows;
    const more: MoreProblem[] = rest.map((p) => ({ row: p.row, column: p.column, text: p.why }));
    if (problems.length > 5) more.push({ text: coded('imports.moreUnknownNames', { count: problems.length - 5 }) });
    throw new InputError(f.why, { file: st.file, row: f.row, column: f.column }, more);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(mapTable)} (raw VARCHAR PRIMARY KEY, code VARCHAR NOT NULL)`);
  const app = await db.conn.createAppender(mapTable, 'main', 'temp');
  for (const [raw, code] of pairs) {
    app.appendVarchar(raw);
    app.appendVarchar(code);
    app.endRow();
  }
  app.closeSync();
  return mapTable;
}
