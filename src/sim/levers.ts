import { SpecError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import type { AttributeValues, ChoiceModel } from './choice-model.ts';

/**
 * An intervention resolved against a model: which attribute of which regions changes, for which
 * graduating cohorts, as seen by whom, and what each year of it costs. Built from the scenario
 * document by `compileLevers` (region names and groups already resolved to masks by the caller).
 */
export type CostRule = { readonly rule: 'per-person-year'; readonly amount: number } | { readonly rule: 'fixed-budget'; readonly amountPerYear: number };

export interface Lever {
  readonly name: string;
  readonly column: string;
  readonly role: 'origin' | 'destination';
  /** 1 for each region the lever targets. */
  readonly targets: Uint8Array;
  readonly type: 'relative' | 'absolute';
  readonly value: number;
  /** Cohorts graduating in firstYear..lastYear choose under the change. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** Graduates of a target region who stay there see (and are paid) the change. */
  readonly stayers: boolean;
  /** Graduates of other regions who move to a target region see (and are paid) the change. */
  readonly arrivals: boolean;
  /** Years each eligible graduate is paid, from graduation, while living in the target region. */
  readonly benefitYears: number;
  readonly cost: CostRule;
}

export interface LeverDefinition {
  readonly name?: string;
  readonly term: string;
  readonly targets: Uint8Array;
  readonly change: { readonly type: 'relative' | 'absolute'; readonly value: number };
  readonly startYear: number;
  readonly duration: number;
  readonly eligibility: readonly ('stayers' | 'arrivals')[];
  readonly benefitYears: number;
  readonly cost: CostRule;
}

/** Checks each definition against the model's attributes; `field` prefixes error paths. */
export function compileLevers(model: ChoiceModel, defs: readonly LeverDefinition[], field = 'interventions'): Lever[] {
  return defs.map((d, i) => {
    const attr = model.attributes.find((a) => a.column === d.term);
    if (!attr) {
      throw new SpecError(coded('scenario.term.notAttribute', { term: d.term, known: model.attributes.map((a) => a.column) }), `${field}[${i}].term`);
    }
    if (d.targets.length !== model.regions.length) throw new SpecError(`mask of ${d.targets.length} for ${model.regions.length} regions`, `${field}[${i}].targets`);
    if (d.change.type === 'relative' && !(d.change.value > -1)) throw new SpecError(coded('scenario.change.nonPositive', { value: d.change.value }), `${field}[${i}].change.value`);
    // Shift attributes (a logit's person-region terms) are 0 in the baseline: only absolute changes move them.
    if (d.change.type === 'relative' && d.change.value !== 0 && model.baseline[d.term]?.every((x) => x === 0)) {
      throw new SpecError(coded('scenario.term.allZero', { term: d.term }), `${field}[${i}].change.type`);
    }
    return {
      name: d.name ?? `intervention ${i + 1}`,
      column: d.term,
      role: attr.role,
      targets: d.targets,
      type: d.change.type,
      value: d.change.value,
      firstYear: d.startYear,
      lastYear: d.startYear + d.duration - 1,
      stayers: d.eligibility.includes('stayers'),
      arrivals: d.eligibility.includes('arrivals'),
      benefitYears: d.benefitYears,
      cost: d.cost,
    };
  });
}

/** Levers under which the cohort graduating in `year` chooses. */
export function activeLevers(levers: readonly Lever[], year: number): Lever[] {
  return levers.filter((l) => year >= l.firstYear && year <= l.lastYear);
}

function changed(x: number, l: Lever): number {
  return l.type === 'relative' ? x * (1 + l.value) : x + l.value;
}

/**
 * The attribute values as graduates of `origin` see them under `active` levers: a destination
 * lever changes target j for this origin when j is the origin and stayers are eligible, or j is
 * elsewhere and arrivals are; an origin lever changes the origin's own value. Returns the model's
 * baseline object itself when nothing changes (so models can use cached work), else `scratch`.
 */
export function valuesFor(model: ChoiceModel, active: readonly Lever[], origin: number, scratch: Record<string, Float64Array>): AttributeValues {
  let touched = false;
  for (const l of active) {
    if (l.role === 'origin' && !l.targets[origin]) continue;
    if (!touched) {
      for (const a of model.attributes) {
        const s = scratch[a.column] ?? (scratch[a.column] = new Float64Array(model.regions.length));
        s.set(model.baseline[a.column]);
      }
      touched = true;
    }
    const x = scratch[l.column];
    if (l.role === 'origin') {
      x[origin] = changed(x[origin], l);
      continue;
    }
    for (let j = 0; j < x.length; j++) {
      if (!l.targets[j]) continue;
      if (j === origin ? l.stayers : l.arrivals) x[j] = changed(x[j], l);
    }
  }
  return touched ? scratch : model.baseline;
}

/** Whether a graduate of `origin` now living in `location` is paid by lever `l` (cohort checks apart). */
export function eligible(l: Lever, origin: number, location: number): boolean {
  if (!l.targets[location]) return false;
  return origin === location ? l.stayers : l.arrivals;
}
