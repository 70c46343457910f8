/**
 * Dense n-d arrays over a Float64Array with explicit strides: cell (i_0, ..., i_k) is
 * data[sum_d i_d * strides[d]]. Row-major (last index fastest) is the layout of every array the
 * ffs code creates; other strides give views without copying, e.g. R's t(m) of an n x n matrix is
 * { dims: [n, n], strides: [1, n] } over the same data.
 */
export interface DenseArray {
  readonly dims: readonly number[];
  readonly strides: readonly number[];
  readonly data: Float64Array;
}

/** Strides of the row-major layout of `dims`. */
export function rowMajorStrides(dims: readonly number[]): number[] {
  const strides = new Array<number>(dims.length);
  let s = 1;
  for (let d = dims.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= dims[d];
  }
  return strides;
}

/** Number of cells of an array of shape `dims`. */
export function cellCount(dims: readonly number[]): number {
  return dims.reduce((p, d) => p * d, 1);
}

/** A row-major array over `data` (not copied). */
export function rowMajor(dims: readonly number[], data: Float64Array): DenseArray {
  return { dims: [...dims], strides: rowMajorStrides(dims), data };
}

/** The n x n matrix m (row-major) seen transposed, R's t(m), without copying. */
export function transposedView(m: Float64Array, n: number): DenseArray {
  return { dims: [n, n], strides: [1, n], data: m };
}

/**
 * For each cell in row-major order of `dims`, its offset under `strides`. A stride of 0 drops a
 * dimension, which maps every cell of an array to the cell of one of its margins.
 */
export function offsets(dims: readonly number[], strides: readonly number[]): Int32Array {
  const out = new Int32Array(cellCount(dims));
  const nd = dims.length;
  const index = new Array<number>(nd).fill(0);
  let offset = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = offset;
    for (let d = nd - 1; d >= 0; d--) {
      index[d]++;
      offset += strides[d];
      if (index[d] < dims[d]) break;
      offset -= strides[d] * dims[d];
      index[d] = 0;
    }
  }
  return out;
}

/** The cells of `a` copied into a new row-major Float64Array. */
export function toRowMajor(a: DenseArray): Float64Array {
  const off = offsets(a.dims, a.strides);
  return Float64Array.from(off, (o) => a.data[o]);
}
