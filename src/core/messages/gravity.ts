import { def, type Place } from './message.ts';

/**
 * Errors of a gravity fit a person meets before any estimate: the workspace's data for the
 * selection (src/store/queries/model-data.ts), the specification (src/models/gravity/spec.ts) and
 * a design whose terms are not identified (diagnostics.ts). A `role` is the end of the flow an
 * indicator describes (origin or destination); `offset` says it enters as the offset instead of
 * as an attribute. Numbers the English has always written as given are passed as text.
 */
const roleText = (p: { role: string; offset: boolean }) => (p.offset ? `offset of the ${p.role}` : `${p.role} attribute`);
const upTo = (items: readonly string[], max: number) => `${items.slice(0, max).join(', ')}${items.length > max ? ` and ${items.length - max} more` : ''}`;

export const GRAVITY_MESSAGES = {
  'gravity.input.noPeriods': def({}, () => 'choose the period(s) of the flows to model (--period)'),
  'gravity.input.noFlows': def({ period: '2020', within: 'northeast' as string | null },
    (p) => `no flows in the workspace for period ${p.period}${p.within ? ` within ${p.within}` : ''}`),
  /** The first five regions without a centroid. */
  'gravity.input.noCentroid': def({ regions: [{ code: '710000', zh: '台湾省' }] as readonly Place[] },
    (p) => `regions without a centroid, so no distance: ${p.regions.map((r) => r.code).join(', ')}`),
  /**
   * An indicator with no value for any region of the selection in its periods: `inPeriods` the
   * indicators the regions do have then (up to 30 named, as every list here), else `otherPeriods`
   * those of any period.
   */
  'gravity.input.unknownIndicator': def({
    indicator: 'disposable_income_pc', role: 'destination', offset: false as boolean, within: 'CN' as string | null, periods: ['2000-2010', '2000'] as readonly string[],
    inPeriods: [] as readonly string[], otherPeriods: ['disposable_income_pc', 'population'] as readonly string[],
  }, (p) => {
    const head = `unknown indicator "${p.indicator}" (${roleText(p)}): the regions${p.within ? ` within ${p.within}` : ''}`;
    const shown = p.periods.join(', ');
    if (p.inPeriods.length) return `${head} have no value of it for ${shown}; their indicators for ${shown}: ${upTo(p.inPeriods, 30)}`;
    return `${head} have no indicator for ${shown}${p.otherPeriods.length ? `; in other periods: ${upTo(p.otherPeriods, 30)}` : ' (import indicators first)'}`;
  }),
  /** The first five regions (and the period of each) lacking a value, of `count` region-periods. */
  'gravity.input.indicatorMissing': def({
    indicator: 'population', role: 'origin', offset: false as boolean, regions: [{ code: '210100', zh: '沈阳市', en: 'Shenyang' }] as readonly Place[], periods: ['2020'] as readonly string[], count: 7,
  }, (p) => `indicator "${p.indicator}" (${roleText(p)}) is missing for ${p.regions.map((r, i) => `${r.code} (${p.periods[i]})`).join(', ')}${p.count > 5 ? ` and ${p.count - 5} more` : ''}`),

  // The specification (src/models/gravity/spec.ts); the field it concerns prefixes the message.
  'gravity.spec.notObject': def({}, () => 'the specification must be an object'),
  'gravity.spec.notOneOf': def({ value: 'production-constrained', allowed: ['unconstrained', 'production', 'attraction', 'doubly'] as readonly string[] },
    (p) => `"${p.value}" is not one of ${p.allowed.join(', ')}`),
  'gravity.spec.notEither': def({ value: 'keep', allowed: ['drop', 'error'] as readonly string[] }, (p) => `"${p.value}" is not ${p.allowed.join(' or ')}`),
  'gravity.spec.emptyName': def({}, () => 'must be a non-empty string'),
  'gravity.spec.termsNotArray': def({}, () => 'must be an array of column names or { column, transform }'),
  'gravity.spec.termNoColumn': def({}, () => 'needs a column name'),
  'gravity.spec.badTransform': def({ value: 'sqrt' }, (p) => `transform "${p.value}" is not log or identity`),
  'gravity.spec.unknownColumn': def({ column: 'wage', known: ['destination_population'] as readonly string[] },
    (p) => `column "${p.column}" is not in the data (covariates: ${p.known.join(', ') || 'none'})`),
  'gravity.spec.termTwice': def({ term: 'distance_km' }, (p) => `term "${p.term}" appears twice (or clashes with the cost name)`),
  'gravity.spec.periodEffectsNeedPeriod': def({}, () => 'period effects need data.period'),
  'gravity.spec.perPeriodNeeds': def({}, () => 'needs data.period and a constrained model'),
  'gravity.spec.notInUnitInterval': def({ value: '1.5' }, (p) => `${p.value} is not in (0, 1)`),
  'gravity.spec.notPositiveInteger': def({ value: '0' }, (p) => `${p.value} is not a positive integer`),
  'gravity.spec.clusterNotArray': def({}, () => 'must be an array of dimension names'),
  'gravity.spec.clusterTooMany': def({ count: 5 }, (p) => `${p.count} dimensions: at most 4 (the terms of the multiway formula double with each)`),

  // Values the fit cannot take (src/models/gravity/design.ts): the first bad row, its pair by
  // region code and the row number a user sees (a file's line, else the row's place).
  'gravity.data.flowBad': def({ value: '-3', origin: { code: '210100' } as Place, destination: { code: '110000' } as Place, row: 12 },
    (p) => `flow ${p.value} of ${p.origin.code} -> ${p.destination.code} (row ${p.row}) is not a finite number >= 0`),
  /** `power`: the cost is logged (power decay), so it must be positive; else it must be finite. */
  'gravity.data.costBad': def({ value: '0', origin: { code: '210100' } as Place, destination: { code: '210200' } as Place, row: 12, power: true as boolean },
    (p) => `cost ${p.value} of ${p.origin.code} -> ${p.destination.code} (row ${p.row}) ${p.power ? 'is not positive; power decay takes log(cost)' : 'is not finite'}`),
  'gravity.data.termBad': def({ term: 'destination_wage', value: '0', origin: { code: '210100' } as Place, destination: { code: '110000' } as Place, row: 12, logged: true as boolean },
    (p) => `${p.term} = ${p.value} for ${p.origin.code} -> ${p.destination.code} (row ${p.row}) ${p.logged ? 'is not positive (the term is logged)' : 'is not finite'}`),
  'gravity.data.offsetBad': def({ value: 'Infinity', origin: { code: '210100' } as Place, destination: { code: '110000' } as Place, row: 12 },
    (p) => `offset ${p.value} of ${p.origin.code} -> ${p.destination.code} (row ${p.row}) is not finite`),
  'gravity.data.noRowsLeft': def({}, () => 'no rows left to fit (every row is intra-regional, missing a value or has zero flow in its group)'),
  'gravity.data.allZero': def({}, () => 'every flow is zero: nothing to fit'),
  'gravity.data.tooFewRows': def({}, () => 'needs at least two rows'),

  // Terms the data cannot identify (src/models/gravity/diagnostics.ts).
  /** `effects` the fixed-effect dimensions (origin, destination, period, origin^period...); none: the intercept. */
  'gravity.collinearWithEffects': def({ term: 'origin_population', effects: ['origin'] as readonly string[] },
    (p) => `term "${p.term}" is collinear with ${p.effects.length ? `the ${p.effects.join(' and ')} fixed effects` : 'the intercept'} (it does not vary within them), so its coefficient is not identified; drop it or change the constraint`),
  'gravity.collinear': def({ term: 'destination_urban_population', partners: ['destination_population'] as readonly string[] },
    (p) => `term "${p.term}" is collinear with ${p.partners.length ? p.partners.map((x) => `"${x}"`).join(', ') : 'earlier terms'} (after the fixed effects are removed), so the coefficients are not identified; drop one of them`),
};
