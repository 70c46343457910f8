import { complementTable } from './complementary.ts';
import { primarySuppression } from './primary.ts';

/**
 * The cells of one table to hide. Under a hidden total: every non-zero cell (they would add up to
 * it). Otherwise primary suppression (plus `alsoHidden`), then complementary suppression against
 * the shown total (complementary.ts, with `lowerBounds`). When the complement cannot be completed
 * (too few non-zero cells: three cells of 1 with k = 3), every non-zero cell is hidden and
 * `protected` is false: the caller must hide the total too. Zeros stay visible.
 */
export interface TableOptions {
  totalHidden?: boolean;
  /** What a reader knows each hidden cell holds at least (default 1 each). */
  lowerBounds?: readonly number[];
  /** Cells hidden for another reason (a table nested in them could not be protected). */
  alsoHidden?: readonly boolean[];
}

export interface TableSuppression {
  hidden: boolean[];
  /** False: no set of cells protects the hidden ones while the total is shown. */
  protected: boolean;
}

export function suppressTable(counts: readonly number[], k: number, options: TableOptions = {}): TableSuppression {
  if (options.totalHidden) return { hidden: counts.map((c) => c > 0), protected: true };
  const primary = primarySuppression(counts, k).map((h, i) => h || ((options.alsoHidden?.[i] ?? false) && counts[i] > 0));
  const { hidden, complete } = complementTable(counts, primary, k, options.lowerBounds);
  return complete ? { hidden, protected: true } : { hidden: counts.map((c) => c > 0), protected: false };
}
