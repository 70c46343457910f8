import type { PersonRecord } from '../../core/schema/person.ts';

/** The employed who stayed in their study (home) province, of those whose region is known. */
export interface StayCounts {
  stayed: number;
  base: number;
  /**
   * Destination provinces of the employed who stayed, who did not, and whose region is unknown:
   * the province cells each group is counted in (src/metrics/privacy/linked-count.ts).
   */
  provinces: { stayed: Set<string>; notStayed: Set<string>; unknown: Set<string> };
}

const stayCounts = (): StayCounts => ({ stayed: 0, base: 0, provinces: { stayed: new Set(), notStayed: new Set(), unknown: new Set() } });

function addStay(s: StayCounts, region: string | null, province: string, provinceOfRegion: () => string): void {
  if (region === null) {
    s.provinces.unknown.add(province);
    return;
  }
  s.base++;
  if (provinceOfRegion() === province) {
    s.stayed++;
    s.provinces.stayed.add(province);
  } else s.provinces.notStayed.add(province);
}

/**
 * Counts of one year's selected graduates: the raw material of the report. A destination that is
 * not 'not_employed' or 'further_study' is a region code: the graduate is employed there.
 */
export interface YearCounts {
  headcount: number;
  employed: number;
  furtherStudy: number;
  notEmployed: number;
  stayStudy: StayCounts;
  stayHome: StayCounts;
  /** Employed graduates by the province they studied in (those whose study region is known): the base of stayStudy. */
  studyProvinces: Map<string, number>;
  byProvince: Map<string, number>;
  byCity: Map<string, number>;
  /** Province of each destination in byCity. */
  cityProvince: Map<string, string>;
  employerTypes: Map<string, number>;
  salaries: number[];
  salariesByProvince: Map<string, number[]>;
  synthetic: boolean;
}

export function countYear(records: readonly PersonRecord[], provinceOf: (code: string, recordId: string, field: string) => string): YearCounts {
  const c: YearCounts = {
    headcount: records.length,
    employed: 0,
    furtherStudy: 0,
    notEmployed: 0,
    stayStudy: stayCounts(),
    stayHome: stayCounts(),
    studyProvinces: new Map(),
    byProvince: new Map(),
    byCity: new Map(),
    cityProvince: new Map(),
    employerTypes: new Map(),
    salaries: [],
    salariesByProvince: new Map(),
    synthetic: false,
  };
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of records) {
    if (r.synthetic) c.synthetic = true;
    if (r.destination === 'further_study') {
      c.furtherStudy++;
      continue;
    }
    if (r.destination === 'not_employed') {
      c.notEmployed++;
      continue;
    }
    c.employed++;
    const province = provinceOf(r.destination, r.id, 'destination');
    add(c.byProvince, province);
    add(c.byCity, r.destination);
    c.cityProvince.set(r.destination, province);
    add(c.employerTypes, r.employer_type ?? 'unknown');
    addStay(c.stayStudy, r.study_region, province, () => provinceOf(r.study_region as string, r.id, 'study_region'));
    if (r.study_region !== null) add(c.studyProvinces, provinceOf(r.study_region, r.id, 'study_region'));
    addStay(c.stayHome, r.home_region, province, () => provinceOf(r.home_region as string, r.id, 'home_region'));
    if (r.monthly_salary !== null) {
      c.salaries.push(r.monthly_salary);
      const list = c.salariesByProvince.get(province);
      if (list) list.push(r.monthly_salary);
      else c.salariesByProvince.set(province, [r.monthly_salary]);
    }
  }
  return c;
}
