import type { ScenarioDoc } from './api.ts';
import type { BaselineForm } from './baseline-form.ts';

/**
 * The scenario document the server computes (src/sim/scenario-schema.ts), from the editor's
 * settings: on an example's model, the example with the baseline choices applied and its lever
 * scaled to the amount (as `scenario run --amount`); on any other model, a document of its own
 * (payments from the year after the model's base period to cohorts graduating over five years,
 * a ten-year horizon) whose lever is the one the form chose: the monthly amount added to a money
 * term (12 x a month for a yearly amount) or as a share of the form's base.
 */
export interface PaymentSettings {
  readonly targets: readonly string[];
  /** Per recipient and month, in the document's currency. */
  readonly monthly: number;
  readonly benefitYears: number;
  readonly eligibility: readonly string[];
}

function ownDocument(form: BaselineForm): ScenarioDoc {
  const o = form.options()!;
  const start = Number(/(\d{4})\D*$/.exec(o.model.basePeriod)?.[1] ?? new Date().getFullYear()) + 1;
  return {
    name: `${o.model.name.slice(0, 56)}-payment`, assumptions: [], baseline: form.baseline(null),
    interventions: [{ name: 'payment', targets: [], term: '', change: { type: 'absolute', value: 0 }, startYear: start, duration: 5, eligibility: [], benefitYears: 3, cost: { rule: 'per-person-year', amount: 0, currency: form.currency() } }],
    horizon: { startYear: start, years: 10 },
  };
}

/** `example`: the example whose model the form has chosen, or null. */
export function scenarioDocument(example: ScenarioDoc | null, form: BaselineForm, s: PaymentSettings): ScenarioDoc {
  const doc = example ? { ...structuredClone(example), baseline: form.baseline(example.baseline) } : ownDocument(form);
  const iv = doc.interventions[0];
  const lever = form.lever();
  const shipped = example?.interventions[0];
  iv.targets = [...s.targets];
  if (shipped && shipped.term === lever?.term && shipped.cost?.amount) {
    iv.change = { ...shipped.change, value: (shipped.change.value * s.monthly * 12) / shipped.cost.amount };
  } else if (lever) {
    iv.term = lever.term;
    iv.change = lever.type === 'absolute' ? { type: 'absolute', value: lever.perMonth ? s.monthly : 12 * s.monthly } : { type: 'relative', value: s.monthly / lever.base };
  }
  iv.benefitYears = s.benefitYears;
  iv.eligibility = [...s.eligibility];
  iv.cost = { ...(iv.cost ?? { rule: 'per-person-year' }), rule: 'per-person-year', amount: s.monthly * 12 };
  return doc;
}
