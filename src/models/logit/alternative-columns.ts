/**
 * Which columns are attributes of the alternative alone (the same value on every row of an
 * alternative, whatever the case: a city's income, climate, rail), and their values by
 * alternative. The conditional logit kernel handles those through per-alternative sums instead
 * of per-row products, which is what makes hundreds of cities x tens of thousands of situations
 * cheap. One pass per column, stopping at the first row that differs.
 */
export function alternativeLevelColumns(columns: readonly Float64Array[], altIndex: Int32Array, nAlternatives: number): (Float64Array | null)[] {
  return columns.map((col) => {
    const values = new Float64Array(nAlternatives);
    const seen = new Uint8Array(nAlternatives);
    for (let r = 0; r < col.length; r++) {
      const j = altIndex[r];
      if (!seen[j]) {
        seen[j] = 1;
        values[j] = col[r];
      } else if (values[j] !== col[r]) return null;
    }
    return values;
  });
}
