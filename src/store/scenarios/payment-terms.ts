import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { carriesPayment, incomePer } from '../../core/payment-term.ts';
import type { GravityResult } from '../../models/index.ts';
import type { ScenarioDocument } from '../../sim/index.ts';
import type { ChoiceModelResult } from '../choice/fit-choice.ts';
import type { SavedModel } from '../models.ts';
import type { Workspace } from '../workspace.ts';
import { modelTerms, type ModelTerm } from './model-terms.ts';

/**
 * Notes on interventions that pay (a cost above 0) through a term of the model that is neither
 * money nor an income (core/payment-term.ts): the model's answer is then what it makes of a
 * change of that attribute (more population, say), and the cost per retained graduate divides
 * the payment by it, so the note says why, and which of the model's terms a payment could act
 * through, or that it has none and a model with a wage or income term is needed. A borrowed
 * term is left alone: its coefficient is the document author's, per unit of their payment. A
 * payment priced as a share of an income without a unit gets a note that its values were taken
 * as amounts a year.
 */
export async function paymentTermNotes(ws: Workspace, doc: ScenarioDocument, saved: SavedModel<GravityResult | ChoiceModelResult>): Promise<CodedMessage[]> {
  const paying = doc.interventions.filter((iv) => (iv.cost.rule === 'per-person-year' ? iv.cost.amount : iv.cost.amountPerYear) > 0);
  if (!paying.length) return [];
  // Every stored indicator with its unit (DuckDB's any_value skips NULLs): the units of the
  // model's terms and the indicators a refit could use instead, from one query.
  const stored = await ws.db.all<{ name: string; unit: string | null }>('SELECT name, any_value(unit) AS unit FROM indicators GROUP BY name ORDER BY name');
  const unitOf = new Map(stored.map((x) => [x.name, x.unit]));
  const terms: (ModelTerm & { unit: string | null; pays: boolean })[] = modelTerms(saved).map((t) => {
    const unit = unitOf.get(t.indicator) ?? null;
    return { ...t, unit, pays: carriesPayment(t.indicator, unit) };
  });
  const borrowed = new Set(doc.baseline.borrowedTerms.map((b) => b.term));
  // Indicators of the workspace a refit could use instead (not those the model already reads).
  const available = stored.filter((x) => carriesPayment(x.name, x.unit) && !terms.some((t) => t.indicator === x.name)).map((x) => x.name);
  const notes: CodedMessage[] = [];
  // A share of an income without a unit: its values are taken as a year's (core/payment-term.ts incomePer).
  for (const term of new Set(paying.filter((iv) => iv.change.type === 'relative').map((iv) => iv.term))) {
    const t = terms.find((x) => x.term === term);
    if (t?.pays && !borrowed.has(term) && incomePer(t.unit).assumed) notes.push(coded('scenario.lever.unitAssumedYearly', { term, indicator: t.indicator }));
  }
  for (const term of new Set(paying.map((iv) => iv.term))) {
    const t = terms.find((x) => x.term === term);
    if (!t || t.pays || borrowed.has(term)) continue;
    notes.push(coded('scenario.lever.notMoney', {
      model: saved.name, kind: saved.kind, term, indicator: t.indicator, unit: t.unit,
      money: terms.filter((x) => x.pays).map((x) => x.term), has: terms.map((x) => x.term), available,
    }));
  }
  return notes;
}
