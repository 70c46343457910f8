import { SpecError } from '../core/errors.ts';
import { coded, type CodedMessage } from '../core/messages/index.ts';
import type { ScenarioDocument } from './scenario-schema.ts';

/**
 * A scenario document with another monthly payment: what the dashboard's slider and
 * `talentflow scenario run --amount` do. The example documents price their payment twice, as a
 * cost per recipient and year and as a change of the model's income term (examples/*.json say
 * how: e.g. 1,000 yuan a month = +15.6% of GDP per head, 1,000 / 6,400 yuan); a new amount
 * scales both in proportion, so the term's change per yuan stays what the document assumed.
 * Only the first intervention is changed (the one the examples have).
 */
export interface PaymentChange {
  readonly document: ScenarioDocument;
  /** What changed, in words, for the run's notes. */
  readonly note: string;
  /** The same, coded, for a front-end to say in its language. */
  readonly message: CodedMessage;
}

/**
 * The change of an intervention's term at `monthly` a month, for a change of `change` priced at
 * `yearlyCost` a recipient and year: scaled in proportion (the change per yuan stays the
 * document's). Without a price (0 or less) the change is the document's as it stands. The
 * dashboard's summary says the change the server will apply with this one function.
 */
export function changeAtPayment(change: number, yearlyCost: number, monthly: number): number {
  const before = yearlyCost / 12;
  return before > 0 ? (change * monthly) / before : change;
}

export function setMonthlyPayment(doc: ScenarioDocument, monthly: number): PaymentChange {
  if (!(Number.isFinite(monthly) && monthly >= 0)) throw new SpecError(`the monthly amount must be a number >= 0, got ${monthly}`, 'amount');
  const iv = doc.interventions[0];
  if (!iv) throw new SpecError(`scenario "${doc.name}" has no intervention whose payment could be set`, 'interventions');
  if (iv.cost.rule !== 'per-person-year' || !(iv.cost.amount > 0)) {
    throw new SpecError(`scenario "${doc.name}": --amount needs a first intervention paid per person and year with an amount above 0 (its cost is ${JSON.stringify(iv.cost)})`, 'interventions[0].cost');
  }
  const before = iv.cost.amount / 12;
  const change = { ...iv.change, value: changeAtPayment(iv.change.value, iv.cost.amount, monthly) };
  const message = coded('scenario.payment.set', {
    monthly, currency: iv.cost.currency ?? null, before, changeType: iv.change.type, term: iv.term, from: iv.change.value, to: +change.value.toPrecision(6),
  });
  return {
    document: { ...doc, interventions: [{ ...iv, change, cost: { ...iv.cost, amount: monthly * 12 } }, ...doc.interventions.slice(1)] },
    note: message.message,
    message,
  };
}
