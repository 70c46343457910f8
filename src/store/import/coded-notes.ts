import { english, type CodedMessage } from '../../core/messages/index.ts';

/** An import's notes as its summary carries them: the English list and, in the same order, the coded one (core/messages/import.ts). */
export function codedNotes(list: CodedMessage[]): { notes: string[]; messages: { notes: CodedMessage[] } } {
  return { notes: english(list), messages: { notes: list } };
}
