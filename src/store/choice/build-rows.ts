import { haversineKm } from '../../core/geometry/index.ts';
import type { ChoiceData } from '../../models/logit/index.ts';
import type { ChoiceRegion } from './alternatives.ts';
import type { PersonAttribute, PersonTerm } from './spec.ts';

/** One distinct choice situation and how many of its persons chose each alternative label. */
export interface Situation {
  readonly year: number;
  /** Index of the year in the choice set's years. */
  readonly yearIndex: number;
  readonly university: string;
  readonly degree: string | null;
  readonly major: string | null;
  readonly home: string | null;
  readonly study: string | null;
  /** Persons by chosen label index (a region's index, or the outside / home label). */
  readonly chosen: Map<number, number>;
}

/** A column of the utility: its name and how a row gets its value. */
export type ColumnRule =
  | { readonly name: string; readonly kind: 'alternative'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'person'; readonly term: PersonTerm }
  | { readonly name: string; readonly kind: 'interaction'; readonly attribute: PersonAttribute; readonly category: string; readonly of: ColumnRule }
  | { readonly name: string; readonly kind: 'outside' };

export interface RowLayout {
  readonly regions: readonly ChoiceRegion[];
  /** Available regions (indices into `regions`) by year index. */
  readonly available: readonly (readonly number[])[];
  readonly nYears: number;
  /** All regions by code (homes and study places outside the alternatives too). */
  readonly lookup: ReadonlyMap<string, ChoiceRegion>;
  /** Label index of region a: a, or a + 1 when label 0 is the person's home ('home-rest'). */
  readonly homeLabel: boolean;
  /** Label index of the outside option, or -1. */
  readonly outside: number;
}

const km100 = (a: ChoiceRegion | undefined, b: ChoiceRegion): number => (a?.centroid && b.centroid ? haversineKm(a.centroid as [number, number], b.centroid as [number, number]) / 100 : NaN);

/**
 * Long-format rows of the situations: per situation, one row per available region of its year
 * (its home relabelled 'home' under home-rest) and the outside option; chosen holds the counts of
 * persons, so the data stand for every person at the cost of distinct situations x alternatives.
 */
export function buildRows(situations: readonly Situation[], rules: readonly ColumnRule[], layout: RowLayout): ChoiceData {
  const { regions, available, nYears, lookup, homeLabel, outside } = layout;
  let nRows = 0;
  for (const s of situations) nRows += available[s.yearIndex].length + (outside >= 0 ? 1 : 0);
  const caseIndex = new Int32Array(nRows);
  const altIndex = new Int32Array(nRows);
  const chosen = new Float64Array(nRows);
  const columns: Record<string, Float64Array> = Object.fromEntries(rules.map((r) => [r.name, new Float64Array(nRows)]));
  const cols = rules.map((r) => columns[r.name]);
  let row = 0;
  situations.forEach((s, c) => {
    const home = s.home === null ? undefined : lookup.get(s.home);
    const study = s.study === null ? undefined : lookup.get(s.study);
    const person = (term: PersonTerm, alt: ChoiceRegion): number => {
      switch (term) {
        case 'distance_home': return km100(home, alt);
        case 'distance_study': return km100(study, alt);
        case 'is_home': return s.home === alt.code ? 1 : 0;
        case 'is_study': return s.study === alt.code ? 1 : 0;
        case 'same_macro_region': return home?.macro != null && home.macro === alt.macro ? 1 : 0;
      }
    };
    const category = (a: PersonAttribute): string => (a === 'university' ? s.university : s[a] ?? 'unknown');
    const value = (rule: ColumnRule, a: number): number => {
      switch (rule.kind) {
        case 'alternative': return rule.values[a * nYears + s.yearIndex];
        case 'person': return person(rule.term, regions[a]);
        case 'interaction': return category(rule.attribute) === rule.category ? value(rule.of, a) : 0;
        case 'outside': return 0;
      }
    };
    const homeIndex = homeLabel ? available[s.yearIndex].find((a) => regions[a].code === s.home) : undefined;
    const order = homeIndex === undefined ? available[s.yearIndex] : [homeIndex, ...available[s.yearIndex].filter((a) => a !== homeIndex)];
    for (const a of order) {
      caseIndex[row] = c;
      const label = !homeLabel ? a : a === homeIndex ? 0 : a + 1;
      altIndex[row] = label;
      chosen[row] = s.chosen.get(label) ?? 0;
      rules.forEach((rule, k) => (cols[k][row] = value(rule, a)));
      row++;
    }
    if (outside >= 0) {
      caseIndex[row] = c;
      altIndex[row] = outside;
      chosen[row] = s.chosen.get(outside) ?? 0;
      rules.forEach((rule, k) => (cols[k][row] = rule.kind === 'outside' ? 1 : 0));
      row++;
    }
  });
  return { nCases: situations.length, caseIndex, altIndex, chosen, columns };
}
