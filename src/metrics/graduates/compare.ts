import { quantiles } from '../quantile.ts';
import type { StayCounts } from './summarise.ts';
import type { Compared, KeyedCompared, Quartiles, SalaryRow, StayShare } from './types.ts';

const share = (count: number, base: number) => (base > 0 ? count / base : null);
const pp = (a: number | null, b: number | null) => (a === null || b === null ? null : (a - b) * 100);

/** Which of a row's two years is hidden (src/metrics/graduates/year-mask.ts). */
export interface Hide {
  now: boolean;
  previous: boolean;
}
const SHOWN: Hide = { now: false, previous: false };

/**
 * A count with its share of `base`, against the previous year's (null when there is none). A
 * hidden count is null, and so are its share and every change it enters.
 */
export function compared(count: number, base: number, previous: { count: number; base: number } | null, hide: Hide = SHOWN): Compared {
  const s = hide.now ? null : share(count, base);
  const prevHidden = previous !== null && hide.previous;
  const ps = previous && !prevHidden ? share(previous.count, previous.base) : null;
  return {
    count: hide.now ? null : count,
    share: s,
    previousCount: previous && !prevHidden ? previous.count : null,
    previousShare: ps,
    countChange: previous && !hide.now && !prevHidden ? count - previous.count : null,
    shareChangePp: pp(s, ps),
    suppressed: hide.now,
    previousSuppressed: prevHidden,
  };
}

/**
 * One row per key of either year, sorted by this year's count (descending), then code; rows whose
 * count is hidden come after every non-zero shown row, by code, so the order tells nothing about
 * a hidden count beyond its being non-zero (zeros are shown); rows of 0 this year come last.
 */
export function comparedTable(
  current: Map<string, number>,
  base: number,
  previous: Map<string, number> | null,
  previousBase: number,
  hidden: { now: ReadonlySet<string>; previous: ReadonlySet<string> } = { now: new Set(), previous: new Set() },
): KeyedCompared[] {
  const keys = new Set([...current.keys(), ...(previous?.keys() ?? [])]);
  const rows = [...keys].map((code) => ({
    code,
    ...compared(current.get(code) ?? 0, base, previous ? { count: previous.get(code) ?? 0, base: previousBase } : null, { now: hidden.now.has(code), previous: hidden.previous.has(code) }),
  }));
  const byCode = (a: KeyedCompared, b: KeyedCompared) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const rank = (r: KeyedCompared) => (r.suppressed ? 1 : (r.count as number) > 0 ? 0 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || (b.count ?? 0) - (a.count ?? 0) || byCode(a, b));
}

export function stayShare(current: StayCounts, previous: StayCounts | null, hide: Hide = SHOWN): StayShare {
  const s = hide.now ? null : share(current.stayed, current.base);
  const prevHidden = previous !== null && hide.previous;
  const ps = previous && !prevHidden ? share(previous.stayed, previous.base) : null;
  return {
    stayed: hide.now ? null : current.stayed,
    base: hide.now ? null : current.base,
    share: s,
    previousShare: ps,
    shareChangePp: pp(s, ps),
    suppressed: hide.now,
    previousSuppressed: prevHidden,
  };
}

/** R type 7 quartiles; all null when hidden, n alone null when `nHidden`. */
export function quartiles(values: readonly number[], hide: { hidden: boolean; nHidden: boolean } = { hidden: false, nHidden: false }): Quartiles {
  if (hide.hidden) return { n: null, q1: null, median: null, q3: null, suppressed: true, nSuppressed: true };
  const [q1, median, q3] = quantiles(values, [0.25, 0.5, 0.75]);
  return { n: hide.nHidden ? null : values.length, q1, median, q3, suppressed: false, nSuppressed: hide.nHidden };
}

type SalaryHide = { hidden: boolean; nHidden: boolean };
const SALARY_SHOWN: SalaryHide = { hidden: false, nHidden: false };

export function salaryRow(code: string, current: readonly number[], previous: readonly number[] | null, hide: { now: SalaryHide; previous: SalaryHide } = { now: SALARY_SHOWN, previous: SALARY_SHOWN }): SalaryRow {
  const q = quartiles(current, hide.now);
  const p = previous ? quartiles(previous, hide.previous) : null;
  return { code, ...q, previous: p, medianChange: q.median === null || p?.median == null ? null : q.median - p.median };
}
