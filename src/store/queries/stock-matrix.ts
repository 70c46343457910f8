import { InputError, NotFoundError, SpecError } from '../../core/errors.ts';
import { coded, withWarnings, type CodedMessage } from '../../core/messages/index.ts';
import { type StockUnit } from '../import/stock-options.ts';
import { type Workspace, matchableRegions } from '../workspace.ts';
import { listStockTables, type StockTableInfo } from './list-stocks.ts';

export interface StockMatrixQuery {
  /** Census year of the table. */
  date: number | string;
  /**
   * Rows and columns, in this order (codes or names). Default: every region the table holds
   * as birth or residence, by code.
   */
  regions?: readonly string[];
  /** Which table, when the workspace holds several of the date (by definition or import). */
  definition?: string;
  importId?: number;
  /** Value of cells the table does not hold. Default NaN: a cell not given is not a zero. */
  fill?: number;
  /** Sample counts divided by their sampling rate, i.e. in persons. Default false: as stored. */
  persons?: boolean;
}

export interface LoadedStockMatrix {
  date: number;
  regions: string[];
  names: (string | null)[];
  /** n x n, row-major: values[i * n + j] = people born in regions[i] living in regions[j]. */
  values: Float64Array;
  /** Unit of `values`: 'persons' when stored as persons or converted with `persons: true`. */
  unit: StockUnit;
  samplingRate: number | null;
  definition: string;
  source: string;
  kind: 'observed';
  importId: number;
  /** Cells of the n x n the table does not hold, set to `fill`. */
  missing: number;
  /** Whether the cells with birth = residence (people living in their region of birth) are stored. */
  diagonal: 'stored' | 'missing' | 'partial';
  /** Stored cells with an end outside `regions`, left out of the matrix. */
  outside: { cells: number; total: number };
  warnings: string[];
  /** `warnings` coded, in the same order, for a front-end in another language. */
  messages: { warnings: CodedMessage[] };
}

/**
 * A stock table read as a dense birth x residence matrix (rows = region of birth, as in Abel
 * 2013 and migest), the shape the flows-from-stocks methods take. Missing cells stay NaN unless
 * `fill` says otherwise, and the matrix carries unit, sampling rate, definition and source.
 */
export async function loadStockMatrix(ws: Workspace, q: StockMatrixQuery): Promise<LoadedStockMatrix> {
  const table = await pickTable(ws, q);
  const codes = q.regions ? await resolveCodes(ws, q.regions) : await tableRegions(ws, table);
  const n = codes.length;
  const index = new Map(codes.map((c, i) => [c, i]));
  const fill = q.fill ?? NaN;
  const values = new Float64Array(n * n).fill(fill);
  const given = new Uint8Array(n * n);
  const scale = q.persons && table.samplingRate !== null ? 1 / table.samplingRate : 1;
  const cells = await ws.db.all<{ birth: string; residence: string; count: number }>(
    'SELECT birth, residence, count FROM stocks WHERE import_id = ? AND date = ?', [table.importId, table.date]);
  const outside = { cells: 0, total: 0 };
  for (const c of cells) {
    const i = index.get(c.birth);
    const j = index.get(c.residence);
    if (i === undefined || j === undefined) {
      outside.cells += 1;
      outside.total += c.count * scale;
      continue;
    }
    values[i * n + j] = c.count * scale;
    given[i * n + j] = 1;
  }
  let onDiagonal = 0;
  for (let i = 0; i < n; i++) onDiagonal += given[i * n + i];
  const missing = n * n - given.reduce((s, g) => s + g, 0);
  const diagonal = onDiagonal === n ? 'stored' : onDiagonal === 0 ? 'missing' : 'partial';
  const warnings: CodedMessage[] = [];
  const fillText = Number.isNaN(fill) ? 'NaN' : String(fill);
  if (diagonal !== 'stored') warnings.push(coded('stocks.matrixDiagonal', { missing: n - onDiagonal, regions: n, fill: fillText }));
  if (missing > n - onDiagonal) warnings.push(coded('stocks.matrixCells', { missing: missing - (n - onDiagonal), fill: fillText }));
  if (outside.cells) warnings.push(coded('stocks.matrixOutside', { cells: outside.cells }));
  const names = await ws.db.all<{ code: string; name: string | null }>('SELECT code, coalesce(name_zh, name_en) AS name FROM regions');
  const nameOf = new Map(names.map((r) => [r.code, r.name]));
  return {
    date: table.date, regions: codes, names: codes.map((c) => nameOf.get(c) ?? null), values,
    unit: scale !== 1 || table.unit === 'persons' ? 'persons' : 'sample', samplingRate: table.samplingRate,
    definition: table.definition, source: table.source, kind: 'observed', importId: table.importId,
    missing, diagonal, outside, ...withWarnings(warnings),
  };
}

async function pickTable(ws: Workspace, q: StockMatrixQuery): Promise<StockTableInfo> {
  const all = await listStockTables(ws, { date: q.date });
  const tables = all.filter((t) => (q.definition === undefined || t.definition === q.definition) && (q.importId === undefined || t.importId === q.importId));
  if (!tables.length) {
    const dates = [...new Set((await listStockTables(ws)).map((t) => t.date))];
    throw new NotFoundError(coded('stocks.noTable', { date: String(q.date), definition: q.definition ?? null, importId: q.importId ?? null, dates: dates.map(String) }));
  }
  if (tables.length > 1) {
    throw new SpecError(coded('stocks.tablesOfDate', { date: String(q.date), imports: tables.map((t) => String(t.importId)), definitions: tables.map((t) => t.definition) }), 'definition');
  }
  return tables[0];
}

async function tableRegions(ws: Workspace, t: StockTableInfo): Promise<string[]> {
  const rows = await ws.db.all<{ code: string }>(
    'SELECT DISTINCT c AS code FROM (SELECT birth AS c FROM stocks WHERE import_id = ? AND date = ? UNION SELECT residence FROM stocks WHERE import_id = ? AND date = ?) ORDER BY code',
    [t.importId, t.date, t.importId, t.date]);
  return rows.map((r) => r.code);
}

async function resolveCodes(ws: Workspace, refs: readonly string[]): Promise<string[]> {
  // Matched together, so a name shared by a province and a city (北京) takes the level of the others.
  // Loaded here, not at start-up: the matcher loads OpenCC's and pinyin-pro's tables.
  const { RegionMatcher, regionPlace } = await import('../../core/region-matcher.ts');
  const matched = new RegionMatcher(await matchableRegions(ws)).matchAll(refs.map((r) => r.trim()));
  const codes = refs.map((ref) => {
    const m = matched.get(ref.trim())!;
    if (m.kind === 'match') return m.code;
    if (m.kind === 'ambiguous') throw new InputError(coded('region.ambiguous', { what: 'region', text: ref, candidates: m.candidates.map(regionPlace) }), { column: 'regions' });
    throw new InputError(coded('region.unknown', { what: 'region', text: ref, closest: m.suggestions.map(regionPlace), groups: [] }), { column: 'regions' });
  });
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new InputError(coded('stocks.regionTwice', { code: dup }), { column: 'regions' });
  return codes;
}
