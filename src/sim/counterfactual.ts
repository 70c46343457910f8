import type { ChoiceModel } from './choice-model.ts';
import { activeLevers, eligible, valuesFor, type Lever } from './levers.ts';

/**
 * Aggregate counterfactual for one period: the expected destinations of each region's graduates
 * (sizes x choice probabilities), baseline against scenario, with retention and in / out / net
 * flows per region and per group, and the expected recipients and cost of the levers. Exact (no
 * sampling) and O(regions^2 x attributes): a province-level table takes well under a millisecond.
 */
export interface FlowSummary {
  /** Expected graduates of origin i living in j next, row-major regions x regions. */
  readonly flows: Float64Array;
  readonly graduates: Float64Array;
  readonly stayers: Float64Array;
  /** stayers / graduates (NaN where a region has no graduates). */
  readonly retention: Float64Array;
  readonly outflow: Float64Array;
  readonly inflow: Float64Array;
  /** inflow - outflow. */
  readonly net: Float64Array;
  /** Graduates living in the region: stayers + inflow. */
  readonly stock: Float64Array;
}

export interface GroupSummary {
  readonly name: string;
  /** Graduates of the group's regions who stay inside the group. */
  readonly retained: number;
  readonly graduates: number;
  readonly inflow: number;
  readonly outflow: number;
  readonly net: number;
}

export interface CounterfactualResult {
  readonly regions: readonly string[];
  readonly year: number;
  readonly baseline: FlowSummary;
  readonly scenario: FlowSummary;
  readonly groups: readonly { name: string; baseline: GroupSummary; scenario: GroupSummary }[];
  /** Graduates paid by each lever in the first year of their benefit, and its cost that year. */
  readonly levers: readonly { name: string; recipients: number; cost: number }[];
}

export interface CounterfactualOptions {
  /** The graduating year (selects the active levers). Default: the first lever's first year. */
  readonly year?: number;
  /** Named sets of regions (masks) to summarise as groups. */
  readonly groups?: Readonly<Record<string, Uint8Array>>;
}

export function expectedFlows(model: ChoiceModel, sizes: Float64Array, active: readonly Lever[]): FlowSummary {
  const r = model.regions.length;
  const flows = new Float64Array(r * r);
  const p = new Float64Array(r);
  const scratch: Record<string, Float64Array> = {};
  for (let i = 0; i < r; i++) {
    if (!(sizes[i] > 0)) continue;
    model.probabilities(i, valuesFor(model, active, i, scratch), p);
    for (let j = 0; j < r; j++) flows[i * r + j] = sizes[i] * p[j];
  }
  return summarise(flows, r);
}

function summarise(flows: Float64Array, r: number): FlowSummary {
  const graduates = new Float64Array(r);
  const stayers = new Float64Array(r);
  const outflow = new Float64Array(r);
  const inflow = new Float64Array(r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) {
    const f = flows[i * r + j];
    graduates[i] += f;
    if (i === j) stayers[i] += f;
    else {
      outflow[i] += f;
      inflow[j] += f;
    }
  }
  const net = inflow.map((v, i) => v - outflow[i]);
  const stock = stayers.map((v, i) => v + inflow[i]);
  const retention = stayers.map((v, i) => v / graduates[i]);
  return { flows, graduates, stayers, retention, outflow, inflow, net, stock };
}

function group(name: string, mask: Uint8Array, s: FlowSummary, r: number): GroupSummary {
  let retained = 0, graduates = 0, inflow = 0, outflow = 0;
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) {
    const f = s.flows[i * r + j];
    if (mask[i]) graduates += f;
    if (mask[i] && mask[j]) retained += f;
    else if (mask[i]) outflow += f;
    else if (mask[j]) inflow += f;
  }
  return { name, retained, graduates, inflow, outflow, net: inflow - outflow };
}

export function aggregateCounterfactual(model: ChoiceModel, sizes: Float64Array, levers: readonly Lever[], options: CounterfactualOptions = {}): CounterfactualResult {
  const r = model.regions.length;
  const year = options.year ?? (levers.length ? Math.min(...levers.map((l) => l.firstYear)) : 0);
  const active = activeLevers(levers, year);
  const baseline = expectedFlows(model, sizes, []);
  const scenario = active.length ? expectedFlows(model, sizes, active) : baseline;
  const groups = Object.entries(options.groups ?? {}).map(([name, mask]) => ({ name, baseline: group(name, mask, baseline, r), scenario: group(name, mask, scenario, r) }));
  const leverCosts = levers.map((l) => {
    let recipients = 0;
    if (active.includes(l)) {
      for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) if (eligible(l, i, j)) recipients += scenario.flows[i * r + j];
    }
    const cost = !active.includes(l) ? 0 : l.cost.rule === 'per-person-year' ? recipients * l.cost.amount : l.cost.amountPerYear;
    return { name: l.name, recipients, cost };
  });
  return { regions: model.regions, year, baseline, scenario, groups, levers: leverCosts };
}
