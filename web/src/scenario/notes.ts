import type { CodedMessage } from '../../../src/core/messages/index.ts';
import { lang, t } from '../i18n/index.ts';
import { fieldTexts } from '../i18n/server-text.ts';
import { h } from '../ui/dom.ts';
import { termText } from './format.ts';

/**
 * The notes of a scenario computation (what its baseline was taken from, what the small-cell
 * rule changed, that records are synthetic) under the results, in the page's language: the
 * server sends each with its code (src/core/messages), English where it has none.
 */
export interface WithNotes {
  notes: string[];
  messages?: { notes?: CodedMessage[] };
}

/** The notes with model terms named as a reader names them (termText), not by their ids. */
function readable(answer: WithNotes): WithNotes {
  const coded = answer.messages?.notes;
  if (!coded) return answer;
  return { ...answer, messages: { ...answer.messages, notes: coded.map((m) => (m.code === 'scenario.payment.set' && typeof m.params?.term === 'string' ? { ...m, params: { ...m.params, term: termText(m.params.term) } } : m)) } };
}

export function scenarioNotes(answer: WithNotes): HTMLElement | '' {
  const notes = fieldTexts(readable(answer), 'notes');
  if (!notes.length) return '';
  const codes = answer.messages?.notes?.length === answer.notes.length ? answer.messages.notes.map((m) => m.code) : [];
  return h('div', { class: 'scenario-notes', 'data-notes': String(notes.length) },
    h('h3', {}, t('scenario.notes')),
    h('ul', {}, ...notes.map((n, i) => h('li', { class: 'note', 'data-note-code': codes[i] ?? '' }, n))));
}

/** The notes as one line, for the definition an export carries. */
export function notesLine(answer: WithNotes): string {
  return fieldTexts(readable(answer), 'notes').join(lang() === 'zh' ? '；' : '; ');
}
