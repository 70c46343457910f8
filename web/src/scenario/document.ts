import { changeAtPayment } from '../../../src/sim/payment.ts';
import type { ScenarioDoc } from './api.ts';
import type { BaselineForm } from './baseline-form.ts';

/**
 * The scenario request the server computes (src/sim/scenario-schema.ts, src/app/scenario/input.ts):
 * a document and the payment a month as `amount`, which the server applies as it does for
 * `talentflow scenario run --amount` (src/sim/payment.ts: the first intervention's cost becomes
 * 12 x amount a year and its change scales in proportion), so the page, the CLI and the API give
 * one answer for one setting. On an example's model the document is the example with the
 * baseline choices applied, priced as the example prices it; on any other model, a document of
 * its own (payments from the year after the model's base period to cohorts graduating over five
 * years, a ten-year horizon) whose lever is the one the form chose, priced at REFERENCE_MONTHLY:
 * that amount a month added to a money term (12 x a month for a yearly amount) or as a share of
 * the form's base.
 */
export interface PaymentSettings {
  readonly targets: readonly string[];
  /** Per recipient and month, in the document's currency. */
  readonly monthly: number;
  readonly benefitYears: number;
  readonly eligibility: readonly string[];
}

export interface ScenarioRequest {
  readonly document: ScenarioDoc;
  /** Per recipient and month: the server scales the document's payment to it. */
  readonly amount: number;
}

/** The monthly payment an own document's lever is priced at (any amount above 0 would do: the server scales in proportion). */
const REFERENCE_MONTHLY = 1000;

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
export function scenarioRequest(example: ScenarioDoc | null, form: BaselineForm, s: PaymentSettings): ScenarioRequest {
  const doc = example ? { ...structuredClone(example), baseline: form.baseline(example.baseline) } : ownDocument(form);
  const iv = doc.interventions[0];
  const lever = form.lever();
  const shipped = example?.interventions[0];
  iv.targets = [...s.targets];
  const priced = shipped && shipped.term === lever?.term && shipped.cost?.rule === 'per-person-year' && (shipped.cost.amount ?? 0) > 0;
  if (!priced && lever) {
    const r = REFERENCE_MONTHLY;
    iv.term = lever.term;
    iv.change = lever.type === 'absolute' ? { type: 'absolute', value: lever.perMonth ? r : 12 * r } : { type: 'relative', value: r / lever.base };
    iv.cost = { ...(iv.cost ?? {}), rule: 'per-person-year', amount: 12 * r };
  }
  iv.benefitYears = s.benefitYears;
  iv.eligibility = [...s.eligibility];
  return { document: doc, amount: s.monthly };
}

/** The change of the document's term at `monthly` a month, as the server scales it (src/sim/payment.ts). */
export function changeAt(doc: ScenarioDoc, monthly: number): number {
  const iv = doc.interventions[0];
  return changeAtPayment(iv.change.value, iv.cost?.amount ?? 0, monthly);
}
