/**
 * Whether any key repeats, for keys that are integers in [0, space): one bit per possible key.
 * Used by the flow importer on the integer ids of the rows it has just written, where a bitmap of
 * a few megabytes answers in one pass what a hash aggregate of millions of groups took most of a
 * second per 2 million rows to answer. Pure: typed array in, index out.
 *
 * Returns the index of the first key seen before, or -1 when all are distinct.
 */
export function firstRepeatedKey(keys: Float64Array, space: number): number {
  if (!Number.isInteger(space) || space < 0) throw new RangeError(`key space ${space} is not a whole number`);
  const seen = new Uint32Array(Math.ceil(space / 32));
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!(k >= 0 && k < space) || !Number.isInteger(k)) throw new RangeError(`key ${k} at ${i} is outside 0..${space - 1}`);
    const word = Math.floor(k / 32);
    const bit = 1 << (k % 32);
    if (seen[word] & bit) return i;
    seen[word] |= bit;
  }
  return -1;
}

/** The largest key space answered with a bitmap (bits): 2^26 (8 MB), or 32 bits a row for larger files, at most 2^30 (128 MB). */
export function bitmapLimit(rows: number): number {
  return Math.max(2 ** 26, Math.min(32 * rows, 2 ** 30));
}
