import { parseScenario, setMonthlyPayment, type ScenarioDocument } from '../../sim/index.ts';

/**
 * A request's scenario document with its amount applied: the document validated (a SpecError
 * naming the bad field) and, when an amount is given, the first intervention's payment set to
 * it (setMonthlyPayment), with the sentence that says what changed.
 */
export function requestedDocument(document: unknown, amount: number | undefined): { document: ScenarioDocument; amountNote: string | null } {
  const doc = parseScenario(document);
  if (amount === undefined) return { document: doc, amountNote: null };
  const changed = setMonthlyPayment(doc, amount);
  return { document: changed.document, amountNote: changed.note };
}
