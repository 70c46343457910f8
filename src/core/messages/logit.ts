import { def } from './message.ts';

/**
 * Errors of the logit models' own input (src/models/logit: check.ts, spec.ts, wtp.ts,
 * elasticities.ts, predict.ts): the long-format arrays a caller hands the library (caseIndex,
 * altIndex, chosen, columns, caseWeight, cluster, group) and the fit's and post-estimation's
 * options. An array's name and the option's field are the library's identifiers and stay as
 * typed; values the English has always written as given are passed as text.
 */
export const LOGIT_MESSAGES = {
  'logit.data.notObject': def({}, () => 'choice data must be an object'),
  'logit.data.nCases': def({ value: '0' }, (p) => `nCases must be a positive integer, got ${p.value}`),
  'logit.data.notIntArray': def({ array: 'caseIndex' }, (p) => `${p.array} must be an Int32Array`),
  /** `array` has `rows` entries where `against` (caseIndex) has `expected`; `array` null for a named column (its name is the error's column). */
  'logit.data.rowsDiffer': def({ array: 'altIndex' as string | null, rows: 9, expected: 12 },
    (p) => `${p.array === null ? 'has' : `${p.array} has`} ${p.rows} rows, caseIndex ${p.expected}`),
  'logit.data.caseOutside': def({ case: 12, cases: 10 }, (p) => `caseIndex ${p.case} is outside [0, ${p.cases})`),
  'logit.data.notContiguous': def({ case: 3 },
    (p) => `the rows of case ${p.case} are not contiguous (it reappears after other cases' rows): group the rows by case`),
  'logit.data.alternativeNegative': def({ alternative: -1 }, (p) => `altIndex ${p.alternative} is negative`),
  'logit.data.noLabel': def({ alternative: 4, labels: 4 }, (p) => `altIndex ${p.alternative} has no label (${p.labels} alternatives given)`),
  'logit.data.emptyCase': def({ case: 7 }, (p) => `case ${p.case} has no rows (a case needs at least one available alternative)`),
  'logit.data.alternativeTwice': def({ alternative: 2, case: 7 }, (p) => `alternative ${p.alternative} appears twice in case ${p.case}`),
  'logit.data.chosenType': def({}, () => 'chosen must be a Uint8Array (0/1) or a Float64Array of counts'),
  'logit.data.chosenBad': def({ value: '-1' }, (p) => `chosen must be a finite count >= 0, got ${p.value}`),
  'logit.data.noChoice': def({ case: 7 }, (p) => `case ${p.case} has no chosen alternative`),
  'logit.data.noColumn': def({ column: 'cost', columns: ['time', 'price'] as readonly string[] },
    (p) => `column "${p.column}" is not in the data (columns: ${p.columns.join(', ') || 'none'})`),
  'logit.data.notFloatArray': def({}, () => 'must be a Float64Array'),
  'logit.data.notFinite': def({ value: 'Infinity' }, (p) => `value ${p.value} is not finite`),
  /** `array` caseWeight, cluster or group: one entry per case. */
  'logit.data.perCase': def({ array: 'caseWeight', cases: 210 },
    (p) => `${p.array} must be ${p.array === 'caseWeight' ? 'a Float64Array with one value' : `an Int32Array with one id`} per case (${p.cases})`),
  'logit.data.weightBad': def({ case: 3, value: '-2' }, (p) => `weight of case ${p.case} must be finite and >= 0, got ${p.value}`),
  'logit.data.groupNegative': def({ group: -1, case: 3 }, (p) => `group id ${p.group} of case ${p.case} is negative`),

  'logit.spec.notObject': def({}, () => 'the specification must be an object'),
  'logit.spec.noTerms': def({}, () => 'needs at least one column name'),
  'logit.spec.termName': def({}, () => 'must be a non-empty column name'),
  'logit.spec.termTwice': def({ term: 'cost' }, (p) => `term "${p.term}" appears twice`),
  'logit.spec.offset': def({}, () => 'must be a column name that is not also a term'),
  'logit.spec.notTerm': def({ name: 'time' }, (p) => `"${p.name}" is not a term`),
  'logit.spec.startNotFinite': def({ name: 'cost', value: 'Infinity' }, (p) => `start of "${p.name}" must be finite, got ${p.value}`),
  'logit.spec.notOneOf': def({ value: 'hc3', allowed: ['classical', 'robust', 'clustered'] as readonly string[] }, (p) => `"${p.value}" is not one of ${p.allowed.join(', ')}`),
  'logit.spec.clusteredNeedsCluster': def({}, () => 'clustered standard errors need data.cluster'),
  'logit.spec.notInUnitInterval': def({ value: '1.5' }, (p) => `${p.value} is not in (0, 1)`),
  'logit.spec.notIterations': def({ value: '-1' }, (p) => `${p.value} is not an integer >= 0`),

  /** `terms` the model's attribute terms, listed where the English listed them (null: not listed). */
  'logit.notAttribute': def({ term: 'wage', terms: ['time', 'cost'] as readonly string[] | null },
    (p) => `"${p.term}" is not an attribute term of the model${p.terms ? ` (${p.terms.join(', ')})` : ''}`),
  'logit.wtp.notIncomeOrCost': def({ value: 'price' }, (p) => `"${p.value}" is not income or cost`),
  'logit.wtp.scaleNotPositive': def({ value: '0' }, (p) => `must be a positive number, got ${p.value}`),
  'logit.wtp.noClustered': def({}, () => 'the result has no clustered covariance (fitted without data.cluster)'),
  'logit.wtp.moneyZero': def({ term: 'cost', coefficient: '0' }, (p) => `the coefficient of "${p.term}" is ${p.coefficient}: no ratio can be formed`),
  'logit.wtp.moneyItself': def({}, () => 'the money term cannot be valued against itself'),

  // Nests, prediction, aggregation, sampling and simulation (nests.ts, nested-logit.ts,
  // probabilities.ts, aggregate.ts, sample.ts, simulate.ts).
  'logit.nests.none': def({}, () => 'needs at least one nest { name, alternatives }'),
  'logit.nests.noName': def({}, () => 'needs a non-empty name'),
  'logit.nests.clash': def({ term: 'lambda_land' }, (p) => `nest parameter "${p.term}" clashes with a term of the same name`),
  'logit.nests.notNest': def({ name: 'air' }, (p) => `"${p.name}" is not a nest`),
  'logit.nests.startNotPositive': def({ name: 'land', value: '0' }, (p) => `start of "${p.name}" must be > 0, got ${p.value}`),
  'logit.nests.parametrisation': def({ value: 'tau' }, (p) => `"${p.value}" is not lambda or mu`),
  'logit.noCoefficient': def({ term: 'cost' }, (p) => `the result has no finite coefficient for "${p.term}"`),
  'logit.chosenRows': def({ rows: 9, expected: 12 }, (p) => `chosen has ${p.rows} rows, the data ${p.expected}`),
  'logit.aggregateMode': def({ value: 'sum' }, (p) => `"${p.value}" is not weights or counts`),
  'logit.atLeastTwo': def({ value: '1' }, (p) => `must be an integer >= 2, got ${p.value}`),
  'logit.positiveInteger': def({ value: '0' }, (p) => `must be a positive integer, got ${p.value}`),
  'logit.notInHalfOpen': def({ value: '0' }, (p) => `${p.value} is not in (0, 1]`),
  'logit.sample.columnExists': def({ column: 'sampling_offset' }, (p) => `column "${p.column}" already exists`),
  'logit.sample.notOneChosen': def({ case: 7 },
    (p) => `case ${p.case} does not have exactly one chosen row with chosen = 1 (sampling needs disaggregated choices)`),
  'logit.sample.weight': def({ alternative: 3, value: '0' }, (p) => `weight of alternative ${p.alternative} must be finite and > 0, got ${p.value}`),
};
