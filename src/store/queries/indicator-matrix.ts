import { listValue } from '../duckdb/node-api.ts';
import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { isIndicatorName } from '../../core/schema/indicator-name.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { type Workspace } from '../workspace.ts';
import { requirePeriod } from './known-values.ts';
import { resolveIndicatorNames } from './indicator-names.ts';
import { listRegions } from './list-regions.ts';

/**
 * A region x indicator matrix read from the workspace, in the shape src/rank's IndicatorMatrix
 * takes (row-major, NaN = missing). Each column is a term over stored indicators:
 *
 *   name                   the value in the selection's period (`period`)
 *   name@2020              the value in period 2020
 *   growth(name,2010,2020) percent change 100 * (v2020 / v2010 - 1)
 *   change(name,2010,2020) difference v2020 - v2010
 *   log(name@2020)         natural log (of a term without parentheses); NaN for values <= 0
 *
 * Appending ":+" or ":-" gives the direction (more is better / less is better; default +).
 * Derived terms are computed here, from stored values only, so any indicator can be derived
 * without storing a new one.
 */
export interface MatrixQuery {
  /** Terms, e.g. ["growth(population,2010,2020):+", "share_age_65@2020:-"]. */
  terms: readonly string[];
  /** Period of plain names. */
  period?: string;
  /** Rows: regions of this level (e.g. city). */
  level?: string;
  /** Rows: regions inside this region or group. */
  within?: string;
}

export interface LoadedMatrix {
  regions: string[];
  /** Column labels: the terms without their direction suffix. */
  indicators: string[];
  values: Float64Array;
  directions: Record<string, 1 | -1>;
  names: Record<string, string | null>;
}

interface Term {
  label: string;
  op: 'value' | 'growth' | 'change' | 'log';
  name: string;
  periods: string[];
}

export function parseTerm(text: string, period?: string): { term: Term; direction: 1 | -1 } {
  const m = /^\s*(.*?)\s*(?::\s*([+-]))?\s*$/.exec(text) as RegExpExecArray;
  const label = m[1].replace(/\s+/g, '');
  const direction = m[2] === '-' ? -1 : 1;
  const year = (y: string) => {
    const p = parsePeriod(y);
    if (!p) throw new SpecError(`"${y}" in "${text}" is not a year or period`, 'indicators');
    return p.text;
  };
  const plain = (s: string): { name: string; period: string } => {
    const [name, at] = s.split('@');
    // Names are the user's own (城镇非私营单位平均工资 from a yearbook's header): the core's one rule.
    if (!isIndicatorName(name)) throw new SpecError(`"${s}" is not an indicator name (terms: name, name@2020, growth(name,2010,2020), change(name,2010,2020), log(name@2020))`, 'indicators');
    if (at !== undefined) return { name, period: year(at) };
    if (!period) throw new SpecError(coded('rank.termNeedsPeriod', { term: s }), 'indicators');
    return { name, period: year(period) };
  };
  const call = /^(growth|change|log)\((.*)\)$/.exec(label);
  if (!call) {
    const p = plain(label);
    return { term: { label, op: 'value', name: p.name, periods: [p.period] }, direction };
  }
  const args = call[2].split(',');
  if (call[1] === 'log') {
    if (args.length !== 1) throw new SpecError(`log takes one indicator: "${text}"`, 'indicators');
    const p = plain(args[0]);
    return { term: { label, op: 'log', name: p.name, periods: [p.period] }, direction };
  }
  if (args.length !== 3) throw new SpecError(`${call[1]} takes (name,from,to): "${text}"`, 'indicators');
  if (!isIndicatorName(args[0])) throw new SpecError(`"${args[0]}" in "${text}" is not an indicator name`, 'indicators');
  return { term: { label, op: call[1] as 'growth' | 'change', name: args[0], periods: [year(args[1]), year(args[2])] }, direction };
}

export async function loadIndicatorMatrix(ws: Workspace, q: MatrixQuery): Promise<LoadedMatrix> {
  if (!q.terms.length) throw new SpecError('give at least one indicator', 'indicators');
  const parsed = q.terms.map((t) => parseTerm(t, q.period));
  const labels = parsed.map((p) => p.term.label);
  const dup = labels.find((l, i) => labels.indexOf(l) !== i);
  if (dup) throw new SpecError(coded('rank.indicatorTwice', { indicator: dup }), 'indicators');
  const regions = await listRegions(ws, { level: q.level, within: q.within });
  if (!regions.length) throw new SpecError(coded('rank.noRegions', { level: q.level ?? null, within: q.within ?? null }), 'level');
  const codes = regions.map((r) => r.code);
  const names = [...new Set(parsed.map((p) => p.term.name))];
  const stored = await ws.db.all<{ region: string; name: string; period: string; value: number }>(
    `SELECT region, name, period, value FROM indicators WHERE list_contains(?::VARCHAR[], name) AND list_contains(?::VARCHAR[], region)`,
    [listValue(names), listValue(codes)]);
  const known = new Set(stored.map((s) => `${s.name}@${s.period}`));
  for (const { term } of parsed) {
    for (const p of term.periods) {
      if (known.has(`${term.name}@${p}`)) continue;
      // A misspelt name or a year without indicators says what exists (resolveIndicatorNames and
      // requirePeriod throw, listing them); only a name and year both stored elsewhere reach the last error.
      if (!stored.some((s) => s.name === term.name)) await resolveIndicatorNames(ws, [term.name]);
      await requirePeriod(ws, p, 'indicators');
      throw new SpecError(coded('rank.noValuesInPeriod', { indicator: term.name, period: p }), 'indicators');
    }
  }
  const value = new Map(stored.map((s) => [`${s.region}|${s.name}|${s.period}`, s.value]));
  const get = (code: string, name: string, period: string) => value.get(`${code}|${name}|${period}`) ?? NaN;
  const p = parsed.length;
  const values = new Float64Array(codes.length * p);
  codes.forEach((code, i) => {
    parsed.forEach(({ term }, j) => {
      const a = get(code, term.name, term.periods[0]);
      let v = a;
      if (term.op === 'growth') v = a > 0 ? 100 * (get(code, term.name, term.periods[1]) / a - 1) : NaN;
      else if (term.op === 'change') v = get(code, term.name, term.periods[1]) - a;
      else if (term.op === 'log') v = a > 0 ? Math.log(a) : NaN;
      values[i * p + j] = v;
    });
  });
  return {
    regions: codes,
    indicators: labels,
    values,
    directions: Object.fromEntries(parsed.map((x) => [x.term.label, x.direction])),
    names: Object.fromEntries(regions.map((r) => [r.code, r.name_zh ?? r.name_en])),
  };
}
