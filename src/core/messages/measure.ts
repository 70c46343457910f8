import { def, type Place } from './message.ts';

/**
 * Warnings of a measure (src/app/measure, src/metrics, the flows it loads in src/store/queries/
 * flow-table.ts): what the numbers leave out or cannot say. Regions are named by code in English,
 * as the CLI has always printed them (a population after the code); a front-end names them in
 * its language.
 */
const CITIES: readonly Place[] = [{ code: '210100', zh: '沈阳市', en: 'Shenyang' }, { code: '220100', zh: '长春市', en: 'Changchun' }];
const codes = (ps: readonly Place[], count: number) => `${ps.slice(0, 10).map((x) => x.code).join(', ')}${count > 10 ? ', ...' : ''}`;

export const MEASURE_MESSAGES = {
  'measure.census.fallback': def({ from: '2010', to: '2020' },
    (p) => `no stored flows for this selection and period: net migration ${p.from}-${p.to} is estimated from the two censuses`),
  'measure.census.skipped': def({ count: 2, regions: CITIES },
    (p) => `${p.count} region(s) skipped for a missing population or natural change: ${codes(p.regions, p.count)}`),
  'measure.census.naturalIgnored': def({}, () => 'natural change ignored (annualRate 0): net migration is the whole population change'),
  'measure.noFlowsAtLevel': def({ period: '2019' },
    (p) => `no flows ${p.period} at this level or selection: every value is unknown (null), not 0`),
  'measure.onePeriodOnly': def({ regions: CITIES },
    (p, f) => `regions in one period only: ${p.regions.slice(0, 10).map(f.place).join(', ')}`),
  'measure.periodsSummed': def({ periods: 3, first: '2000-2010', last: '2015-2020' },
    (p) => `no --period given: flows of ${p.periods} periods (${p.first} … ${p.last}) are summed`),
  'measure.noAncestor': def({ rows: 14, level: 'province' },
    (p) => `${p.rows} stored flow row(s) have an end with no ancestor at level ${p.level} and are left out`),
  'measure.groupOneUnit': def({ group: { code: 'northeast', zh: '东北', en: 'Northeast' } as Place, internal: 28001 },
    (p) => `${p.group.code} is one unit: ${p.internal.toLocaleString('en-US')} moves between its members are internal and left out`),
  'measure.noPopulation': def({ count: 2, regions: CITIES, populations: ['0', '-12'] as readonly string[] },
    (p) => `no usable population (missing, zero or negative) for ${p.count} region(s), their rates are null: ${p.regions.slice(0, 10).map((x, i) => `${x.code} (${p.populations[i]})`).join(', ')}${p.count > 10 ? ', ...' : ''}`),
  'measure.noRegionsInside': def({ level: 'city' as string | null, ref: 'KR', levels: ['province'] },
    (p) => `no regions${p.level ? ` of level ${p.level}` : ''} inside ${p.ref}${p.levels.length ? `; levels inside ${p.ref}: ${p.levels.join(', ')}` : ''}`),
  'measure.retention.noStayers': def({},
    () => 'the table has no origin = destination rows, so no stayers: retention needs the cohort table including the diagonal'),
};
