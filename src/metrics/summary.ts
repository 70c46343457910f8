import type { FlowTable } from '../core/flow-table.ts';
import type { CodedMessage } from '../core/messages/index.ts';
import { flowMargins } from './margins.ts';
import { checkPopulations } from './populations.ts';
import type { Populations } from './types.ts';

/**
 * Every per-region flow measure in one pass, one row per region in table order: what a table
 * view or `talentflow measures` prints. Same definitions as inflow, outflow, netFlow, grossFlow,
 * migrationEfficiency, retentionRate and crudeRates (rates per 1,000 over `years`).
 */
export interface RegionSummaryRow {
  code: string;
  inflow: number;
  outflow: number;
  net: number;
  gross: number;
  efficiency: number | null;
  intra: number;
  population: number | null;
  inRate: number | null;
  outRate: number | null;
  netRate: number | null;
}

export interface SummaryResult {
  rows: RegionSummaryRow[];
  years: number;
  warnings: string[];
  /** The warnings coded (core/messages), same order. */
  messages: { warnings: CodedMessage[] };
}

export function regionSummary(table: FlowTable, populations?: Populations, options: { years?: number } = {}): SummaryResult {
  const years = options.years ?? 1;
  const m = flowMargins(table);
  const check = populations ? checkPopulations(m.regions, populations) : null;
  const rows = m.regions.map((code, i) => {
    const net = m.inflow[i] - m.outflow[i];
    const gross = m.inflow[i] + m.outflow[i];
    const pop = populations && check?.usable[i] ? populations[i] : null;
    const scale = pop === null ? null : 1000 / (pop * years);
    return {
      code,
      inflow: m.inflow[i],
      outflow: m.outflow[i],
      net,
      gross,
      efficiency: gross > 0 ? net / gross : null,
      intra: m.intra[i],
      population: pop,
      inRate: scale === null ? null : m.inflow[i] * scale,
      outRate: scale === null ? null : m.outflow[i] * scale,
      netRate: scale === null ? null : net * scale,
    };
  });
  return { rows, years, warnings: check?.warnings ?? [], messages: check?.messages ?? { warnings: [] } };
}
