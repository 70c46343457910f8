import { def, type Place } from './message.ts';

/**
 * What a destination-choice model (src/store/choice, src/models/logit) says about itself: its
 * definition, how its choice set was built (notes), how its willingness to pay reads, and its
 * warnings. Numbers the English has always written with toPrecision are passed as that text
 * (`mean`, `factor`, `decrement`), so the English stays as it was. Indicator names, units and
 * terms are the workspace's ids (a front-end may name them by label).
 */

/** How willingness-to-pay values read (src/store/choice/money.ts): the money attribute and its scaling. */
export type WtpParams = {
  /** Unit of the values, e.g. 'yuan a month'. */
  readonly unit: string;
  /** The model term of money (log_disposable_income_pc). */
  readonly term: string;
  /** The indicator behind it and its stored unit, when it is one. */
  readonly indicator: string | null;
  readonly indicatorUnit: string | null;
  /** 'log' or 'log1p': valued at the mean; otherwise by `factor`. */
  readonly transform: string;
  /** The mean over the alternatives (toPrecision(6)) of a logged term; '' otherwise. */
  readonly mean: string;
  /** Money per unit of the term (toPrecision(6)) of a linear term; '' otherwise. */
  readonly factor: string;
  /** The spec named the money term (else it was chosen as the income attribute). */
  readonly fromSpec: boolean;
  /** With interactions of the money term: the term, whose base category the values are for. */
  readonly baseOf: string | null;
};

const WTP_EXAMPLE: WtpParams = {
  unit: 'yuan a month', term: 'log_disposable_income_pc', indicator: 'disposable_income_pc', indicatorUnit: 'yuan per person per year',
  transform: 'log', mean: '22853.1', factor: '', fromSpec: false, baseOf: 'log_disposable_income_pc',
};

export const isLogged = (transform: string): boolean => transform === 'log' || transform === 'log1p';

function wtpEnglish(p: WtpParams): string {
  const what = p.indicator !== null ? `${p.indicator}${p.indicatorUnit ? ` (${p.indicatorUnit})` : ''}` : p.term;
  const how = isLogged(p.transform)
    ? `, at its mean over the alternatives (${p.mean}), ${p.transform} entering the utility`
    : ` (x ${p.factor} to ${p.unit})`;
  const base = p.baseOf ? `; for the base category of the ${p.baseOf} interactions (for another, add its interaction coefficient to the money coefficient)` : '';
  return `${p.unit} per unit of each attribute: the change in ${what} worth as much${how}; ${p.fromSpec ? 'as the spec says' : 'chosen as the income attribute'}${base}`;
}

const listwiseName = (r: Place) => `${r.zh ?? r.en ?? r.code} (${r.code})`;

