import { rowNumber } from './row-number.ts';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { groupRows, levelCount, MISSING } from '../../numeric/interact.ts';
import type { GravityData } from './types.ts';

/**
 * Rows of a flow table that describe the same observation: same origin, destination, period and
 * category of every data.categories column. A workspace import refuses them; a fit must too,
 * or they silently count as separate observations. With 'sum' the later rows' flows are added
 * to the first row of their key and the later rows leave `keep`; everything else about the row
 * (cost, covariates, offset) must agree, or the sum would have no single row to stand for it.
 * Returns the flows to fit (a copy only when something was summed) and how many rows were summed.
 */
export function resolveDuplicates(
  data: GravityData,
  keep: Uint8Array,
  mode: 'error' | 'sum',
  numeric: readonly { name: string; values: ArrayLike<number> }[],
): { flow: Float64Array; summed: number } {
  const n = keep.length;
  const keys = [data.origin, data.destination];
  const sizes = [data.regions.length, data.regions.length];
  if (data.period) {
    keys.push(data.period);
    sizes.push(data.periods?.length ?? levelCount(data.period));
  }
  const names = ['origin', 'destination', ...(data.period ? ['period'] : [])];
  for (const [name, c] of Object.entries(data.categories ?? {})) {
    keys.push(c.index);
    sizes.push(c.levels.length);
    names.push(name);
  }
  if (repeatedKey(keys, sizes, keep) === false) return { flow: data.flow, summed: 0 };
  // Rows left out are kept out of every group through a missing origin.
  const first = new Uint32Array(n);
  for (let r = 0; r < n; r++) first[r] = keep[r] ? data.origin[r] : MISSING;
  const g = groupRows([first, ...keys.slice(1)], sizes);
  let kept = 0;
  for (let r = 0; r < n; r++) kept += keep[r];
  if (g.count === kept) return { flow: data.flow, summed: 0 };

  const flow = Float64Array.from(data.flow);
  let summed = 0;
  for (let r = 0; r < n; r++) {
    // A row missing a level of its key cannot be shown to repeat another (groupRows leaves it out).
    if (!keep[r] || g.index[r] === MISSING) continue;
    const f = g.firstRow[g.index[r]];
    if (f === r) continue;
    if (mode === 'error') {
      throw new InputError(coded('fitdata.duplicate', { first: rowNumber(data, f), row: rowNumber(data, r), names, key: keyOf(data, names, r) }), { row: rowNumber(data, r) });
    }
    for (const c of numeric) {
      const a = c.values[f];
      const b = c.values[r];
      if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) {
        const said = coded('fitdata.duplicateDiffers', { first: rowNumber(data, f), row: rowNumber(data, r), key: keyOf(data, names, r), column: c.name, a: String(a), b: String(b) });
        throw new InputError(said, { row: rowNumber(data, r), column: c.name });
      }
    }
    flow[f] += flow[r];
    keep[r] = 0;
    summed++;
  }
  return { flow, summed };
}

/** Row r's value of each key dimension: region codes, the period, a category or NA. */
function keyOf(data: GravityData, names: readonly string[], r: number): string[] {
  return names.map((name) => {
    if (name === 'origin') return data.regions[data.origin[r]];
    if (name === 'destination') return data.regions[data.destination[r]];
    if (name === 'period' && data.period) return data.periods?.[data.period[r]] ?? String(data.period[r]);
    const c = data.categories![name];
    return c.index[r] === MISSING ? 'NA' : c.levels[c.index[r]];
  });
}

/** Key spaces up to this many keys are scanned with one bit per key (2^28 bits: 32 MiB). */
const BITMAP_LIMIT = 2 ** 28;

/**
 * Whether two kept rows share a key, by one bit per possible key (mixed radix over `sizes`): a
 * single pass with no per-row allocation, where grouping every row would build millions of
 * groups to find none (the usual case: files have no duplicates). Null when it cannot tell
 * cheaply (key space past BITMAP_LIMIT, or a missing level in a kept row): the caller groups.
 */
function repeatedKey(keys: readonly Uint32Array[], sizes: readonly number[], keep: Uint8Array): boolean | null {
  let space = 1;
  for (const s of sizes) space *= Math.max(1, s);
  if (space > BITMAP_LIMIT) return null;
  const seen = new Uint32Array(Math.ceil(space / 32));
  const k0 = keys[0];
  const k1 = keys[1];
  const n1 = sizes[1];
  const rest = keys.slice(2);
  const restSizes = sizes.slice(2);
  for (let r = 0; r < keep.length; r++) {
    if (!keep[r]) continue;
    const a = k0[r];
    const b = k1[r];
    if (a === MISSING || b === MISSING) return null;
    let key = a * n1 + b;
    for (let i = 0; i < rest.length; i++) {
      const v = rest[i][r];
      if (v === MISSING) return null;
      key = key * restSizes[i] + v;
    }
    if (key >= space) return null;
    const word = key >>> 5;
    const bit = 1 << (key & 31);
    if (seen[word] & bit) return true;
    seen[word] |= bit;
  }
  return false;
}
