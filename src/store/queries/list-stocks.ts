import { listValue, type DuckDBValue } from '../duckdb/node-api.ts';
import { InputError } from '../../core/errors.ts';
import { parseStockDate, type StockUnit } from '../import/stock-options.ts';
import { type Workspace } from '../workspace.ts';
import { resolveRegionRef, withinCondition } from './resolve-ref.ts';

/** One stored stock table: the cells of one import at one census date, with what they are. */
export interface StockTableInfo {
  importId: number;
  file: string;
  /** Census year. */
  date: number;
  unit: StockUnit;
  /** Fraction of the population a sample count covers; null for persons. */
  samplingRate: number | null;
  definition: string;
  source: string;
  /** The definition and source in Chinese, where the import gave them (else null: show the stored line). */
  definitionZh: string | null;
  sourceZh: string | null;
  /** Imported data, not an estimate. */
  kind: 'observed';
  cells: number;
  /** Sum of the stored counts, in `unit`. */
  total: number;
  /** The total in persons: total / samplingRate for sample counts. */
  persons: number;
  /** Regions appearing as birth or residence. */
  regions: number;
  /** Cells with birth = residence are stored (people living in their region of birth). */
  diagonal: boolean;
}

export interface StockTableQuery {
  /** Census year. */
  date?: number | string;
  definition?: string;
}

/** The stock tables of the workspace, by date and import. */
export async function listStockTables(ws: Workspace, q: StockTableQuery = {}): Promise<StockTableInfo[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.date !== undefined) {
    where.push('t.date = ?');
    params.push(parseStockDate(q.date, 'date'));
  }
  if (q.definition) {
    where.push('t.definition = ?');
    params.push(q.definition);
  }
  const rows = await ws.db.all<{
    import_id: number; file: string; date: number; unit: StockUnit; sampling_rate: number | null; definition: string; source: string;
    definition_zh: string | null; source_zh: string | null; cells: bigint; total: number; regions: bigint; diagonal: bigint;
  }>(
    `SELECT t.import_id, i.file, t.date, t.unit, t.sampling_rate, t.definition, t.source, t.definition_zh, t.source_zh, t.cells, t.total,
       (SELECT count(DISTINCT c) FROM (SELECT birth AS c FROM stocks s WHERE s.import_id = t.import_id AND s.date = t.date
                                       UNION ALL SELECT residence FROM stocks s WHERE s.import_id = t.import_id AND s.date = t.date)) AS regions,
       (SELECT count(*) FROM stocks s WHERE s.import_id = t.import_id AND s.date = t.date AND s.birth = s.residence) AS diagonal
     FROM stock_tables t JOIN imports i ON i.id = t.import_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY t.date, t.import_id`, params);
  return rows.map((r) => ({
    importId: Number(r.import_id), file: r.file, date: Number(r.date), unit: r.unit, samplingRate: r.sampling_rate, definition: r.definition,
    source: r.source, definitionZh: r.definition_zh, sourceZh: r.source_zh, kind: 'observed', cells: Number(r.cells), total: Number(r.total),
    persons: r.sampling_rate === null ? Number(r.total) : Number(r.total) / r.sampling_rate,
    regions: Number(r.regions), diagonal: Number(r.diagonal) > 0,
  }));
}

export interface StockQuery extends StockTableQuery {
  /** Cells whose birth region is this region or group, or lies inside it. */
  birth?: string;
  /** Cells whose residence region is this region or group, or lies inside it. */
  residence?: string;
  /** Cells with both ends inside this region or group. */
  within?: string;
  limit?: number;
}

export interface StockRow {
  import_id: number;
  birth: string;
  birth_name: string | null;
  residence: string;
  residence_name: string | null;
  date: number;
  /** As stored, in the table's unit. */
  count: number;
  /** In persons: count / sampling rate for sample counts. */
  persons: number;
}

/**
 * Cells of the stored stock tables, largest first within each date, with the tables they come
 * from (unit, sampling rate, definition and source travel with the numbers).
 */
export async function queryStocks(ws: Workspace, q: StockQuery = {}): Promise<{ tables: StockTableInfo[]; rows: StockRow[] }> {
  const tables = await listStockTables(ws, q);
  if (!tables.length) return { tables, rows: [] };
  const where = ['list_contains(?::INTEGER[], s.import_id)'];
  const params: DuckDBValue[] = [];
  const ids = [...new Set(tables.map((t) => t.importId))];
  if (q.date !== undefined) {
    where.push('s.date = ?');
    params.push(parseStockDate(q.date, 'date'));
  }
  for (const [col, ref] of [['s.birth', q.birth], ['s.residence', q.residence], ['s.birth', q.within], ['s.residence', q.within]] as const) {
    if (!ref) continue;
    const c = withinCondition(col, await resolveRegionRef(ws, ref));
    where.push(c.sql);
    params.push(...c.params);
  }
  if (q.limit !== undefined && !(Number.isInteger(q.limit) && q.limit >= 0)) throw new InputError(`limit ${q.limit} is not a whole number`);
  const rows = await ws.db.all<StockRow>(
    `SELECT s.import_id, s.birth, coalesce(rb.name_zh, rb.name_en) AS birth_name, s.residence, coalesce(rr.name_zh, rr.name_en) AS residence_name,
       s.date, s.count, s.count / coalesce(t.sampling_rate, 1) AS persons
     FROM stocks s JOIN stock_tables t ON t.import_id = s.import_id AND t.date = s.date
       LEFT JOIN regions rb ON rb.code = s.birth LEFT JOIN regions rr ON rr.code = s.residence
     WHERE ${where.join(' AND ')} ORDER BY s.date, s.count DESC, s.birth, s.residence LIMIT ?`,
    [listValue(ids), ...params, q.limit ?? 1_000_000]);
  const used = new Set(rows.map((r) => `${r.import_id}@${r.date}`));
  return {
    tables: tables.filter((t) => used.has(`${t.importId}@${t.date}`) || (!q.birth && !q.residence && !q.within)),
    rows: rows.map((r) => ({ ...r, import_id: Number(r.import_id), date: Number(r.date), count: Number(r.count), persons: Number(r.persons) })),
  };
}
