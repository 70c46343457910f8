import { SpecError } from '../../core/errors.ts';

/**
 * The small-cell threshold k: a count of 1 to k - 1 persons is never shown. Ten is the default,
 * a common minimum cell size for published counts of persons; a workspace may raise it or lower
 * it, never below three (k = 2 would hide only single persons, and a hidden pair of 1 and 1
 * summing to k would leave each one possible value).
 */
export const DEFAULT_MIN_CELL = 10;
export const LOWEST_MIN_CELL = 3;

/** k as given, or SpecError naming `field` (the workspace's key, `privacy_k`, by default). */
export function checkMinCell(k: unknown, field = 'privacy_k'): number {
  const n = typeof k === 'string' && k.trim() !== '' ? Number(k) : k;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < LOWEST_MIN_CELL || n > 1e9) {
    throw new SpecError(`must be a whole number of persons, at least ${LOWEST_MIN_CELL} (small-cell suppression), got ${JSON.stringify(k)}`, field);
  }
  return n;
}
