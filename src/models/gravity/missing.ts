import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { MISSING } from '../../numeric/interact.ts';

/** One column the model uses, as the missing-value scan sees it. */
export type UsedColumn =
  | { readonly name: string; readonly kind: 'number'; readonly values: ArrayLike<number> }
  | { readonly name: string; readonly kind: 'level'; readonly values: Uint32Array };

/**
 * Rows with a missing value in a column the model uses: a number that is NaN (an empty or NA
 * cell), or a level that is MISSING. With 'drop' they leave `keep` (as R's na.omit and fixest do)
 * and are counted per column (a row missing in two columns counts in both) and in total; with
 * 'error' the first one is an InputError naming its row and column. Infinite values are not
 * missing: they are refused later with the column's own rule.
 */
export function dropMissing(columns: readonly UsedColumn[], keep: Uint8Array, mode: 'drop' | 'error', rowOf: (r: number) => number = (r) => r + 1): { missing: number; byColumn: Record<string, number> } {
  const byColumn: Record<string, number> = {};
  const hit = new Uint8Array(keep.length);
  let any = false;
  for (const c of columns) {
    let count = 0;
    if (c.kind === 'number') {
      const v = c.values;
      for (let r = 0; r < keep.length; r++) {
        if (keep[r] && Number.isNaN(v[r])) {
          count++;
          hit[r] = 1;
        }
      }
    } else {
      const v = c.values;
      for (let r = 0; r < keep.length; r++) {
        if (keep[r] && v[r] === MISSING) {
          count++;
          hit[r] = 1;
        }
      }
    }
    if (count === 0) continue;
    if (mode === 'error') {
      const first = firstHit(c, keep);
      throw new InputError(coded('fitdata.missing', { column: c.name }), { row: rowOf(first), column: c.name });
    }
    byColumn[c.name] = (byColumn[c.name] ?? 0) + count;
    any = true;
  }
  let missing = 0;
  if (any) {
    for (let r = 0; r < keep.length; r++) {
      if (hit[r]) {
        keep[r] = 0;
        missing++;
      }
    }
  }
  return { missing, byColumn };
}

function firstHit(c: UsedColumn, keep: Uint8Array): number {
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue;
    if (c.kind === 'number' ? Number.isNaN(c.values[r]) : c.values[r] === MISSING) return r;
  }
  return -1;
}
