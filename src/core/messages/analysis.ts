import { def, type Place } from './message.ts';

/**
 * Definitions and notes of measures (src/app/measure), rankings (src/rank) and gravity fits
 * (src/store/queries/model-data.ts, src/models/gravity/design.ts). A `flows` parameter is the
 * stored flows' own description (written by whoever imported or estimated them): a front-end
 * shows it as stored, or translates the estimators' sentences it knows.
 */
const CITIES: readonly Place[] = [{ code: '210100', zh: '沈阳市', en: 'Shenyang' }, { code: '220100', zh: '长春市', en: 'Changchun' }];
const FLOWS = 'flows 2010-2020 estimated from two census birthplace tables (Abel 2013, migest ffs_demo, distance prior), in persons';

export const ANALYSIS_MESSAGES = {
  'measure.definition': def({ measure: 'net', flows: FLOWS },
    (p, f) => `${p.measure === 'net' ? 'net migration (in-flows minus out-flows)' : p.measure} of ${f.source(p.flows)}`),
  'measure.changeDefinition': def({ of: 'net', from: '2000-2010', fromFlows: FLOWS, to: '2010-2020', toFlows: FLOWS },
    (p, f) => `change of ${p.of} from ${p.from} (${f.source(p.fromFlows)}) to ${p.to} (${f.source(p.toFlows)})`),
  'measure.census.definition': def({ from: '2010', to: '2020' },
    (p) => `census residual net migration ${p.from}-${p.to}: population change minus assumed natural change (estimated)`),
  'measure.census.popChangeDefinition': def({ from: '2010', to: '2020' },
    (p) => `population change between the censuses ${p.from} and ${p.to} (natural change not removed: not net migration)`),
  'measure.census.fallback': def({ from: '2010', to: '2020' },
    (p) => `no stored flows for this selection and period: net migration ${p.from}-${p.to} is estimated from the two censuses`),
  'measure.noFlowsAtLevel': def({ period: '2019' },
    (p) => `no flows ${p.period} at this level or selection: every value is unknown (null), not 0`),
  'measure.onePeriodOnly': def({ regions: CITIES },
    (p, f) => `regions in one period only: ${p.regions.slice(0, 10).map(f.place).join(', ')}`),
  'rank.excludedMissing': def({ count: 12, regions: CITIES },
    (p, f) => `${f.number(p.count)} region(s) excluded for missing values: ${p.regions.slice(0, 10).map(f.place).join(', ')}${p.count > 10 ? ', ...' : ''}`),
  'rank.exampleIndex': def({},
    () => "demographic vitality of China's prefecture-level cities from the 2010 and 2020 censuses: population growth 2010-2020 (%), share aged 15-59 in 2020 (%), share aged 65+ in 2020 (%, less is better), log population 2020; min-max, equal weights"),
  'fit.zeroFilled': def({ pairs: 1260 }, (p) => `${p.pairs} pairs with no stored flow entered as zero flows`),
  'fit.intraLeftOut': def({ rows: 31 }, (p) => `${p.rows} intra-regional rows (origin = destination) were left out; set intra: true to keep them`),
};
