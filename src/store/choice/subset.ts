import type { ChoiceData } from '../../models/logit/index.ts';
import type { CaseInfo } from './choice-set.ts';

/**
 * The cases of a choice data set whose graduation year is (or is not) in `years`, with their
 * case information: how a cohort is held out of a fit and given to holdoutFit.
 */
export function casesOfYears(data: ChoiceData, info: CaseInfo, years: readonly number[], keep: boolean): { data: ChoiceData; caseInfo: CaseInfo } {
  const wanted = new Set(years);
  const newCase = new Int32Array(data.nCases).fill(-1);
  let nCases = 0;
  for (let c = 0; c < data.nCases; c++) if (wanted.has(info.year[c]) === keep) newCase[c] = nCases++;
  const rows: number[] = [];
  for (let r = 0; r < data.caseIndex.length; r++) if (newCase[data.caseIndex[r]] >= 0) rows.push(r);
  const cases = Int32Array.from({ length: data.nCases }, (_, c) => c).filter((c) => newCase[c] >= 0);
  const pickRows = (a: Float64Array): Float64Array => Float64Array.from(rows, (r) => a[r]);
  const pickCases = (a: Int32Array): Int32Array => Int32Array.from(cases, (c) => a[c]);
  return {
    data: {
      nCases,
      caseIndex: Int32Array.from(rows, (r) => newCase[data.caseIndex[r]]),
      altIndex: Int32Array.from(rows, (r) => data.altIndex[r]),
      chosen: data.chosen instanceof Uint8Array ? Uint8Array.from(rows, (r) => data.chosen[r]) : Float64Array.from(rows, (r) => data.chosen[r]),
      columns: Object.fromEntries(Object.entries(data.columns).map(([k, v]) => [k, pickRows(v)])),
      ...(data.caseWeight ? { caseWeight: Float64Array.from(cases, (c) => data.caseWeight![c]) } : {}),
      ...(data.cluster ? { cluster: pickCases(data.cluster) } : {}),
      ...(data.alternatives ? { alternatives: data.alternatives } : {}),
    },
    caseInfo: {
      ...info,
      year: pickCases(info.year), university: pickCases(info.university), home: pickCases(info.home), study: pickCases(info.study), chosen: pickCases(info.chosen),
    },
  };
}
