import { SpecError } from '../core/errors.ts';
import type { FlowTable } from '../core/flow-table.ts';
import type { CodedMessage } from '../core/messages/index.ts';
import { flowMargins } from './margins.ts';
import { checkPopulations } from './populations.ts';
import type { Populations, RegionRatios } from './types.ts';

/**
 * Crude in-, out- and net migration rates: per * flow_i / (P_i * years), e.g. arrivals per 1,000
 * residents per year. P_i is the population at risk the caller chooses (mid-period is the
 * demographic convention; Rowland, "Demographic Methods and Concepts", 2003, ch. 13). Regions
 * without a usable population get null and a warning.
 */
export interface RateOptions {
  /** Rate base: per this many residents. Default 1000 (crude rates per 1,000). */
  per?: number;
  /** Length of the flow period in years; rates are divided by it to annualise. Default 1. */
  years?: number;
}

export interface RatesResult {
  per: number;
  years: number;
  inRate: RegionRatios;
  outRate: RegionRatios;
  netRate: RegionRatios;
  warnings: string[];
  /** The warnings coded (core/messages), same order. */
  messages: { warnings: CodedMessage[] };
}

export function crudeRates(table: FlowTable, populations: Populations, options: RateOptions = {}): RatesResult {
  const per = options.per ?? 1000;
  const years = options.years ?? 1;
  if (!(per > 0) || !Number.isFinite(per)) throw new SpecError(`must be a positive number, got ${per}`, 'per');
  if (!(years > 0) || !Number.isFinite(years)) throw new SpecError(`must be a positive number of years, got ${years}`, 'years');
  const m = flowMargins(table);
  const { usable, warnings, messages } = checkPopulations(m.regions, populations);
  const inRate: RegionRatios = {};
  const outRate: RegionRatios = {};
  const netRate: RegionRatios = {};
  for (let i = 0; i < m.regions.length; i++) {
    const code = m.regions[i];
    const scale = usable[i] ? per / (populations[i] * years) : null;
    inRate[code] = scale === null ? null : m.inflow[i] * scale;
    outRate[code] = scale === null ? null : m.outflow[i] * scale;
    netRate[code] = scale === null ? null : (m.inflow[i] - m.outflow[i]) * scale;
  }
  return { per, years, inRate, outRate, netRate, warnings, messages };
}
