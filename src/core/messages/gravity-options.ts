import { def } from './message.ts';

/**
 * Errors of a gravity model's further options and of predicting from it: fixed-effect and cluster
 * dimensions (src/models/gravity/dimensions.ts: a name, a^b interaction of names, pair), the
 * small-sample correction (small-sample.ts, as fixest's ssc()), new data that lack what the
 * fitted model needs (predict.ts) and arrays of either that do not fit together. The field the
 * error concerns prefixes the message (SpecError).
 * Numbers the English has always written as given are passed as text.
 */
export const GRAVITY_OPTION_MESSAGES = {
  'effects.emptyName': def({}, () => 'must be a non-empty name or interaction a^b'),
  'effects.periodNeedsPanel': def({}, () => '"period" needs data.period (a panel)'),
  'effects.unknown': def({ name: 'Product', known: ['origin', 'destination', 'pair', 'sector'] as readonly string[] },
    (p) => `"${p.name}" is not a dimension of the data (known: ${p.known.join(', ')})`),
  'effects.repeats': def({ text: 'origin^origin' }, (p) => `"${p.text}" repeats a name`),
  'effects.pairTooMany': def({ regions: 70000 }, (p) => `${p.regions} regions are too many for pair effects`),

  'ssc.notChoice': def({ value: 'hc1' }, (p) => `"${p.value}" is not none, fixest or an object of options`),
  'ssc.unknownOption': def({ option: 'small' }, (p) => `unknown option "${p.option}" (adj, fixefK, clusterAdj, clusterDf)`),
  'ssc.notBoolean': def({}, () => 'must be true or false'),
  /** `allowed` the values in order; the English joins the last with "or". */
  'ssc.notOneOf': def({ value: 'all', allowed: ['none', 'full', 'nested'] as readonly string[] },
    (p) => `"${p.value}" is not ${p.allowed.slice(0, -1).join(', ')} or ${p.allowed[p.allowed.length - 1]}`),

  'predict.missingColumn': def({ column: 'destination_wage', term: 'log_destination_wage' },
    (p) => `column "${p.column}" of term "${p.term}" is missing from the new data`),
  'predict.needsPeriod': def({}, () => 'the model has period effects: the new data needs period'),
  'predict.periodNotFitted': def({ period: '2021' },
    (p) => `period "${p.period}" was not in the fit; an unconstrained model with period effects cannot extrapolate to it`),
  /** `kind` origin or destination. */
  'predict.noTotals': def({ constraint: 'production', kind: 'origin' }, (p) => `the ${p.constraint} model has no ${p.kind} totals`),
  'predict.noTotal': def({ kind: 'origin', key: '210100@2020' }, (p) => `no ${p.kind} total for "${p.key}": give ${p.kind}Totals in the new data`),
  'predict.unequalTotals': def({ origin: '1200', destination: '1150' },
    (p) => `origin totals sum to ${p.origin} but destination totals to ${p.destination}; a doubly-constrained prediction needs equal sums`),
  'predict.levelNotFitted': def({ level: 'P3', row: 12 }, (p) => `level "${p.level}" (row ${p.row}) was not in the fit, so it has no effect`),
  'predict.needsPeriodEffects': def({}, () => 'the model has effects by period: the new data needs period'),
  'predict.needsCategory': def({ atom: 'product' }, (p) => `the model has effects by "${p.atom}": the new data needs categories.${p.atom}`),

  // Arrays a library caller hands the fit or the prediction (design.ts, predict.ts) that do not
  // fit together; the error's column names the array.
  /** `against` the array the others are measured by: flow in a fit, origin in new data. */
  'arrays.rowsDiffer': def({ rows: 9, against: 'flow', expected: 12 }, (p) => `has ${p.rows} rows, ${p.against} has ${p.expected}`),
  'arrays.regionIndex': def({ index: 31, regions: 31 }, (p) => `region index ${p.index} is outside the ${p.regions} regions`),
  'arrays.periodIndex': def({ index: 2, periods: 2 }, (p) => `period index ${p.index} is outside the ${p.periods} periods`),
};
