import type { GravityResult } from '../../models/index.ts';
import type { ChoiceModelResult } from '../choice/fit-choice.ts';
import { parseChoiceSpec } from '../choice/spec.ts';
import type { SavedModel } from '../models.ts';
import { termsOf } from './prepare-choice.ts';

/** A term an intervention can change and the indicator it reads. */
export interface ModelTerm {
  readonly term: string;
  readonly indicator: string;
}

/**
 * The attributes of a saved model a scenario's intervention can change: a gravity model's
 * destination terms (destination_gdp_per_capita reads gdp_per_capita), a destination-choice
 * model's place attributes (named as their indicators).
 */
export function modelTerms(saved: SavedModel<GravityResult | ChoiceModelResult>): ModelTerm[] {
  if (saved.kind === 'gravity') {
    return (saved.result as GravityResult).termSpecs.filter((t) => t.role === 'destination').map((t) => {
      const column = t.column ?? t.name;
      return { term: column, indicator: column.replace(/^destination_/, '') };
    });
  }
  return termsOf(parseChoiceSpec(saved.spec), saved.result as ChoiceModelResult).indicators.map((x) => ({ term: x, indicator: x }));
}
