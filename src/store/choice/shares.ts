import { predictChoices, type ChoiceData, type LogitResult } from '../../models/logit/index.ts';
import type { CaseInfo } from './choice-set.ts';

export interface ShareRow {
  /** Region code, or 'outside'. */
  readonly alternative: string;
  readonly name: string;
  readonly observed: number;
  readonly predicted: number;
  readonly observedShare: number;
  readonly predictedShare: number;
}

export interface OriginShares {
  /** Home region code ('' when not recorded). */
  readonly home: string;
  readonly name: string;
  readonly persons: number;
  /** Rows by destination; with more than MAX_FULL alternatives only the 10 largest predicted. */
  readonly shares: ShareRow[];
}

export interface ChoiceShares {
  readonly definition: string;
  readonly persons: number;
  readonly byAlternative: ShareRow[];
  readonly byHome: OriginShares[];
}

const MAX_FULL = 60;

/**
 * Predicted against observed destination shares on the full choice sets (not the sampled ones):
 * persons x choice probability summed by destination region (the label 'home' counted as the
 * case's home region), overall and by home region.
 */
export function choiceShares(result: LogitResult, set: { data: ChoiceData; caseInfo: CaseInfo }, labels: readonly string[], nameOf: (code: string) => string): ChoiceShares {
  const { data, caseInfo } = set;
  const p = predictChoices(result, data).probabilities;
  const persons = new Float64Array(data.nCases);
  for (let r = 0; r < data.altIndex.length; r++) persons[data.caseIndex[r]] += (data.caseWeight?.[data.caseIndex[r]] ?? 1) * data.chosen[r];
  const table = new Map<string, Map<string, { observed: number; predicted: number }>>();
  const homePersons = new Map<string, number>();
  const cell = (home: string, dest: string) => {
    let byDest = table.get(home);
    if (!byDest) table.set(home, (byDest = new Map()));
    let x = byDest.get(dest);
    if (!x) byDest.set(dest, (x = { observed: 0, predicted: 0 }));
    return x;
  };
  for (let c = 0; c < data.nCases; c++) {
    const home = caseInfo.home[c] >= 0 ? caseInfo.regions[caseInfo.home[c]] : '';
    homePersons.set(home, (homePersons.get(home) ?? 0) + persons[c]);
  }
  for (let r = 0; r < data.altIndex.length; r++) {
    const c = data.caseIndex[r];
    const home = caseInfo.home[c] >= 0 ? caseInfo.regions[caseInfo.home[c]] : '';
    const label = labels[data.altIndex[r]];
    const x = cell(home, label === 'home' ? home : label);
    x.observed += (data.caseWeight?.[c] ?? 1) * data.chosen[r];
    x.predicted += persons[c] * p[r];
  }
  const rows = (byDest: Map<string, { observed: number; predicted: number }>, total: number, top: boolean): ShareRow[] => {
    const out = [...byDest].map(([alternative, x]) => ({
      alternative, name: nameOf(alternative), observed: x.observed, predicted: x.predicted,
      observedShare: total > 0 ? x.observed / total : 0, predictedShare: total > 0 ? x.predicted / total : 0,
    }));
    out.sort((a, b) => b.predicted - a.predicted || (a.alternative < b.alternative ? -1 : 1));
    return top ? out.slice(0, 10) : out;
  };
  const all = new Map<string, { observed: number; predicted: number }>();
  for (const byDest of table.values()) {
    for (const [d, x] of byDest) {
      const y = all.get(d) ?? { observed: 0, predicted: 0 };
      all.set(d, { observed: y.observed + x.observed, predicted: y.predicted + x.predicted });
    }
  }
  let total = 0;
  for (const n of persons) total += n;
  const many = all.size > MAX_FULL;
  return {
    definition: 'persons choosing each destination: observed, and predicted = sum over persons of the fitted choice probability, on the full choice sets',
    persons: total,
    byAlternative: rows(all, total, false),
    byHome: [...table].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([home, byDest]) => ({
      home, name: home ? nameOf(home) : 'not recorded', persons: homePersons.get(home) ?? 0, shares: rows(byDest, homePersons.get(home) ?? 0, many),
    })),
  };
}
