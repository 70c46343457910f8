/**
 * 32-bit mixing for seed derivation. `mix32` is the finaliser of MurmurHash3 (Austin Appleby,
 * public domain, https://github.com/aappleby/smhasher); `hashString` is FNV-1a (Fowler, Noll, Vo).
 * Used only to turn (seed, stream path) into generator state, never as the generator itself.
 */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of `s`, so stream ids may be names ("university:210100"). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Four words of generator state from a list of 32-bit words, after the idea of NumPy's
 * SeedSequence (O'Neill): every output word depends on every input word through a chain of
 * mixes with a distinct starting constant, so nearby seeds and sibling streams give unrelated
 * states. Never all zero (the one forbidden xoshiro state).
 */
export function deriveState(words: readonly number[]): Uint32Array {
  const state = new Uint32Array(4);
  for (let k = 0; k < 4; k++) {
    let h = mix32(Math.imul(0x9e3779b9, k + 1) ^ words.length);
    for (const w of words) h = mix32((h ^ (w >>> 0)) + 0x6a09e667 + k);
    state[k] = mix32(h + Math.imul(0x632be5ab, k + 1));
  }
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}
