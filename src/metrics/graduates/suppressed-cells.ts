import type { GraduateReport } from './types.ts';

/**
 * How many counts the report hides, this year and the previous year: headcount, outcomes,
 * destination provinces and cities, employer types, stay shares, and salary rows whose quartiles
 * are hidden (the salary counts n, never shown under suppression, are not counted). Read from the
 * finished report, so the number is what a reader sees marked.
 */
export function suppressedCells(r: GraduateReport): number {
  let n = 0;
  const add = (x: { suppressed: boolean; previousSuppressed: boolean }) => (n += Number(x.suppressed) + Number(x.previousSuppressed));
  add(r.headcount);
  for (const o of Object.values(r.outcomes)) add(o);
  for (const rows of [r.byProvince, r.byCity, r.employerTypes]) rows.forEach(add);
  add(r.stayStudyProvince);
  add(r.stayHomeProvince);
  for (const s of [r.salary.overall, ...r.salary.byProvince]) n += Number(s.suppressed) + Number(s.previous?.suppressed ?? false);
  return n;
}
