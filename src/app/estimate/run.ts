import { decayFromGravity, type DecaySpec, type GravityResult } from '../../models/index.ts';
import { estimateCensusFlows } from '../../store/estimate-census-flows.ts';
import { chooseFlowsFromStocksMethod, type FlowsFromStocksChoice } from '../../store/flows-from-stocks-method.ts';
import { estimateBirthplaceFlows } from '../../store/estimate-birthplace-flows.ts';
import { requireLevel } from '../../store/queries/known-values.ts';
import type { Workspace } from '../../store/workspace.ts';
import { loadModel } from '../../store/models.ts';
import { parseInput } from '../parse-input.ts';
import { BIRTHPLACE_FIELDS, RESIDUAL_FIELDS, flowsFromStocksInput, type FlowsFromStocksInput, type FlowsFromStocksOptions } from './input.ts';

/** Runs one workspace step; the server passes its lock so each step holds the one connection alone. */
type Step = <T>(f: () => Promise<T>) => Promise<T>;
const direct: Step = (f) => f();

/** How a front-end spells an input field in its messages (`stayerAssumption` is the CLI's --no-stayers). */
export type FieldSpelling = (field: string) => string;

/**
 * The estimate operation, step one (for `talentflow estimate flows-from-stocks` and `POST
 * /api/estimate/flows-from-stocks`): validates the input and chooses the estimator, refusing a
 * field the chosen one would not read. Apart from step two so the server answers at once,
 * before it starts the job.
 */
export async function chooseFlowsFromStocks(ws: Workspace, input: FlowsFromStocksInput, spell: FieldSpelling = (f) => f): Promise<{ options: FlowsFromStocksOptions; choice: FlowsFromStocksChoice }> {
  const options = parseInput(flowsFromStocksInput, input);
  const given = (fields: readonly (keyof FlowsFromStocksOptions)[]) => fields.filter((f) => options[f] !== undefined).map(spell);
  const choice = await chooseFlowsFromStocksMethod(ws, {
    method: options.method, from: options.from, to: options.to,
    given: { birthplace: given(BIRTHPLACE_FIELDS), censusResidual: given(RESIDUAL_FIELDS) },
  });
  return { options, choice };
}

/**
 * Step two: runs the chosen estimator and returns one envelope for both, naming the estimator
 * and why it was chosen, the period, what was stored, unit, definition and source. The flows are
 * estimated (kind), and naturalRange is the stated low/high range (birthplace) or null. `messages`
 * holds the warnings, assumptions, definition and source (and census-residual's method) coded.
 */
export async function runFlowsFromStocks(ws: Workspace, o: FlowsFromStocksOptions, choice: FlowsFromStocksChoice, step: Step = direct) {
  const about = { estimator: choice.method, estimatorChoice: choice.reason };
  if (choice.method === 'birthplace') {
    const b = await step(() => estimateBirthplaceFlows(ws, {
      from: o.from, to: o.to, natural: o.natural, stayerAssumption: o.stayerAssumption, prior: o.prior, tolerance: o.tolerance, store: o.save,
    }));
    return { ...about, ...b.result, period: b.period, stored: b.stored, unit: b.unit, definition: b.definition, source: b.source, naturalRange: b.naturalRange };
  }
  const c = await step(async () => {
    // A misspelt level is a user error listing the levels, never an empty table.
    const level = await requireLevel(ws, o.level ?? 'city');
    const decay: DecaySpec | undefined = o.decay
      ? { ...o.decay, source: 'given with the request (decay)' }
      : o.decayFrom ? decayFromGravity((await loadModel<GravityResult>(ws, o.decayFrom)).result) : undefined;
    return estimateCensusFlows(ws, { from: o.from, to: o.to, level, within: o.within, naturalRate: o.naturalRate, grossRate: o.grossRate, decay, store: o.save });
  });
  return {
    ...about, ...c.result, period: c.period, stored: c.stored, skipped: c.skipped, kind: 'estimated' as const, unit: c.unit, definition: c.definition, source: c.source, naturalRange: c.naturalRange,
    messages: { ...c.result.messages, ...c.messages },
  };
}

export type FlowsFromStocksResult = Awaited<ReturnType<typeof runFlowsFromStocks>>;
