import { def, type CodedParam } from './message.ts';

/**
 * Notes and warnings of a gravity fit: rows the data step left out or summed (src/models/gravity/
 * design.ts, src/store/queries/model-data.ts) and what the estimates cannot say (fit.ts,
 * vcov.ts). Quoted values ("210100") are region codes or levels of a factor: a front-end may name
 * the regions.
 */
/**
 * What a fit's offset is (`--offset`): a file's column, an indicator of the flow's origin or
 * destination, or the distance between centroids; `name` the column or indicator (null for the
 * distance), `file` the file (null for stored flows).
 */
export type OffsetParams = { readonly source: 'file' | 'origin' | 'destination' | 'distance'; readonly name: string | null; readonly file: string | null; readonly log: boolean };

function offsetEn(p: OffsetParams): string {
  const entering = 'entering the linear predictor with coefficient 1';
  if (p.source === 'file') return `${p.log ? 'log of ' : ''}column "${p.name}" of ${p.file}, ${entering}`;
  const what = p.source === 'distance'
    ? 'great-circle distance between the centroids (km)'
    : `indicator "${p.name}" of the ${p.source} in the flow's period (for a range, its first year)`;
  return `${p.log ? 'log of the ' : 'the '}${what}, ${entering}`;
}
const OFFSET_EXAMPLE: OffsetParams = { source: 'destination', name: 'population', file: null, log: true };

export const FIT_MESSAGES = {
  // The stored flows a fit read, described as a measure of them describes them (store/queries/flow-provenance.ts):
  // `flowsZh` the same with the Chinese sources the imports gave.
  'fit.dataFlows': def({ flows: 'observed flows 2019 (Statistics Korea, KOSIS)', flowsZh: '2019 年观测到的流动（韩国统计厅 KOSIS）' },
    (p, f) => `data: ${f.source(p.flows)}`),
  'fit.zeroFilled': def({ pairs: 1260 }, (p) => `${p.pairs} pairs with no stored flow entered as zero flows`),
  'fit.intraLeftOut': def({ rows: 31 }, (p) => `${p.rows} intra-regional rows (origin = destination) were left out; set intra: true to keep them`),
  'fit.missingLeftOut': def({ rows: 5, byColumn: ['cost 2', 'destination_wage 3'] },
    (p) => `${p.rows} rows with missing values were left out (by column: ${p.byColumn.join(', ')})`),
  'fit.duplicatesSummed': def({ rows: 4 },
    (p) => `${p.rows} duplicate rows (same origin, destination, period and categories) were summed into the first row of their key`),
  'fit.zeroFlows': def({ zeros: 120, rows: 930 },
    (p) => `${p.zeros} of ${p.rows} rows have zero flow; they are kept (Poisson PML uses zero flows, unlike a log-linear OLS fit)`),
  /** `role` origin, destination or other (then `name` is the factor's); `none` outflow, inflow or flow. */
  'fit.emptyLevel': def({ role: 'origin', name: 'origin', value: '210100', period: '2019' as string | null, none: 'outflow', rows: 30 },
    (p) => `${p.role === 'other' ? `${p.name} "${p.value}"` : p.period !== null ? `${p.role} "${p.value}" in period "${p.period}"` : `${p.role} "${p.value}"`} has no ${p.none}: its ${p.rows} rows were dropped (its effect would be -Infinity; R's glm reports a huge negative coefficient instead)`),
  'fit.emptyLevelsMore': def({ more: 12, name: 'origin', none: 'outflow' },
    (p) => `... and ${p.more} more levels of ${p.name} with no ${p.none} (their rows were dropped too)`),
  /** `reason` the stop reason in English, `stop` its code and parameters (convergence.ts; null in results saved before). */
  'fit.notConverged': def({ reason: 'reached maxIterations (100) before the Newton step fell below the tolerance', stop: { code: 'stop.ppml.maxIterations', params: { maxIterations: 100 } } as CodedParam | null },
    (p) => `not converged: ${p.reason}`),
  'fit.clusterNegative': def({ ways: 2, coefficient: 3 },
    (p) => `the ${p.ways}-way clustered variance of coefficient ${p.coefficient} is negative (inclusion-exclusion need not be positive definite); it has no standard error (reported as not a number)`),
  /** A fit's offset in words (the result's `offset.definition`). */
  'fit.offsetDefinition': def(OFFSET_EXAMPLE, offsetEn),
  /** The CLI's note on the offset a fit used: `term` as the user gave it. */
  'fit.offsetNote': def({ term: 'distance', ...({ source: 'distance', name: null, file: null, log: false } as OffsetParams) }, (p) => `offset ${p.term}: ${offsetEn(p)}`),
  /** The model was saved under `name` (in `workspace`, where the front-end names it). */
  'fit.savedAs': def({ name: 'korea-2019', workspace: 'demo' as string | null }, (p) => `saved as model "${p.name}"${p.workspace !== null ? ` in ${p.workspace}` : ''}`),
  'fit.singleCluster': def({}, () => 'a cluster dimension has a single cluster: its clustered covariance is not defined'),
  /** A fit on a file (`--flows`) without the option naming one of its columns (`option` as typed: --origin). */
  'fit.flowsNeedsColumn': def({ option: '--origin' }, (p) => `--flows needs ${p.option} COLUMN`),
};
