import { SpecError } from '../../core/errors.ts';
import { deriveState, hashString } from './hash.ts';

/**
 * Seeded, splittable pseudo-random generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled
 * linear pseudorandom number generators", ACM TOMS 47(4), 2021; reference C code at
 * https://prng.di.unimi.it/xoshiro128starstar.c). Period 2^128 - 1, 32-bit output, only 32-bit
 * integer operations, so it is exact and fast in JavaScript and identical in Node and browsers.
 *
 * Streams: the state of every generator is derived by hashing (seed, stream path) (see
 * hash.ts), not by advancing a parent. `fork(id)` gives the stream `path + [id]`, the same no
 * matter how many numbers the parent has drawn, so a simulation can give each university, year
 * or worker its own stream and stay reproducible when others are added. `split()` forks with a
 * private counter (first split = child 0, next = child 1, ...). Distinct paths give unrelated
 * states; overlap of two streams of length L has probability about L * streams^2 / 2^128.
 */
export interface Rng {
  /** The seed given to createRng, reported by every stochastic result. */
  readonly seed: number;
  /** The stream path from the root generator (empty for the root). */
  readonly stream: readonly number[];
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform integer on [0, n), unbiased (rejection sampling), for 1 <= n <= 2^32. */
  int(n: number): number;
  /** Independent generator for stream `id` (a uint32 or a name). */
  fork(id: number | string): Rng;
  /** Independent child generator; successive calls give successive children. */
  split(): Rng;
}

const SPLIT_TAG = 0x5b117;
const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** A generator for `seed` (an integer in [0, 2^53 - 1]). */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new SpecError(`seed must be an integer in [0, 2^53 - 1], got ${seed}`, 'seed');
  }
  return new Xoshiro128(seed, []);
}

class Xoshiro128 implements Rng {
  readonly seed: number;
  readonly stream: readonly number[];
  private readonly s: Uint32Array;
  private splits = 0;

  constructor(seed: number, stream: readonly number[]) {
    this.seed = seed;
    this.stream = stream;
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 0x100000000) >>> 0;
    this.s = deriveState([lo, hi, ...stream]);
  }

  nextUint32(): number {
    return xoshiro128StarStar(this.s);
  }

  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0x100000000) throw new SpecError(`int(n) needs an integer 1 <= n <= 2^32, got ${n}`, 'n');
    // Reject the top partial block of 2^32 so every residue is equally likely.
    const limit = 0x100000000 - (0x100000000 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  fork(id: number | string): Rng {
    const word = typeof id === 'string' ? hashString(id) : id;
    if (!Number.isInteger(word) || word < 0 || word > 0xffffffff) throw new SpecError(`stream id must be a uint32 or a string, got ${id}`, 'streamId');
    return new Xoshiro128(this.seed, [...this.stream, word]);
  }

  split(): Rng {
    return new Xoshiro128(this.seed, [...this.stream, SPLIT_TAG, this.splits++]);
  }
}

/** One step of xoshiro128**: returns the output and advances `s` (four uint32 words) in place. */
export function xoshiro128StarStar(s: Uint32Array): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
