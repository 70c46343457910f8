import type { CodedMessage } from '../../../src/core/messages/index.ts';
import { lang, t } from '../i18n/index.ts';
import { fieldTexts } from '../i18n/server-text.ts';
import { h } from '../ui/dom.ts';

/**
 * The notes of a scenario computation (what its baseline was taken from, what the small-cell
 * rule changed, that records are synthetic) under the results, in the page's language: the
 * server sends each with its code (src/core/messages), English where it has none.
 */
export interface WithNotes {
  notes: string[];
  messages?: { notes?: CodedMessage[] };
}

/**
 * The answer without the note of the amount the page sent, when that note came without a code
 * and the others with theirs: the server puts it first (src/app/scenario/counterfactual.ts), in
 * English only, and a list one longer than its codes would be shown all in English. The page says
 * the payment and how it enters the model itself, in its own language (slider, printed summary).
 */
function pageNotes(answer: WithNotes): WithNotes {
  const coded = answer.messages?.notes;
  return coded && answer.notes.length === coded.length + 1 ? { ...answer, notes: answer.notes.slice(1) } : answer;
}

export function scenarioNotes(full: WithNotes): HTMLElement | '' {
  const answer = pageNotes(full);
  const notes = fieldTexts(answer, 'notes');
  if (!notes.length) return '';
  const codes = answer.messages?.notes?.length === answer.notes.length ? answer.messages.notes.map((m) => m.code) : [];
  return h('div', { class: 'scenario-notes', 'data-notes': String(notes.length) },
    h('h3', {}, t('scenario.notes')),
    h('ul', {}, ...notes.map((n, i) => h('li', { class: 'note', 'data-note-code': codes[i] ?? '' }, n))));
}

/** The notes as one line, for the definition an export carries. */
export function notesLine(answer: WithNotes): string {
  return fieldTexts(pageNotes(answer), 'notes').join(lang() === 'zh' ? '；' : '; ');
}
