/**
 * The conditional logit kernel's row-level terms in blocks of four (mnl-kernel.ts): one pass over a
 * case's rows handles four columns, their sums held in locals (registers) rather than arrays.
 */

/** Centred values of row-level block q into d, and their probability-weighted sums by alternative into z. */
export function centreBlock(
  block: readonly Float64Array[],
  meanR: Float64Array,
  q: number,
  s: number,
  n: number,
  d: Float64Array,
  stride: number,
  p: Float64Array,
  f: number,
  altIndex: Int32Array,
  z: Float64Array,
  width: number,
): void {
  const [c0, c1, c2, c3] = block;
  const m0 = meanR[4 * q];
  const m1 = meanR[4 * q + 1];
  const m2 = meanR[4 * q + 2];
  const m3 = meanR[4 * q + 3];
  const o = 4 * q * stride;
  for (let i = 0; i < n; i++) {
    const x0 = c0[s + i] - m0;
    const x1 = c1[s + i] - m1;
    const x2 = c2[s + i] - m2;
    const x3 = c3[s + i] - m3;
    d[o + i] = x0;
    d[o + stride + i] = x1;
    d[o + 2 * stride + i] = x2;
    d[o + 3 * stride + i] = x3;
    const fp = f * p[i];
    const zj = altIndex[s + i] * width + 4 * q;
    z[zj] += fp * x0;
    z[zj + 1] += fp * x1;
    z[zj + 2] += fp * x2;
    z[zj + 3] += fp * x3;
  }
}

/**
 * rr[P + a][Q + b] += f sum_i p_i d[(P + a) stride + i] d[(Q + b) stride + i] for a, b < 4: one
 * pass over the rows for sixteen products (the upper triangle of a diagonal block is ignored).
 */
export function pairBlock(d: Float64Array, stride: number, P: number, Q: number, p: Float64Array, n: number, f: number, rr: Float64Array, width: number): void {
  const p0 = P * stride;
  const q0 = Q * stride;
  let h00 = 0, h01 = 0, h02 = 0, h03 = 0, h10 = 0, h11 = 0, h12 = 0, h13 = 0; // prettier-ignore
  let h20 = 0, h21 = 0, h22 = 0, h23 = 0, h30 = 0, h31 = 0, h32 = 0, h33 = 0; // prettier-ignore
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const a0 = pi * d[p0 + i];
    const a1 = pi * d[p0 + stride + i];
    const a2 = pi * d[p0 + 2 * stride + i];
    const a3 = pi * d[p0 + 3 * stride + i];
    const b0 = d[q0 + i];
    const b1 = d[q0 + stride + i];
    const b2 = d[q0 + 2 * stride + i];
    const b3 = d[q0 + 3 * stride + i];
    h00 += a0 * b0; h01 += a0 * b1; h02 += a0 * b2; h03 += a0 * b3; // prettier-ignore
    h10 += a1 * b0; h11 += a1 * b1; h12 += a1 * b2; h13 += a1 * b3; // prettier-ignore
    h20 += a2 * b0; h21 += a2 * b1; h22 += a2 * b2; h23 += a2 * b3; // prettier-ignore
    h30 += a3 * b0; h31 += a3 * b1; h32 += a3 * b2; h33 += a3 * b3; // prettier-ignore
  }
  const r0 = P * width + Q;
  rr[r0] += f * h00; rr[r0 + 1] += f * h01; rr[r0 + 2] += f * h02; rr[r0 + 3] += f * h03; // prettier-ignore
  rr[r0 + width] += f * h10; rr[r0 + width + 1] += f * h11; rr[r0 + width + 2] += f * h12; rr[r0 + width + 3] += f * h13; // prettier-ignore
  rr[r0 + 2 * width] += f * h20; rr[r0 + 2 * width + 1] += f * h21; rr[r0 + 2 * width + 2] += f * h22; rr[r0 + 2 * width + 3] += f * h23; // prettier-ignore
  rr[r0 + 3 * width] += f * h30; rr[r0 + 3 * width + 1] += f * h31; rr[r0 + 3 * width + 2] += f * h32; rr[r0 + 3 * width + 3] += f * h33; // prettier-ignore
}