export const CHOICE_MESSAGES = {
  /** `area` the region or group `within` names, with its names (null in models saved before it was carried). */
  'choice.definition': def({ persons: 15652, alternatives: 31, level: 'province', within: 'CN', area: { code: 'CN', zh: '中国', en: 'China' } as Place | null, outside: false as boolean, nested: false as boolean },
    (p, f) => `destination choice of ${f.number(p.persons)} graduates among ${p.alternatives} alternatives (regions at level ${p.level} in ${f.place({ code: p.within })}${p.outside ? ', plus not employed / further study' : ''}), ${p.nested ? 'nested logit (FIML)' : 'conditional logit'} by maximum likelihood`),
  'choice.wtp.definition': def(WTP_EXAMPLE, (p) => wtpEnglish(p)),

  // Notes on the choice set (src/store/choice/choice-set.ts, alternatives.ts, attributes.ts).
  /**
   * `area` the country by its names, for a front-end's language. The English keeps the code, said
   * through the format's place so a front-end that names regions names it (here and above).
   */
  'choice.note.alternativesCountry': def({ level: 'province', within: 'CN', area: { code: 'CN', zh: '中国', en: 'China' } as Place | null, most: true as boolean },
    (p, f) => `alternatives: regions at level ${p.level} in ${f.place({ code: p.within })}, the country of ${p.most ? 'most of ' : ''}the persons' destinations`),
  'choice.note.nearestEarlier': def({ indicator: 'disposable_income_pc', year: 2021, from: 2020, regions: 3 },
    (p) => `${p.indicator}: ${p.year} from ${p.from} (nearest earlier year) for ${p.regions} region${p.regions === 1 ? '' : 's'}`),
  'choice.note.listwise': def({ regions: [{ code: '540000', zh: '西藏自治区', en: 'Tibet' }] as readonly Place[], year: 2020 },
    (p) => `listwise: ${p.regions.map(listwiseName).join(', ')} left out of the ${p.year} choice sets (an attribute missing)`),
  /** `transform` log, log1p, tenths or identity. */
  'choice.note.term': def({ term: 'log_disposable_income_pc', indicator: 'disposable_income_pc', unit: 'yuan per person per year' as string | null, transform: 'log', byDefault: true as boolean },
    (p) => `${p.term}: ${p.indicator}${p.unit ? ` (${p.unit})` : ''}, ${p.transform}${p.byDefault ? ' by default' : ''}`),
  'choice.note.distances': def({ level: 'province' }, (p) => `distances: great-circle km / 100 between centroids at level ${p.level}`),
  /** `attribute` degree, major or university; `categories` against the most frequent, `base`. */
  'choice.note.interaction': def({ attribute: 'degree', term: 'log_disposable_income_pc', categories: ['doctor', 'master'] as readonly string[], base: 'bachelor' },
    (p) => `${p.attribute}:${p.term}: ${p.attribute} categories ${p.categories.join(', ')} against ${p.base} (the most frequent)`),
  'choice.note.outside': def({}, () => "outside option: not employed and further study as one alternative 'outside' with constant asc_outside; its other terms are 0"),
  /** `method` uniform or importance. */
  'choice.note.sampled': def({ size: 10, method: 'importance', seed: 1 },
    (p) => `alternatives sampled: ${p.size} per person (${p.method}${p.method === 'importance' ? ', weights = observed choices + 0.5, McFadden correction as offset' : ''}), seed ${p.seed}; one case per person`),
  'choice.note.wtp': def({ ...WTP_EXAMPLE, baseOf: null as string | null }, (p) => `willingness to pay: ${wtpEnglish(p)}`),
  'choice.note.homeRest': def({}, () => "nests: the person's home region (label 'home') alone, every other region in nest 'rest'"),

  // Why persons are left out of the choice set (src/store/choice/choice-set.ts), each counted under one; `which` home or study.
  'choice.leftOut.notEmployed': def({}, () => 'not employed (outside: exclude)'),
  'choice.leftOut.furtherStudy': def({}, () => 'further study (outside: exclude)'),
  'choice.leftOut.notAtLevel': def({ level: 'province' }, (p) => `destination not a region at level ${p.level} or inside one`),
  /** `within` the region or group with its names (the English keeps its code, as typed). */
  'choice.leftOut.outsideWithin': def({ within: { code: 'northeast', zh: '东北地区', en: 'Northeast' } as Place }, (p) => `destination outside ${p.within.code}`),
  'choice.leftOut.listwise': def({ year: 2015 }, (p) => `destination left out of the ${p.year} choice set (attribute missing; missing: listwise)`),
  'choice.leftOut.noPlace': def({ which: 'home' }, (p) => `no ${p.which} region recorded`),
  'choice.leftOut.placeAboveLevel': def({ which: 'home', level: 'city' }, (p) => `${p.which} region recorded above level ${p.level}`),
  'choice.leftOut.placeUnknown': def({ which: 'home' }, (p) => `${p.which} region not in the registry`),
  'choice.leftOut.placeNoCentroid': def({ which: 'home' }, (p) => `${p.which} region without a centroid`),

  // Warnings of the logit fits (src/models/logit: convergence.ts, wtp.ts, nested-logit.ts).
  'choice.warn.notIterated': def({ decrement: '3.21e-2' },
    (p) => `evaluated at the start values without iterating (maxIterations 0; Newton decrement there ${p.decrement})`),
  'choice.warn.notConverged': def({ iterations: 100, decrement: '3.21e-2', tolerance: 1e-8 },
    (p) => `not converged after ${p.iterations} iterations (Newton decrement ${p.decrement}, tolerance ${p.tolerance}); estimates are the last iterate`),
  'choice.warn.precision': def({ decrement: '3.21e-7', tolerance: 1e-8 },
    (p) => `stopped at the precision of the log-likelihood (no step raised it; Newton decrement ${p.decrement} above the tolerance ${p.tolerance})`),
  'choice.warn.lineSearch': def({ iterations: 12, decrement: '3.21e-2' },
    (p) => `no step along the Newton direction raised the log-likelihood after ${p.iterations} iterations (Newton decrement ${p.decrement})`),
  'choice.warn.singleAlternative': def({ cases: 4 },
    (p) => `${p.cases} case(s) have a single available alternative and carry no information (their probability is 1 whatever the coefficients)`),
  'choice.warn.fewClusters': def({ clusters: 8 },
    (p) => `only ${p.clusters} clusters: clustered standard errors are biased downward with few clusters (Cameron & Miller 2015, "A practitioner's guide to cluster-robust inference")`),
  /** `kind` income or cost. */
  'choice.warn.moneyNotSignificant': def({ kind: 'income', term: 'log_disposable_income_pc', z: '1.23' },
    (p) => `the ${p.kind} coefficient of "${p.term}" is not significant (z = ${p.z}): the ratios and their intervals are unreliable`),
  'choice.warn.moneySign': def({ kind: 'income', term: 'log_disposable_income_pc', coefficient: '-0.1234' },
    (p) => `the ${p.kind} coefficient of "${p.term}" has the unexpected sign (${p.coefficient}): the signs of the values are reversed relative to their usual reading`),
  'choice.warn.lambdaOutOfRange': def({ nest: 'rest', lambda: '1.234', standardError: '0.210', level: 95, includesOne: true as boolean },
    (p) => `nest "${p.nest}": lambda = ${p.lambda} (standard error ${p.standardError}) is outside (0, 1]: the model is not consistent with utility maximisation for all attribute values (McFadden 1978)${
      p.includesOne ? `; its ${p.level}% interval includes 1` : ''}; consider other nests or the conditional logit`),
};
