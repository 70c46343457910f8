import type { CodedMessage } from '../../core/messages/index.ts';
import { parseScenario, setMonthlyPayment, type ScenarioDocument } from '../../sim/index.ts';

/** A request's document with its amount applied, and what the amount changed (coded; its English is `.message`), or null. */
export interface RequestedDocument {
  readonly document: ScenarioDocument;
  readonly amountMessage: CodedMessage | null;
}

/**
 * A request's scenario document with its amount applied: the document validated (a SpecError
 * naming the bad field) and, when an amount is given, the first intervention's payment set to
 * it (setMonthlyPayment), with the sentence that says what changed.
 */
export function requestedDocument(document: unknown, amount: number | undefined): RequestedDocument {
  const doc = parseScenario(document);
  if (amount === undefined) return { document: doc, amountMessage: null };
  const changed = setMonthlyPayment(doc, amount);
  return { document: changed.document, amountMessage: changed.message };
}

/** Notes with the amount's note first, English and coded in the same order. */
export function withAmountNote(
  notes: readonly string[], messages: { readonly notes: readonly CodedMessage[] }, amount: CodedMessage | null,
): { notes: readonly string[]; messages: { readonly notes: readonly CodedMessage[] } } {
  if (!amount) return { notes, messages };
  return { notes: [amount.message, ...notes], messages: { ...messages, notes: [amount, ...messages.notes] } };
}
