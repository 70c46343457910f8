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
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import type { Row } from './types.ts';

/**
 * One flow measure over a FlowTable, as rows keyed by region code: a thin mapping of the
 * src/metrics functions to the envelope of `talentflow measures`. The numbers are the library's,
 * unchanged.
 */
export interface FlowMeasure {
  rows: Row[];
  /** How the rows were computed (core/messages measure.method), before the caller says whether the flows are estimated. */
  method: MethodParams;
  system?: Record<string, unknown>;
  /** Coded (core/messages); the caller writes their English. */
  warnings: CodedMessage[];
}

/** The parameters of a flow measure's method (measure.method), but for `estimated`. */
export interface MethodParams { measure: string; years: number; per: number; k: number }

/** A flow measure's method coded, " (estimated flows)" after it where any flow row is an estimate. */
export const methodMessage = (m: MethodParams, estimated: boolean): CodedMessage => coded('measure.method', { ...m, estimated });

const fromValues = (values: Record<string, number | null>, field: string): Row[] => Object.entries(values).map(([code, v]) => ({ code, [field]: v }));

export function flowMeasure(measure: string, table: FlowTable, populations: Float64Array, years: number, options: { top?: number; k?: number }): FlowMeasure {
  const k = options.k ?? 5;
  const method = (per = 1000, y = years): MethodParams => ({ measure, years: y, per, k });
  switch (measure) {
    case 'summary': {
      const s = regionSummary(table, populations, { years });
      return { rows: s.rows.map((r) => ({ ...r })), method: method(), warnings: s.messages.warnings };
    }
    case 'in':
      return { rows: fromValues(inflow(table), 'inflow'), method: method(), warnings: [] };
    case 'out':
      return { rows: fromValues(outflow(table), 'outflow'), method: method(), warnings: [] };
    case 'net':
      return { rows: fromValues(netFlow(table), 'net'), method: method(), warnings: [] };
    case 'gross':
      return { rows: fromValues(grossFlow(table), 'gross'), method: method(), warnings: [] };
    case 'efficiency': {
      const e = migrationEfficiency(table);
      return { rows: fromValues(e.byRegion, 'efficiency'), method: method(), system: { efficiency: e.system }, warnings: [] };
    }
    case 'rates': {
      const r = crudeRates(table, populations, { years });
      const rows = Object.keys(r.inRate).map((code, i) => ({ code, population: Number.isFinite(populations[i]) ? populations[i] : null, inRate: r.inRate[code], outRate: r.outRate[code], netRate: r.netRate[code] }));
      return { rows, method: method(r.per, r.years), warnings: r.messages.warnings };
    }
    case 'retention': {
      const r = retentionRate(table);
      const rows = Object.keys(r.byRegion).map((code) => ({ code, stayers: r.stayers[code], cohort: r.cohort[code], retention: r.byRegion[code] }));
      return { rows, method: method(), system: { overall: r.overall }, warnings: r.messages.warnings };
    }
    case 'corridors': {
      const c = topCorridors(table, { n: options.top ?? 10 });
      return { rows: c.corridors.map((x) => ({ code: `${x.origin}>${x.destination}`, ...x })), method: method(), system: { total: c.total }, warnings: [] };
    }
    case 'concentration': {
      const c = destinationConcentration(table, { k });
      return { rows: Object.entries(c).map(([code, x]) => ({ code, ...x })), method: method(), warnings: [] };
    }
    case 'intensity': {
      const usable = Array.from(populations).every((p) => Number.isFinite(p) && p > 0);
      if (!usable) throw new SpecError(coded('measure.intensity.needsPopulation', {}), 'population');
      const m = migrationIndices(table, populations);
      return { rows: [], method: method(), system: { ...m }, warnings: [] };
    }
    default:
      throw new SpecError(coded('measure.unknown', { measure, measures: [] }), 'measure');
  }
}
