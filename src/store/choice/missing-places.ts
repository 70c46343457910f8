import { InputError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { isSmallCell } from '../../metrics/privacy/primary.ts';
import type { PersonGroup } from './situations.ts';

/**
 * Persons whose home or study region a person term needs but cannot use, counted by the rule
 * they break ("no home region recorded", "home region recorded above level city", ...), for the
 * error of missing 'error'. The error names the rule, the terms that need it, how many persons
 * and in which graduation years, never a person: it reaches API clients, and a record id is
 * personal data (docs/privacy.md). A count of 1 to k - 1 reads "fewer than k", as every count of
 * persons does. Only the owner's own front-end (the CLI on the workspace) asks for an example
 * record id to look up (`nameRecords`).
 */
export class MissingPlaces {
  /** By the rule's English, its coded form beside it (choice.leftOut.*). */
  private readonly byRule = new Map<string, { rule: CodedMessage; persons: number; example: string; years: Set<number> }>();

  add(rule: CodedMessage, g: PersonGroup): void {
    const e = this.byRule.get(rule.message);
    if (e) {
      e.persons += g.persons;
      e.years.add(g.year);
      if (g.example < e.example) e.example = g.example;
    } else this.byRule.set(rule.message, { rule, persons: g.persons, example: g.example, years: new Set([g.year]) });
  }

  get size(): number {
    return this.byRule.size;
  }

  /** The error naming each rule broken (home_region or study_region as its column); `terms` the person terms that need regions (none: the home-rest nests). */
  error(terms: readonly string[], k: number, nameRecords: boolean): InputError {
    const rules = [...this.byRule.values()].sort((a, b) => b.persons - a.persons);
    const parts = rules.map((e) => coded('choicefit.missingPlace', {
      rule: { code: e.rule.code, params: e.rule.params }, problem: e.rule.message, persons: isSmallCell(e.persons, k) ? null : e.persons, k,
      years: [...e.years].sort((a, b) => a - b).map(String), example: nameRecords ? e.example : null,
    }));
    const column = rules[0].rule.message.includes('home') ? 'home_region' : 'study_region';
    return new InputError(coded('choicefit.missingPlaces', { terms, rules: parts.map(({ code, params }) => ({ code, params })), parts: parts.map((m) => m.message) }), { column });
  }
}
