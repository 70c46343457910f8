/**
 * What the simulator asks of a model of destination choice: for one origin (and person type),
 * the probability of each region as the place a graduate lives next, under given attribute
 * values. Any model that answers this plugs in: the production-constrained gravity model
 * (gravity-choice.ts) and a fitted destination-choice logit (logit-choice.ts).
 */

export type AttributeRole = 'origin' | 'destination';

/** An attribute the model reads, e.g. destination_grdp_pc (a value per region). */
export interface ChoiceAttribute {
  readonly column: string;
  /** destination: the value of each alternative j is read; origin: the value of the origin. */
  readonly role: AttributeRole;
  /**
   * How the value enters the utility: its log, log(1 + x), itself, or a tenth of it (indicators
   * stored in tenths, e.g. degrees Celsius x 10). Levers change the value before the transform.
   */
  readonly transform: 'log' | 'log1p' | 'identity' | 'tenths';
}

/** Attribute values by column, one per region (index = region index of the model). */
export type AttributeValues = Readonly<Record<string, Float64Array>>;

/** The model's uncertain parameters: estimates and their covariance (row-major k x k). */
export interface ChoiceParameters {
  readonly names: readonly string[];
  readonly estimate: Float64Array;
  readonly covariance: Float64Array;
}

export interface ChoiceModel {
  readonly kind: string;
  /** The alternatives, which are also the origins. */
  readonly regions: readonly string[];
  readonly attributes: readonly ChoiceAttribute[];
  /** Baseline values of every attribute (the base period). */
  readonly baseline: AttributeValues;
  readonly parameters: ChoiceParameters;
  /**
   * Writes P(next region = j | origin) for every j into `out` (length regions.length, sums to 1)
   * and returns it. `values` may differ from the baseline for this origin's view only.
   */
  probabilities(origin: number, values: AttributeValues, out: Float64Array, personType?: string): Float64Array;
  /** The same model with other parameter values (a draw), re-calibrated to the baseline. */
  withParameters(values: ArrayLike<number>): ChoiceModel;
}
