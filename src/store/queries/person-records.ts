import { listValue, type DuckDBListValue } from '../duckdb/node-api.ts';
import type { PersonRecord } from '../../core/schema/person.ts';
import { type Workspace } from '../workspace.ts';

/**
 * Graduate person records for a report: the records of the given years (and universities, when
 * named), as the PersonRecord objects src/metrics/graduates reads. The finer selection (study
 * province, degree, major) is left to selectGraduates so report and measures select alike.
 */
export interface PersonQuery {
  years?: readonly number[];
  university?: string | readonly string[];
}

export async function loadPersons(ws: Workspace, q: PersonQuery = {}): Promise<PersonRecord[]> {
  const where: string[] = [];
  const params: DuckDBListValue[] = [];
  if (q.years?.length) {
    where.push('list_contains(?::INTEGER[], year)');
    params.push(listValue([...q.years]));
  }
  if (q.university !== undefined) {
    where.push('list_contains(?::VARCHAR[], university)');
    params.push(listValue(typeof q.university === 'string' ? [q.university] : [...q.university]));
  }
  const rows = await ws.db.all<PersonRecord>(
    `SELECT id, year, university, degree, major, home_region, study_region, destination, employer_type, monthly_salary, synthetic
     FROM persons ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY year, university, id`, params);
  return rows.map((r) => ({ ...r, year: Number(r.year), monthly_salary: r.monthly_salary === null ? null : Number(r.monthly_salary) }));
}

/**
 * Region code -> province code for every region with a province ancestor (cities, counties, the
 * province itself), plus regions of level `sar` mapped to themselves: the ProvinceMap of the
 * graduate report.
 */
export async function provinceMap(ws: Workspace): Promise<Record<string, string>> {
  const rows = await ws.db.all<{ code: string; province: string }>(
    `SELECT code, ancestor AS province FROM region_ancestors WHERE ancestor_level = 'province'
     UNION ALL SELECT code, code FROM regions WHERE level = 'sar'`);
  return Object.fromEntries(rows.map((r) => [r.code, r.province]));
}

/**
 * Universities and years present, with counts, whether any record is synthetic, and the countries
 * the records' regions lie in (their study region's, else their home region's; codes of the
 * country-level regions, sorted): a destination-choice model is fitted within one country.
 */
export async function personCatalogue(ws: Workspace): Promise<{ university: string; year: number; records: number; synthetic: boolean; countries: string[] }[]> {
  const rows = await ws.db.all<{ university: string; year: number; records: bigint; synthetic: boolean; countries: string[] | null }>(
    `SELECT p.university, p.year, count(*) AS records, bool_or(p.synthetic) AS synthetic,
            list_sort(list_distinct(list(a.ancestor))) AS countries
     FROM persons p LEFT JOIN region_ancestors a ON a.code = coalesce(p.study_region, p.home_region) AND a.ancestor_level = 'country'
     GROUP BY ALL ORDER BY p.university, p.year`);
  return rows.map((r) => ({ ...r, year: Number(r.year), records: Number(r.records), countries: [...(r.countries ?? [])] }));
}
