/**
 * What a suppressed result says about its suppression: the threshold, how many cells are hidden
 * and the rule, in words, so a reader of the JSON alone knows why a value is null.
 */
export interface PrivacyInfo {
  /** Counts of 1 to k - 1 persons are hidden. */
  k: number;
  /** Counts hidden in the result (this year and the previous year), primary and complementary alike. */
  suppressedCells: number;
  rule: string;
}

export const SMALL_CELL_RULE =
  'small-cell suppression: a count of 1 to k-1 persons is hidden (primary); in every table whose total is shown, the smallest ' +
  'visible non-zero cells are hidden too until at least two cells are hidden, they sum to k or more, and their sum exceeds by one ' +
  'or more what a reader knows they hold at least (one per hidden non-zero row under them) (complementary); a table that cannot ' +
  'be so protected hides its total; a hidden total hides the table under it (the cities of a hidden province, the destinations ' +
  'of hidden employed); shares and changes of a hidden count are hidden; salary quartiles are hidden when 1 to k-1 persons gave ' +
  'a salary or 1 to k-1 gave none, and salary counts are not shown; a stay share is hidden when its stayed, not stayed or unknown ' +
  'group is hidden or when it would narrow a hidden province; the previous year follows the same rule; hidden rows come after the shown ' +
  'non-zero rows, ordered by code; zeros are shown';
