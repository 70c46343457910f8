import type { FlowTable } from '../core/flow-table.ts';
import { coded, withWarnings, type CodedMessage } from '../core/messages/index.ts';
import { byRegion, flowMargins } from './margins.ts';
import type { RegionRatios, RegionValues } from './types.ts';

/**
 * Retention (stay) rate of a cohort table, where row i holds everyone whose home or study region
 * is i and the diagonal F(i, i) those still there: stay_i = F(i, i) / (F(i, i) + O_i), with O_i
 * the out-flow to other regions. Null for a region with an empty cohort. A table without any
 * diagonal row cannot give retention (every rate would be 0): this is reported as a warning.
 */
export interface RetentionResult {
  byRegion: RegionRatios;
  stayers: RegionValues;
  cohort: RegionValues;
  /** Stayers over the whole cohort of all regions. */
  overall: number | null;
  warnings: string[];
  /** The warnings coded (core/messages), same order. */
  messages: { warnings: CodedMessage[] };
}

export function retentionRate(table: FlowTable): RetentionResult {
  const m = flowMargins(table);
  const rate: RegionRatios = {};
  const cohort = new Float64Array(m.regions.length);
  for (let i = 0; i < m.regions.length; i++) {
    cohort[i] = m.intra[i] + m.outflow[i];
    rate[m.regions[i]] = cohort[i] > 0 ? m.intra[i] / cohort[i] : null;
  }
  const total = m.intraTotal + m.interTotal;
  const warnings = m.intraRows === 0 ? [coded('measure.retention.noStayers', {})] : [];
  return {
    byRegion: rate,
    stayers: byRegion(m.regions, m.intra),
    cohort: byRegion(m.regions, cohort),
    overall: total > 0 ? m.intraTotal / total : null,
    ...withWarnings(warnings),
  };
}
