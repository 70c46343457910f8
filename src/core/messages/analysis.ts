import { def } from './message.ts';

/**
 * Definitions of measures (src/app/measure). A `flows` parameter is the
 * stored flows' own description (written by whoever imported or estimated them): a front-end
 * shows it as stored, or translates the estimators' sentences it knows. Its `…Zh` twin is the
 * same with the Chinese sources the imports gave (`--source-zh`), for a Chinese template; the
 * English templates never read it.
 */
const FLOWS = 'flows 2010-2020 estimated from two census birthplace tables (Abel 2013, migest ffs_demo, distance prior), in persons';

export const ANALYSIS_MESSAGES = {
  'measure.definition': def({ measure: 'net', flows: FLOWS, flowsZh: FLOWS },
    (p, f) => `${p.measure === 'net' ? 'net migration (in-flows minus out-flows)' : p.measure} of ${f.source(p.flows)}`),
  'measure.changeDefinition': def({ of: 'net', from: '2000-2010', fromFlows: FLOWS, fromFlowsZh: FLOWS, to: '2010-2020', toFlows: FLOWS, toFlowsZh: FLOWS },
    (p, f) => `change of ${p.of} from ${p.from} (${f.source(p.fromFlows)}) to ${p.to} (${f.source(p.toFlows)})`),
  'measure.census.definition': def({ from: '2010', to: '2020' },
    (p) => `census residual net migration ${p.from}-${p.to}: population change minus assumed natural change (estimated)`),
  'measure.census.popChangeDefinition': def({ from: '2010', to: '2020' },
    (p) => `population change between the censuses ${p.from} and ${p.to} (natural change not removed: not net migration)`),
};
