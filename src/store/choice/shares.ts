import { suppressTwoWay, type PrivacyInfo } from '../../metrics/index.ts';
import { predictChoices, type ChoiceData, type LogitResult } from '../../models/logit/index.ts';
import type { CaseInfo } from './choice-set.ts';

export interface ShareRow {
  /** Region code, or 'outside'. */
  readonly alternative: string;
  readonly name: string;
  /** Persons observed choosing it; null when hidden by small-cell suppression (`suppressed`). */
  readonly observed: number | null;
  /** Null in a home region whose number of persons is hidden (the predictions add up to it). */
  readonly predicted: number | null;
  /** Null when the count or the number it is a share of is hidden. */
  readonly observedShare: number | null;
  readonly predictedShare: number;
  /** The observed count is hidden: "suppressed (<k)". */
  readonly suppressed: boolean;
}

export interface OriginShares {
  /** Home region code ('' when not recorded). */
  readonly home: string;
  readonly name: string;
  /** Null when hidden by small-cell suppression (`suppressed`). */
  readonly persons: number | null;
  readonly suppressed: boolean;
  /** Rows by destination; with more than MAX_FULL alternatives only the 10 largest predicted. */
  readonly shares: ShareRow[];
}

export interface ChoiceShares {
  readonly definition: string;
  /** Null when fewer than k persons were fitted (everything is then hidden). */
  readonly persons: number | null;
  readonly byAlternative: ShareRow[];
  readonly byHome: OriginShares[];
  /** The small-cell suppression applied (null: counts as observed, for a caller holding the records). */
  readonly privacy: PrivacyInfo | null;
}

const MAX_FULL = 60;

/**
 * Predicted against observed destination shares on the full choice sets (not the sampled ones):
 * persons x choice probability summed by destination region (the label 'home' counted as the
 * case's home region), overall and by home region.
 *
 * The observed counts are a home x destination table of persons with its margins (persons by
 * home, by destination, in all): with `minCell` k, every count of 1 to k - 1 persons is hidden,
 * and enough others that none follows from the rest (src/metrics/privacy/two-way.ts). A share is
 * shown only when its count and its base are; a home whose number is hidden shows no predicted
 * counts either (they add up to it). Null k: the counts as observed.
 */
export function choiceShares(
  result: LogitResult, set: { data: ChoiceData; caseInfo: CaseInfo }, labels: readonly string[], nameOf: (code: string) => string, minCell: number | null,
): ChoiceShares {
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
  const all = new Map<string, { observed: number; predicted: number }>();
  for (const byDest of table.values()) {
    for (const [d, x] of byDest) {
      const y = all.get(d) ?? { observed: 0, predicted: 0 };
      all.set(d, { observed: y.observed + x.observed, predicted: y.predicted + x.predicted });
    }
  }
  let total = 0;
  for (const n of persons) total += n;
  const homes = [...table.keys()].sort();
  const dests = [...all.keys()];
  const hide = minCell === null ? null : suppressTwoWay(homes.map((h) => dests.map((d) => table.get(h)!.get(d)?.observed ?? 0)), minCell);
  const destIndex = new Map(dests.map((d, j) => [d, j]));
  const rows = (byDest: Map<string, { observed: number; predicted: number }>, base: number, baseHidden: boolean, hidden: (j: number) => boolean, top: boolean): ShareRow[] => {
    const out = [...byDest].map(([alternative, x]) => {
      const suppressed = hidden(destIndex.get(alternative)!);
      return {
        alternative, name: nameOf(alternative),
        observed: suppressed ? null : x.observed,
        predicted: baseHidden ? null : x.predicted,
        observedShare: suppressed || baseHidden ? null : base > 0 ? x.observed / base : 0,
        predictedShare: base > 0 ? x.predicted / base : 0,
        suppressed,
      };
    });
    out.sort((a, b) => b.predictedShare - a.predictedShare || (a.alternative < b.alternative ? -1 : 1));
    return top ? out.slice(0, 10) : out;
  };
  const many = all.size > MAX_FULL;
  const count = (flags: readonly boolean[]) => flags.filter(Boolean).length;
  const privacy = hide && minCell !== null
    ? { k: minCell, suppressedCells: hide.cells.reduce((a, r) => a + count(r), 0) + count(hide.rowTotals) + count(hide.columnTotals) + (hide.total ? 1 : 0), rule: SMALL_CELL_RULE_TWO_WAY }
    : null;
  return {
    definition: 'persons choosing each destination: observed, and predicted = sum over persons of the fitted choice probability, on the full choice sets' +
      (privacy ? `; observed counts of 1 to ${privacy.k - 1} persons, and those that would reveal them, are hidden (suppressed (<${privacy.k}))` : ''),
    persons: hide?.total ? null : total,
    byAlternative: rows(all, total, hide?.total ?? false, (j) => hide?.columnTotals[j] ?? false, false),
    byHome: homes.map((home, i) => {
      const hidden = hide?.rowTotals[i] ?? false;
      const n = homePersons.get(home) ?? 0;
      return {
        home, name: home ? nameOf(home) : 'not recorded', persons: hidden ? null : n, suppressed: hidden,
        shares: rows(table.get(home)!, n, hidden, (j) => hide?.cells[i][j] ?? false, many),
      };
    }),
    privacy,
  };
}

/** The rule of SMALL_CELL_RULE as it applies to a two-way table with its margins. */
const SMALL_CELL_RULE_TWO_WAY =
  'small-cell suppression of the home x destination table of observed persons with its margins: a count of 1 to k-1 persons is hidden ' +
  '(primary); in every row, column and margin whose total is shown, further cells are hidden until at least two are hidden and they sum ' +
  'to k or more (complementary), and until no hidden count can be worked out exactly from the shown counts and totals; a line that ' +
  'cannot be protected hides its total; a share is hidden with its count or its base; predicted counts of a home whose number is hidden ' +
  'are hidden (docs/privacy.md)';
