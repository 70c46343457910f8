import { ConvergenceError, SpecError } from '../../core/errors.ts';

/**
 * Named diagnostics of the choice models. Each keeps the stable code of its core class (SPEC or
 * CONVERGENCE, so adapters map them as before) and adds `reason` and the terms concerned.
 */

/** A term constant within every case: it cancels from every choice probability. */
export class NotIdentifiedError extends SpecError {
  readonly reason = 'CONSTANT_WITHIN_CASES' as const;
  readonly terms: readonly string[];
  constructor(term: string) {
    super(
      `term "${term}" is constant within every case (it does not vary across a person's alternatives), so it cancels from the choice probabilities and its coefficient is not identified; interact it with an alternative attribute or drop it`,
      term,
    );
    this.name = 'NotIdentifiedError';
    this.terms = [term];
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, terms: this.terms };
  }
}

/** A term that is a linear combination of others (within cases). */
export class CollinearityError extends SpecError {
  readonly reason = 'COLLINEAR' as const;
  /** The collinear term first, then the terms it is a combination of. */
  readonly terms: readonly string[];
  constructor(term: string, partners: readonly string[]) {
    const withWhat = partners.length ? partners.map((p) => `"${p}"`).join(', ') : 'earlier terms';
    super(`term "${term}" is collinear with ${withWhat} within cases, so the coefficients are not identified; drop one of them`, term);
    this.name = 'CollinearityError';
    this.terms = [term, ...partners];
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, terms: this.terms };
  }
}

/**
 * Separation: some direction of the coefficients never lowers any chosen alternative's utility
 * relative to the others and raises it in some case, so the likelihood keeps rising along it and
 * the maximum likelihood estimate does not exist (Albert & Anderson 1984, for the logit).
 */
export class SeparationError extends ConvergenceError {
  readonly reason = 'SEPARATION' as const;
  /** Terms whose coefficients diverge. */
  readonly terms: readonly string[];
  /** Cases whose likelihood rises without limit along the diverging direction. */
  readonly affectedCases: number;
  /** Of those, cases whose chosen alternative the direction puts strictly above all others. */
  readonly perfectlyPredictedCases: number;
  constructor(terms: readonly string[], affectedCases: number, perfectlyPredictedCases: number, iterations: number) {
    super(
      `separation: the coefficients of ${terms.map((t) => `"${t}"`).join(', ')} diverge: along that direction the chosen alternatives of ${affectedCases} case(s) gain probability without limit (${
        perfectlyPredictedCases === affectedCases ? 'all perfectly predicted' : `${perfectlyPredictedCases} perfectly predicted, the others through alternatives never chosen`
      }); the maximum likelihood estimate does not exist — drop or merge those terms or alternatives`,
      iterations,
    );
    this.name = 'SeparationError';
    this.terms = terms;
    this.affectedCases = affectedCases;
    this.perfectlyPredictedCases = perfectlyPredictedCases;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, terms: this.terms, affectedCases: this.affectedCases, perfectlyPredictedCases: this.perfectlyPredictedCases, iterations: this.iterations };
  }
}
