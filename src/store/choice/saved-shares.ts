import type { PrivacyInfo } from '../../metrics/index.ts';

/**
 * A choice model saved before its observed shares were suppressed (no `shares.privacy`) holds
 * every count as observed, and its home rows may be cut to the 10 largest, so the two-way rule
 * cannot be applied afresh: on reading, every observed count and share is withheld, with the
 * predicted counts of each home (they add up to its number of persons), the home sizes, the
 * counts of persons left out and their example ids. Refitting shows what the rule lets through.
 */
interface Row { observed?: number | null; observedShare?: number | null; predicted?: number | null; suppressed?: boolean }
interface LegacyResult {
  shares?: { privacy?: PrivacyInfo | null; byAlternative?: Row[]; byHome?: { persons?: number | null; suppressed?: boolean; shares?: Row[] }[] };
  choiceSet?: { excluded?: { reason: string; count: number | null; example?: string; suppressed?: boolean }[] };
}

export function withholdUnsuppressedShares<R>(result: R, k: number): R {
  const r = result as LegacyResult;
  if (!r.shares || r.shares.privacy) return result;
  let cells = 0;
  const hide = (s: Row, predicted: boolean): Row => {
    cells++;
    return { ...s, observed: null, observedShare: null, suppressed: true, ...(predicted ? {} : { predicted: null }) };
  };
  return {
    ...r,
    shares: {
      ...r.shares,
      byAlternative: r.shares.byAlternative?.map((s) => hide(s, true)),
      byHome: r.shares.byHome?.map((h) => ({ ...h, persons: null, suppressed: true, shares: h.shares?.map((s) => hide(s, false)) })),
      privacy: { k, suppressedCells: cells, rule: 'saved before small-cell suppression of choice models: every observed count is withheld (refit the model to see the counts the rule shows)' },
    },
    ...(r.choiceSet ? { choiceSet: { ...r.choiceSet, excluded: r.choiceSet.excluded?.map((e) => ({ reason: e.reason, count: null, suppressed: true })) } } : {}),
  } as R;
}
