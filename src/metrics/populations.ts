import { InputError } from '../core/errors.ts';
import { coded, withWarnings, type CodedMessage } from '../core/messages/index.ts';
import type { Populations } from './types.ts';

/**
 * Checks populations aligned with `regions`. A missing or non-positive population is not an
 * error (a region may lack a census figure) but cannot give a rate: the caller gets its index
 * and a warning naming the region, and reports null for it. The warning comes in English and
 * coded (`messages.warnings`, core/messages) for a front-end's language.
 */
export function checkPopulations(regions: readonly string[], populations: Populations): { usable: Uint8Array; warnings: string[]; messages: { warnings: CodedMessage[] } } {
  if (populations.length !== regions.length) {
    throw new InputError(`populations have ${populations.length} entries for ${regions.length} regions (they must be aligned with table.regions)`, { column: 'population' });
  }
  const usable = new Uint8Array(regions.length);
  const bad: number[] = [];
  for (let i = 0; i < regions.length; i++) {
    const p = populations[i];
    if (Number.isFinite(p) && p > 0) usable[i] = 1;
    else bad.push(i);
  }
  const shown = bad.slice(0, 10);
  const warnings = bad.length ? [coded('measure.noPopulation', { count: bad.length, regions: shown.map((i) => ({ code: regions[i] })), populations: shown.map((i) => String(populations[i])) })] : [];
  return { usable, ...withWarnings(warnings) };
}
