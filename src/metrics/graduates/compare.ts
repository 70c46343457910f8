import { quantiles } from '../quantile.ts';
import type { Compared, KeyedCompared, Quartiles, SalaryRow, StayShare } from './types.ts';

const share = (count: number, base: number) => (base > 0 ? count / base : null);
const pp = (a: number | null, b: number | null) => (a === null || b === null ? null : (a - b) * 100);

/** A count with its share of `base`, against the previous year's (null when there is none). */
export function compared(count: number, base: number, previous: { count: number; base: number } | null): Compared {
  const s = share(count, base);
  const ps = previous ? share(previous.count, previous.base) : null;
  return {
    count,
    share: s,
    previousCount: previous ? previous.count : null,
    previousShare: ps,
    countChange: previous ? count - previous.count : null,
    shareChangePp: pp(s, ps),
  };
}

/** One row per key of either year, sorted by this year's count (descending), then code. */
export function comparedTable(current: Map<string, number>, base: number, previous: Map<string, number> | null, previousBase: number): KeyedCompared[] {
  const keys = new Set([...current.keys(), ...(previous?.keys() ?? [])]);
  const rows = [...keys].map((code) => ({
    code,
    ...compared(current.get(code) ?? 0, base, previous ? { count: previous.get(code) ?? 0, base: previousBase } : null),
  }));
  return rows.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function stayShare(current: { stayed: number; base: number }, previous: { stayed: number; base: number } | null): StayShare {
  const s = share(current.stayed, current.base);
  const ps = previous ? share(previous.stayed, previous.base) : null;
  return { stayed: current.stayed, base: current.base, share: s, previousShare: ps, shareChangePp: pp(s, ps) };
}

export function quartiles(values: readonly number[]): Quartiles {
  const [q1, median, q3] = quantiles(values, [0.25, 0.5, 0.75]);
  return { n: values.length, q1, median, q3 };
}

export function salaryRow(code: string, current: readonly number[], previous: readonly number[] | null): SalaryRow {
  const q = quartiles(current);
  const p = previous ? quartiles(previous) : null;
  return { code, ...q, previous: p, medianChange: q.median === null || p?.median == null ? null : q.median - p.median };
}
