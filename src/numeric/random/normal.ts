import type { Rng } from './rng.ts';

/**
 * Normal deviate by the Box-Muller transform (Box & Muller, "A note on the generation of random
 * normal deviates", Ann. Math. Stat. 29, 1958): sqrt(-2 ln U1) cos(2 pi U2). The sine partner is
 * discarded so that each call consumes exactly four 32-bit words, keeping streams easy to reason
 * about; speed is not the point here.
 */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u1 = 1 - rng.uniform(); // (0, 1]: log never sees 0
  const u2 = rng.uniform();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
