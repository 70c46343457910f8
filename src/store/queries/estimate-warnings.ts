import { coded, type CodedMessage } from '../../core/messages/index.ts';

/**
 * The coded warnings an estimate's import record keeps (imports.warnings, schema 7): a JSON list
 * of `{ code, params, message }`. NULL (an observed import, or an estimate stored before the
 * column existed) and text that is not such a list read as none.
 */
export function storedWarnings(text: string | null | undefined): CodedMessage[] {
  if (!text) return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter(isCodedMessage) : [];
  } catch {
    return [];
  }
}

const isCodedMessage = (m: unknown): m is CodedMessage => {
  const x = m as Partial<CodedMessage> | null;
  return typeof x?.code === 'string' && typeof x.message === 'string' && typeof x.params === 'object' && x.params !== null;
};

/**
 * One note per estimate that warned, for whatever is computed from its flows (a measure's
 * warnings, a gravity fit's notes): "the estimate these flows come from warned: …", each warning
 * rendered from its code in the reader's language (stocks.estimateWarned).
 */
export function estimateWarnedNotes(estimates: readonly (readonly CodedMessage[])[]): CodedMessage[] {
  return estimates.filter((w) => w.length > 0).map((w) => coded('stocks.estimateWarned', {
    warnings: w.map((m) => ({ code: m.code, params: m.params })),
    texts: w.map((m) => m.message),
  }));
}
