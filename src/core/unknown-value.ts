import { distance } from 'fastest-levenshtein';
import { InputError } from './errors.ts';
import { coded } from './messages/index.ts';

/**
 * The closest valid values to a misspelt one: case-insensitive exact or prefix matches first, then
 * those within an edit distance of about a third of the word (provnce -> province, gravty ->
 * gravity), best first. Empty when nothing is close.
 */
export function closestValues(given: string, valid: readonly string[], k = 3): string[] {
  const g = given.normalize('NFKC').trim().toLowerCase();
  const scored: { v: string; d: number }[] = [];
  for (const v of valid) {
    const n = v.normalize('NFKC').toLowerCase();
    const d = n === g ? 0 : g.length >= 2 && n.startsWith(g) ? 0.5 : distance(g, n);
    if (d <= Math.max(1, Math.ceil(Math.min(g.length, n.length) / 3))) scored.push({ v, d });
  }
  return scored.sort((a, b) => a.d - b.d || a.v.localeCompare(b.v)).slice(0, k).map((s) => s.v);
}

/** `a, b, c and 9 more` for messages. */
export function listValues(valid: readonly string[], max = 40): string {
  const shown = valid.slice(0, max).join(', ');
  return valid.length > max ? `${shown} and ${valid.length - max} more` : shown;
}

/**
 * The error for a value that is not among the valid ones: it names the value, suggests the closest
 * and lists what exists (or says that nothing does), so a typo or a year without data is never a
 * silent empty result.
 *   unknown level "provinec"; did you mean "province"? Levels in this workspace: country, province, city
 */
export function unknownValueError(what: string, given: string, valid: readonly string[], opts: { plural?: string; where?: string; hint?: string; suggest?: boolean; list?: boolean } = {}): InputError {
  // Years one digit apart are not typos of each other: periods are listed, not suggested.
  const near = opts.suggest === false ? [] : closestValues(given, valid);
  // Coded (core/messages 'value.unknown'), so a front-end says it in its language.
  return new InputError(coded('value.unknown', {
    what, given, near, valid: valid.slice(0, 40), count: valid.length, plural: opts.plural ?? `${what}s`, where: opts.where ?? 'in this workspace', hint: opts.hint ?? null, list: opts.list !== false,
  }));
}

/** Throws unknownValueError unless `given` is one of `valid` (exactly); returns it. */
export function requireOneOf(what: string, given: string, valid: readonly string[], opts: Parameters<typeof unknownValueError>[3] = {}): string {
  if (valid.includes(given)) return given;
  throw unknownValueError(what, given, valid, opts);
}
