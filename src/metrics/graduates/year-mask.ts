import { isSmallCell, suppressNested, suppressTable } from '../privacy/index.ts';
import { stayNarrowsProvinces, type StayGroup } from './stay-linkage.ts';
import type { StayCounts, YearCounts } from './summarise.ts';

/**
 * Which of one year's report cells are hidden at threshold k (src/metrics/privacy, docs/privacy.md).
 * The report's tables nest: headcount = employed + further study + not employed; the employed =
 * the sum of the destination provinces = the sum of the employer types = stayed + not stayed +
 * unknown region (for each stay share); a province = the sum of its cities. Each table is
 * suppressed against its total, top down, so a hidden total hides the tables under it.
 */
export interface YearMask {
  headcount: boolean;
  employed: boolean;
  furtherStudy: boolean;
  notEmployed: boolean;
  provinces: ReadonlySet<string>;
  cities: ReadonlySet<string>;
  employerTypes: ReadonlySet<string>;
  stayStudy: boolean;
  stayHome: boolean;
  /**
   * Salary quartiles of a destination province, or of all the employed ('all'): hidden with the
   * province, when 1 to k - 1 gave a salary, or when 1 to k - 1 gave none. Their number n is
   * never shown under suppression: with the province's count it would give, by difference, how
   * many gave no salary.
   */
  salary(code: string): { hidden: boolean; nHidden: boolean };
}

const NOTHING_HIDDEN: YearMask = {
  headcount: false, employed: false, furtherStudy: false, notEmployed: false,
  provinces: new Set(), cities: new Set(), employerTypes: new Set(),
  stayStudy: false, stayHome: false,
  salary: () => ({ hidden: false, nHidden: false }),
};

/** The cells to hide; with k null, none (the unsuppressed report). */
export function yearMask(c: YearCounts, k: number | null): YearMask {
  if (k === null) return NOTHING_HIDDEN;
  const tables = tableMask(c, k);
  const { employed, provinces } = tables;

  // A stay share is the table stayed / not stayed / region unknown of the employed: shown only
  // when none of the three is hidden and it narrows no hidden province (stay-linkage.ts).
  const shown: StayGroup[][] = [];
  const stayHidden = (s: StayCounts) => {
    const cells = [s.stayed, s.base - s.stayed, c.employed - s.base];
    const t = suppressTable(cells, k, { totalHidden: employed });
    if (!t.protected || t.hidden.some(Boolean)) return true;
    const groups = [s.provinces.stayed, s.provinces.notStayed, s.provinces.unknown].map((p, i) => ({ count: cells[i], provinces: p }));
    if (stayNarrowsProvinces(groups, shown, c.byProvince, provinces)) return true;
    shown.push(groups);
    return false;
  };
  const stayStudy = stayHidden(c.stayStudy);
  const stayHome = stayHidden(c.stayHome);

  const salary = (code: string) => {
    const all = code === 'all';
    const n = all ? c.salaries.length : (c.salariesByProvince.get(code)?.length ?? 0);
    const employedThere = all ? c.employed : (c.byProvince.get(code) ?? 0);
    const hidden = (all ? employed : provinces.has(code)) || isSmallCell(n, k) || isSmallCell(employedThere - n, k);
    return { hidden, nHidden: true };
  };

  return { ...tables, stayStudy, stayHome, salary };
}

type TableMask = Omit<YearMask, 'stayStudy' | 'stayHome' | 'salary'>;

/**
 * The counting tables, top down. A table that cannot be protected under a shown total (too few
 * non-zero cells) hides that total, and the tables are suppressed again: each round hides one more
 * cell, so this ends.
 */
function tableMask(c: YearCounts, k: number): TableMask {
  const provinceCodes = [...c.byProvince.keys()];
  const provinceCounts = provinceCodes.map((p) => c.byProvince.get(p) ?? 0);
  const cityCodes = [...c.byCity.keys()];
  const cityCounts = cityCodes.map((code) => c.byCity.get(code) ?? 0);
  const parentOf = cityCodes.map((code) => provinceCodes.indexOf(c.cityProvince.get(code) as string));
  const typeCodes = [...c.employerTypes.keys()];
  const typeCounts = typeCodes.map((t) => c.employerTypes.get(t) ?? 0);
  // What a reader knows a hidden cell holds at least: one per non-zero row hidden under it.
  const citiesIn = provinceCodes.map((_, i) => parentOf.filter((p) => p === i).length);
  const employedAtLeast = Math.max(cityCodes.length, typeCodes.length);

  const forced = { headcount: false, employed: false, provinces: provinceCodes.map(() => false) };
  for (;;) {
    const headcount = forced.headcount || isSmallCell(c.headcount, k);
    const outcomes = suppressTable([c.employed, c.furtherStudy, c.notEmployed], k, { totalHidden: headcount, lowerBounds: [employedAtLeast, 1, 1], alsoHidden: [forced.employed, false, false] });
    if (!outcomes.protected) {
      forced.headcount = true;
      continue;
    }
    const [employed, furtherStudy, notEmployed] = outcomes.hidden;
    const byProvince = suppressTable(provinceCounts, k, { totalHidden: employed, lowerBounds: citiesIn, alsoHidden: forced.provinces });
    const types = suppressTable(typeCounts, k, { totalHidden: employed });
    if (!byProvince.protected || !types.protected) {
      forced.employed = true;
      continue;
    }
    const byCity = suppressNested(byProvince.hidden, cityCounts, parentOf, k);
    if (byCity.unprotected.length) {
      for (const p of byCity.unprotected) forced.provinces[p] = true;
      continue;
    }
    return {
      headcount, employed, furtherStudy, notEmployed,
      provinces: new Set(provinceCodes.filter((_, i) => byProvince.hidden[i])),
      cities: new Set(cityCodes.filter((_, i) => byCity.hidden[i])),
      employerTypes: new Set(typeCodes.filter((_, i) => types.hidden[i])),
    };
  }
}
