import { SpecError } from '../../core/errors.ts';
import type { FlowTable } from '../../core/flow-table.ts';
import {
  crudeRates,
  destinationConcentration,
  grossFlow,
  inflow,
  migrationEfficiency,
  migrationIndices,
  netFlow,
  outflow,
  regionSummary,
  retentionRate,
  topCorridors,
} from '../../metrics/index.ts';
import type { CodedMessage } from '../../core/messages/index.ts';
import type { Row } from './types.ts';

/**
 * One flow measure over a FlowTable, as rows keyed by region code: a thin mapping of the
 * src/metrics functions to the envelope of `talentflow measures`. The numbers are the library's,
 * unchanged.
 */
export interface FlowMeasure {
  rows: Row[];
  method: string;
  system?: Record<string, unknown>;
  /** Coded (core/messages); the caller writes their English. */
  warnings: CodedMessage[];
}

const fromValues = (values: Record<string, number | null>, field: string): Row[] => Object.entries(values).map(([code, v]) => ({ code, [field]: v }));

export function flowMeasure(measure: string, table: FlowTable, populations: Float64Array, years: number, options: { top?: number; k?: number }): FlowMeasure {
  switch (measure) {
    case 'summary': {
      const s = regionSummary(table, populations, { years });
      return { rows: s.rows.map((r) => ({ ...r })), method: `in-flow, out-flow, net = in - out, gross = in + out, efficiency = net / gross; rates per 1,000 residents per year over ${years} year(s)`, warnings: s.messages.warnings };
    }
    case 'in':
      return { rows: fromValues(inflow(table), 'inflow'), method: 'in-flow: arrivals from the other regions of the table', warnings: [] };
    case 'out':
      return { rows: fromValues(outflow(table), 'outflow'), method: 'out-flow: departures to the other regions of the table', warnings: [] };
    case 'net':
      return { rows: fromValues(netFlow(table), 'net'), method: 'net migration = in-flow - out-flow from stored flows', warnings: [] };
    case 'gross':
      return { rows: fromValues(grossFlow(table), 'gross'), method: 'gross migration (turnover) = in-flow + out-flow', warnings: [] };
    case 'efficiency': {
      const e = migrationEfficiency(table);
      return { rows: fromValues(e.byRegion, 'efficiency'), method: 'migration efficiency = net / gross, in [-1, 1]', system: { efficiency: e.system }, warnings: [] };
    }
    case 'rates': {
      const r = crudeRates(table, populations, { years });
      const rows = Object.keys(r.inRate).map((code, i) => ({ code, population: Number.isFinite(populations[i]) ? populations[i] : null, inRate: r.inRate[code], outRate: r.outRate[code], netRate: r.netRate[code] }));
      return { rows, method: `crude rates per ${r.per} residents per year over ${r.years} year(s)`, warnings: r.messages.warnings };
    }
    case 'retention': {
      const r = retentionRate(table);
      const rows = Object.keys(r.byRegion).map((code) => ({ code, stayers: r.stayers[code], cohort: r.cohort[code], retention: r.byRegion[code] }));
      return { rows, method: 'retention = stayers (origin = destination) / cohort (stayers + out-flow)', system: { overall: r.overall }, warnings: r.messages.warnings };
    }
    case 'corridors': {
      const c = topCorridors(table, { n: options.top ?? 10 });
      return { rows: c.corridors.map((x) => ({ code: `${x.origin}>${x.destination}`, ...x })), method: 'largest origin-destination flows with their share of all flows between different regions', system: { total: c.total }, warnings: [] };
    }
    case 'concentration': {
      const c = destinationConcentration(table, { k: options.k ?? 5 });
      return { rows: Object.entries(c).map(([code, x]) => ({ code, ...x })), method: `concentration of each origin's out-flows over the other regions: top-${options.k ?? 5} share, Gini, normalised entropy`, warnings: [] };
    }
    case 'intensity': {
      const usable = Array.from(populations).every((p) => Number.isFinite(p) && p > 0);
      if (!usable) throw new SpecError('intensity needs the population of every region of the table (indicator "population" in the period\'s first year, or --population-year)', 'population');
      const m = migrationIndices(table, populations);
      return { rows: [], method: 'Bell et al. (2002): CMI = 100 M / P, MEI = 100 sum|net| / sum gross, ANMR = 50 sum|net| / P', system: { ...m }, warnings: [] };
    }
    default:
      throw new SpecError(`unknown measure "${measure}"`, 'measure');
  }
}
