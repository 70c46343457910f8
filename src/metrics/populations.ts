import { InputError } from '../core/errors.ts';
import type { Populations } from './types.ts';

/**
 * Checks populations aligned with `regions`. A missing or non-positive population is not an
 * error (a region may lack a census figure) but cannot give a rate: the caller gets its index
 * and a warning naming the region, and reports null for it.
 */
export function checkPopulations(regions: readonly string[], populations: Populations): { usable: Uint8Array; warnings: string[] } {
  if (populations.length !== regions.length) {
    throw new InputError(`populations have ${populations.length} entries for ${regions.length} regions (they must be aligned with table.regions)`, { column: 'population' });
  }
  const usable = new Uint8Array(regions.length);
  const bad: string[] = [];
  for (let i = 0; i < regions.length; i++) {
    const p = populations[i];
    if (Number.isFinite(p) && p > 0) usable[i] = 1;
    else bad.push(`${regions[i]} (${p})`);
  }
  const warnings = bad.length ? [`no usable population (missing, zero or negative) for ${bad.length} region(s), their rates are null: ${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ', ...' : ''}`] : [];
  return { usable, warnings };
}
