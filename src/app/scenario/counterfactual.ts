import type { CodedMessage } from '../../core/messages/index.ts';
import { activeLevers, aggregateCounterfactual } from '../../sim/index.ts';
import { withAmountNote } from './document.ts';
import type { PreparedScenario } from '../../store/scenarios.ts';

/**
 * Expected flows of each graduating cohort of the horizon, baseline against scenario (sizes
 * grown by the baseline's growth rate): retained in the outcome regions, their net flow, and
 * what the levers pay that cohort over its benefit years. Exact; no returns, no draws. Used by
 * the dashboard's slider (POST /api/scenarios/counterfactual).
 */
export function counterfactualByYear(p: PreparedScenario) {
  const doc = p.document;
  const growth = doc.baseline.growth;
  const years = [];
  let gained = 0;
  let spent = 0;
  // Expected flows are linear in the cohort sizes, so each distinct set of active levers is
  // computed once at base sizes and scaled by the growth factor (10 cohorts: usually 2 passes).
  const byActive = new Map<string, ReturnType<typeof aggregateCounterfactual>>();
  for (let t = 0; t < doc.horizon.years; t++) {
    const year = doc.horizon.startYear + t;
    const key = activeLevers(p.levers, year).map((l) => l.name).join('\u0000');
    let cf = byActive.get(key);
    if (!cf) byActive.set(key, (cf = aggregateCounterfactual(p.choice, p.sizes, p.levers, { year, groups: { outcome: p.outcome } })));
    const f = (1 + growth) ** t;
    const g = cf.groups[0];
    const cost = cf.levers.reduce((s, l, k) => s + (p.levers[k].cost.rule === 'per-person-year' ? l.cost * f * p.levers[k].benefitYears : l.cost), 0);
    const recipients = f * cf.levers.reduce((s, l) => s + l.recipients, 0);
    const delta = f * (g.scenario.retained - g.baseline.retained);
    gained += delta;
    spent += cost;
    years.push({
      year, graduates: f * g.baseline.graduates,
      retainedBaseline: f * g.baseline.retained, retainedScenario: f * g.scenario.retained, retainedDelta: delta,
      retentionBaseline: g.baseline.retained / g.baseline.graduates, retentionScenario: g.scenario.retained / g.scenario.graduates,
      netBaseline: f * g.baseline.net, netScenario: f * g.scenario.net, recipients, cost,
    });
  }
  return { years, summary: { retainedDelta: gained, totalCost: spent, costPerRetained: gained > 0 ? spent / gained : null } };
}

/** The counterfactual's answer: what was computed, from which model and baseline, with the notes and the SYNTHETIC flag. */
export function counterfactualAnswer(p: PreparedScenario, amountMessage: CodedMessage | null) {
  return {
    scenario: p.document.name, model: p.model, regions: p.outcome.reduce((s, v) => s + v, 0),
    ...withAmountNote(p.notes, p.messages, amountMessage), synthetic: p.synthetic, basis: p.basis,
    ...counterfactualByYear(p),
  };
}
