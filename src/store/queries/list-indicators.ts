import { InputError } from '../../core/errors.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { type Workspace } from '../workspace.ts';
import { resolveIndicatorNames } from './indicator-names.ts';
import { resolveRegionRef, withinCondition } from './resolve-ref.ts';

export interface IndicatorQuery {
  /** Indicator name(s), e.g. population, or the column header(s) they were read from; an unknown one is an error. */
  name?: string | readonly string[];
  /** Regions inside this region or group (code or name). */
  within?: string;
  level?: string;
  period?: string;
  limit?: number;
}

export interface IndicatorRow {
  region: string;
  region_name: string | null;
  level: string;
  period: string;
  name: string;
  value: number;
  unit: string | null;
  source: string | null;
  /** The column header the value was read from (wide files), e.g. 城镇非私营单位平均工资（元）. */
  header: string | null;
}

export async function listIndicators(ws: Workspace, q: IndicatorQuery = {}): Promise<IndicatorRow[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const names = q.name === undefined ? [] : await resolveIndicatorNames(ws, q.name);
  if (names.length) {
    where.push(`i.name IN (${names.map(() => '?').join(', ')})`);
    params.push(...names);
  }
  if (q.within) {
    const c = withinCondition('i.region', await resolveRegionRef(ws, q.within));
    where.push(c.sql);
    params.push(...c.params);
  }
  if (q.level) {
    where.push('r.level = ?');
    params.push(q.level);
  }
  if (q.period) {
    const p = parsePeriod(q.period);
    if (!p) throw new InputError(`period "${q.period}" is not a year or a range of years`);
    where.push('i.period = ?');
    params.push(p.text);
  }
  return ws.db.all<IndicatorRow>(
    `SELECT i.region, coalesce(r.name_zh, r.name_en) AS region_name, r.level, i.period, i.name, i.value, i.unit, i.source, i.header
     FROM indicators i JOIN regions r ON r.code = i.region ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
     ORDER BY i.name, i.period, i.region LIMIT ?`, [...params, q.limit ?? 1_000_000]);
}

/** Names, units, periods and counts of the indicators in the workspace. */
export async function indicatorCatalogue(ws: Workspace): Promise<{ name: string; unit: string | null; periods: string[]; regions: number; headers: string[] }[]> {
  const rows = await ws.db.all<{ name: string; unit: string | null; periods: string[]; regions: bigint; headers: string[] }>(
    `SELECT name, any_value(unit) AS unit, list(DISTINCT period ORDER BY period) AS periods, count(DISTINCT region) AS regions,
            coalesce(list(DISTINCT header ORDER BY header) FILTER (WHERE header IS NOT NULL), []) AS headers
     FROM indicators GROUP BY name ORDER BY name`);
  return rows.map((r) => ({ ...r, periods: [...r.periods], regions: Number(r.regions), headers: [...r.headers] }));
}
