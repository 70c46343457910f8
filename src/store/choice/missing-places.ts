import { InputError } from '../../core/errors.ts';
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
  private readonly byRule = new Map<string, { persons: number; example: string; years: Set<number> }>();

  add(rule: string, g: PersonGroup): void {
    const e = this.byRule.get(rule);
    if (e) {
      e.persons += g.persons;
      e.years.add(g.year);
      if (g.example < e.example) e.example = g.example;
    } else this.byRule.set(rule, { persons: g.persons, example: g.example, years: new Set([g.year]) });
  }

  get size(): number {
    return this.byRule.size;
  }

  /** The error naming each rule broken (home_region or study_region as its column). */
  error(needs: string, k: number, nameRecords: boolean): InputError {
    const rules = [...this.byRule].sort((a, b) => b[1].persons - a[1].persons);
    const parts = rules.map(([rule, e]) => {
      const count = isSmallCell(e.persons, k) ? `fewer than ${k} persons` : `${e.persons.toLocaleString('en-US')} person${e.persons > 1 ? 's' : ''}`;
      const years = [...e.years].sort((a, b) => a - b).join(', ');
      return `${rule}: ${count} (graduation year${e.years.size > 1 ? 's' : ''} ${years})${nameRecords ? `, e.g. person ${e.example}` : ''}`;
    });
    const column = rules[0][0].includes('home') ? 'home_region' : 'study_region';
    return new InputError(`${needs} need${/,| nests$/.test(needs) ? '' : 's'} each person's region, which some records cannot give; ${parts.join('; ')}; with missing 'listwise' such persons are left out`, { column });
  }
}
