import { def } from './message.ts';

/** An IPF step of the flows-from-stocks port, by the migest function it reproduces (src/models/stocks/ffs). */
const IPF_STEP_EXAMPLE: string = 'ffs_demo: movers (orig x dest x birth)';

/**
 * Warnings of the flows-from-stocks estimate (src/models/stocks/ffs and
 * src/store/estimate-birthplace-flows.ts), so `estimate flows-from-stocks --lang zh` and the page
 * say them in Chinese. `regions` and `region` are codes as the model wrote them.
 */
export const STOCKS_FLOWS_MESSAGES = {
  'stocks.ipfNotConverged': def({ step: IPF_STEP_EXAMPLE, iterations: 1000, change: 0.0021, tolerance: 0.001 },
    (p) => `IPF step "${p.step}" stopped after ${p.iterations} iterations with cells still changing by ${p.change} (> tolerance ${p.tolerance})`),
  'stocks.seedUnused': def({},
    () => 'the seed was not used: with stayerAssumption true, ffs_demo fits a uniform seed off the diagonal (as migest does); set stayerAssumption: false to use it'),
  /** With stayers maximised; `regions` the gaining regions that send under 1% of what they receive. */
  'stocks.minimumMigration': def({ regions: ['440000', '310000'] as readonly string[] }, (p) => {
    const named = p.regions.length ? ` Here ${p.regions.slice(0, 5).join(', ')}${p.regions.length > 5 ? ` and ${p.regions.length - 5} more` : ''} send under 1% of what they receive.` : '';
    return `stayerAssumption is true, so the estimate is close to minimum migration: regions that gain send almost no one.${named} For outflows from gaining regions, use stayerAssumption: false with a distance or gravity seed.`;
  }),
  'stocks.tooManyBirths': def({ region: '440000', births: 1200, natives: 900 },
    (p) => `Too many births in region "${p.region}": ${p.births} births but ${p.natives} natives living there at the end; its births were subtracted in proportion to all its residents by birthplace (migest birth_mat). Check the input data.`),
  // The census-residual estimate (src/models/stocks/flows-from-totals.ts, src/store/estimate-census-flows.ts).
  'stocks.totalsNotConverged': def({ sweeps: 100000, change: 0.0012, marginError: 0.034 },
    (p) => `IPF stopped after ${p.sweeps} sweeps with relative change ${p.change.toExponential(2)}; largest margin error ${p.marginError.toExponential(2)} (totals may be infeasible, e.g. one region receiving more than all others send)`),
  'stocks.regionsSkipped': def({ regions: ['210100', '210200'] as readonly string[] },
    (p) => `${p.regions.length} regions without both populations were left out: ${p.regions.slice(0, 12).join(', ')}${p.regions.length > 12 ? ', ...' : ''}`),
  'stocks.diagonalFromPopulation': def({ date: 2000 },
    (p) => `${p.date}: people living in their region of birth taken as census population minus residents born elsewhere (the table does not hold them)`),
};
