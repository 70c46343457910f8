import { SpecError } from '../core/errors.ts';
import { coded, withWarnings, type CodedMessage } from '../core/messages/index.ts';
import type { IndicatorMatrix, MissingPolicy } from './types.ts';

/** Applies the missing-value policy; returns a complete matrix (no NaN) and what was done. */
export interface CompleteMatrix {
  regions: string[];
  values: Float64Array;
  excluded: string[];
  imputed: { region: string; indicator: string; value: number }[];
  warnings: string[];
  /** The warnings coded (core/messages), same order, for a front-end's language. */
  messages: { warnings: CodedMessage[] };
}

export function handleMissing(m: IndicatorMatrix, policy: MissingPolicy): CompleteMatrix {
  const n = m.regions.length;
  const p = m.indicators.length;
  if (m.values.length !== n * p) throw new SpecError(`expected ${n} x ${p} = ${n * p} values, got ${m.values.length}`, 'values');
  const missing = (x: number) => !Number.isFinite(x);
  const warnings: CodedMessage[] = [];
  if (policy === 'exclude') {
    const keep: number[] = [];
    const excluded: number[] = [];
    for (let i = 0; i < n; i++) {
      let ok = true;
      for (let j = 0; j < p; j++) if (missing(m.values[i * p + j])) ok = false;
      (ok ? keep : excluded).push(i);
    }
    const values = new Float64Array(keep.length * p);
    keep.forEach((i, r) => {
      for (let j = 0; j < p; j++) values[r * p + j] = m.values[i * p + j];
    });
    const names = excluded.map((i) => m.regions[i]);
    if (names.length) warnings.push(coded('rank.excludedMissing', { count: names.length, regions: names.slice(0, 10).map((code) => ({ code })) }));
    return { regions: keep.map((i) => m.regions[i]), values, excluded: names, imputed: [], ...withWarnings(warnings) };
  }
  if (policy !== 'impute-mean') throw new SpecError(`unknown missing-value policy "${policy}" (use 'exclude' or 'impute-mean')`, 'missing');
  const values = Float64Array.from(m.values);
  const imputed: CompleteMatrix['imputed'] = [];
  for (let j = 0; j < p; j++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (missing(values[i * p + j])) continue;
      sum += values[i * p + j];
      count++;
    }
    if (count === 0) throw new SpecError(coded('rank.indicatorEmpty', { indicator: m.indicators[j] }), 'values');
    const mean = sum / count;
    for (let i = 0; i < n; i++) {
      if (missing(values[i * p + j])) {
        values[i * p + j] = mean;
        imputed.push({ region: m.regions[i], indicator: m.indicators[j], value: mean });
      }
    }
  }
  if (imputed.length) warnings.push(coded('rank.imputedMean', { count: imputed.length }));
  return { regions: [...m.regions], values, excluded: [], imputed, ...withWarnings(warnings) };
}
