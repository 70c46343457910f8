import { def } from './message.ts';

/**
 * An input that fails its schema outside the HTTP layer: a choice-model spec (src/store/choice/
 * spec.ts, from `talentflow fit choice --persons` or a saved model) or an operation's input
 * (src/app/parse-input.ts, the CLI's flags): zod's English as it was, with the issue's code, what
 * it expected, its bound or its allowed values, and, for the choice schema's own checks, which one
 * (`rule`, with the value it names), so a front-end says the problem in its language without
 * reading zod's sentences. The field is the SpecError's.
 */

/** The English of the spec schema's own checks, by rule; the schema gives these as its messages. */
export const CHOICE_SPEC_RULES = {
  indicatorName: 'an indicator name (letters, digits, _ . -)',
  nestName: 'a nest name (letters, digits, _ . -)',
  level: 'a level such as province or city',
  interaction: 'person:alternative with person one of degree, major, university, e.g. degree:income',
  homeRestAlone: "'home-rest' cannot be combined with other nests",
  clusteredNeedsUniversity: "clustered standard errors need cluster 'university'",
} as const;

/** A check whose English names a value (`value` in the issue's params). */
export const transformNotAttribute = (value: string): string => `"${value}" is not an alternative attribute of the spec`;

/** The rule a schema issue comes from: a custom issue's `params.rule`, else the rule whose English it is. */
export function ruleOf(issue: { readonly message: string; readonly params?: Readonly<Record<string, unknown>> }): { rule: string | null; value: string | null } {
  const p = issue.params ?? {};
  if (typeof p.rule === 'string') return { rule: p.rule, value: typeof p.value === 'string' ? p.value : null };
  const rule = Object.entries(CHOICE_SPEC_RULES).find(([, text]) => text === issue.message)?.[0] ?? null;
  return { rule, value: null };
}

export const CHOICE_SPEC_MESSAGES = {
  /** `more` the paths of the next (up to three) issues, `others` how many further issues there are. */
  'input.invalid': def({
    detail: 'Invalid option: expected one of "distance_home"|"is_home"', issue: 'invalid_value', expected: '', limit: null as number | null,
    values: ['distance_home', 'is_home'] as readonly string[], rule: null as string | null, value: null as string | null, origin: '', inclusive: true as boolean, exact: false as boolean,
    more: ['level'] as readonly string[], others: 1,
  }, (p) => `${p.detail}${p.others ? ` (and ${p.others} more: ${p.more.join(', ')})` : ''}`),
};
