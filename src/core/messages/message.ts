/**
 * The shape of a message the library hands to a person: a stable code, its parameters and the
 * English text (what the CLI prints and JSON API users read). Front-ends in another language
 * render the code with their own template (the dashboard: web/src/i18n/messages-zh.ts) and fall
 * back to `message` for a code they do not know, so wording can change without breaking them.
 *
 * Pure: no I/O, no locale; the formatter decides how numbers, places and lists are written.
 */

/** A region named in a message: its code and, where the producer knows them, both names. */
export interface Place {
  readonly code: string;
  readonly zh?: string | null;
  readonly en?: string | null;
  /** Its level (province, city, ...), where a message says it. */
  readonly level?: string | null;
}

/** Another coded message a message quotes (a fit's stop reason in its warning), so a front-end renders it in its language too. */
export interface CodedParam {
  readonly code: string;
  readonly params: MessageParams;
}

/** A list of coded messages is quoted by one that gathers them (the choice set's rules and counts in one error). */
export type MessageParam = string | number | boolean | null | Place | CodedParam | readonly string[] | readonly Place[] | readonly CodedParam[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** How a template writes its parameters; each front-end supplies one for its language. */
export interface MessageFormat {
  readonly lang: 'zh' | 'en';
  /** A count or amount (grouped digits where the language does; `digits` fixed decimals). */
  number(n: number, digits?: number): string;
  /** A region: its name in the language, else the other name, else its code. */
  place(p: Place): string;
  /** Items joined as the language joins them, the rest counted after `max` ("and 3 more"). */
  list(items: readonly string[], max?: number): string;
  /**
   * A text the data carry (a source or definition stored at import or estimate): as stored, or
   * where a front-end knows the estimators' own sentences, in its language.
   */
  source(text: string): string;
  /**
   * A university of the person records (as stored) by its name in the language, where the
   * front-end knows one (the page and the CLI know the demo's, from src/sim/synthetic, which core
   * may not import); without it, as stored.
   */
  university?(stored: string): string;
}

/** A message as answers carry it: `{ code, params, message }`. */
export interface CodedMessage {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
}

/**
 * One catalogue entry: an example of its parameters (documentation, and what the completeness
 * test renders in every language) and its English template.
 */
export interface MessageDef<P extends MessageParams> {
  readonly example: P;
  readonly en: (p: P, f: MessageFormat) => string;
}

export function def<P extends MessageParams>(example: P, en: (p: P, f: MessageFormat) => string): MessageDef<P> {
  return { example, en };
}

/**
 * The English the library has always written: whole numbers grouped (28,001), others as given
 * (callers pass them rounded as they should read), places by their code unless a name is given, lists comma-separated.
 */
export const ENGLISH: MessageFormat = {
  lang: 'en',
  number: (n, digits) => (digits !== undefined ? n.toFixed(digits) : Number.isInteger(n) ? n.toLocaleString('en-US') : String(n)),
  place: (p) => p.en ?? p.zh ?? p.code,
  source: (text) => text,
  list: (items, max = Infinity) => (items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ')),
};
