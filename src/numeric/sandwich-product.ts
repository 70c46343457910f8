/**
 * B M B for symmetric k x k row-major matrices: the sandwich covariance (Huber 1967; White 1982)
 * from the bread B = (-H)^-1 and the meat M = sum of outer products of scores. Symmetrised.
 */
export function sandwichProduct(bread: Float64Array, meat: Float64Array, k: number): Float64Array {
  const bm = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let l = 0; l < k; l++) {
      const b = bread[i * k + l];
      if (b === 0) continue;
      for (let j = 0; j < k; j++) bm[i * k + j] += b * meat[l * k + j];
    }
  }
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += bm[i * k + l] * bread[l * k + j];
      out[i * k + j] = s;
      out[j * k + i] = s;
    }
  }
  return out;
}

/** sum over g of s_g s_g' for scores stored row after row (each of length k): a clustered meat. */
export function outerProductSum(scores: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let o = 0; o < scores.length; o += k) {
    for (let a = 0; a < k; a++) {
      const sa = scores[o + a];
      if (sa === 0) continue;
      for (let b = 0; b < k; b++) out[a * k + b] += sa * scores[o + b];
    }
  }
  return out;
}
