import type { PersonRecord } from '../../core/schema/person.ts';

/**
 * Counts of one year's selected graduates: the raw material of the report. A destination that is
 * not 'not_employed' or 'further_study' is a region code: the graduate is employed there.
 */
export interface YearCounts {
  headcount: number;
  employed: number;
  furtherStudy: number;
  notEmployed: number;
  stayStudy: { stayed: number; base: number };
  stayHome: { stayed: number; base: number };
  byProvince: Map<string, number>;
  byCity: Map<string, number>;
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
    stayStudy: { stayed: 0, base: 0 },
    stayHome: { stayed: 0, base: 0 },
    byProvince: new Map(),
    byCity: new Map(),
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
    add(c.employerTypes, r.employer_type ?? 'unknown');
    if (r.study_region !== null) {
      c.stayStudy.base++;
      if (provinceOf(r.study_region, r.id, 'study_region') === province) c.stayStudy.stayed++;
    }
    if (r.home_region !== null) {
      c.stayHome.base++;
      if (provinceOf(r.home_region, r.id, 'home_region') === province) c.stayHome.stayed++;
    }
    if (r.monthly_salary !== null) {
      c.salaries.push(r.monthly_salary);
      const list = c.salariesByProvince.get(province);
      if (list) list.push(r.monthly_salary);
      else c.salariesByProvince.set(province, [r.monthly_salary]);
    }
  }
  return c;
}
