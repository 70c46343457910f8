import { InputError } from '../core/errors.ts';
import type { FlowTable } from '../core/flow-table.ts';
import { flowMargins } from './margins.ts';
import type { Populations } from './types.ts';

/**
 * System-wide indices of Bell et al. (2002), "Cross-national comparison of internal migration:
 * issues and measures", Population, Space and Place 8, 435-464:
 *   CMI  crude migration intensity     = 100 * M / P
 *   MEI  migration effectiveness index = 100 * sum_i |D_i - O_i| / sum_i (D_i + O_i)
 *   ANMR aggregate net migration rate  = 100 * 0.5 * sum_i |D_i - O_i| / P
 * with M the moves between the table's regions (diagonal excluded) and P the total population.
 * ANMR = CMI * MEI / 100 holds exactly. All depend on the zone system (Bell et al. section 4):
 * compare them only across tables of comparable regions and interval length.
 */
export interface MigrationIndices {
  moves: number;
  population: number;
  cmi: number;
  mei: number | null;
  anmr: number;
}

/** `population`: the total, or per-region populations aligned with table.regions (summed). */
export function migrationIndices(table: FlowTable, population: number | Populations): MigrationIndices {
  const m = flowMargins(table);
  let p = 0;
  if (typeof population === 'number') p = population;
  else {
    if (population.length !== m.regions.length) throw new InputError(`populations have ${population.length} entries for ${m.regions.length} regions`, { column: 'population' });
    for (let i = 0; i < population.length; i++) p += population[i];
  }
  if (!(p > 0) || !Number.isFinite(p)) throw new InputError(`total population must be a positive number, got ${p}`, { column: 'population' });
  let absNet = 0;
  for (let i = 0; i < m.regions.length; i++) absNet += Math.abs(m.inflow[i] - m.outflow[i]);
  const gross = 2 * m.interTotal;
  return {
    moves: m.interTotal,
    population: p,
    cmi: (100 * m.interTotal) / p,
    mei: gross > 0 ? (100 * absNet) / gross : null,
    anmr: (100 * 0.5 * absNet) / p,
  };
}
