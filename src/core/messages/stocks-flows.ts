import { def, type CodedParam, type MessageFormat, type MessageParams } from './message.ts';

/** An IPF step of the flows-from-stocks port, by the migest function it reproduces (src/models/stocks/ffs). */
const IPF_STEP_EXAMPLE: string = 'ffs_demo: movers (orig x dest x birth)';

/**
 * Warnings of the flows-from-stocks estimate (src/models/stocks/ffs and
 * src/store/estimate-birthplace-flows.ts), so `estimate flows-from-stocks --lang zh` and the page
 * say them in Chinese. `regions` and `region` are codes as the model wrote them, said through
 * the format's place: a code alone, unless a namer names it (the CLI's, src/cli/message-names.ts).
 */
export const STOCKS_FLOWS_MESSAGES = {
  'stocks.ipfNotConverged': def({ step: IPF_STEP_EXAMPLE, iterations: 1000, change: 0.0021, tolerance: 0.001 },
    (p) => `IPF step "${p.step}" stopped after ${p.iterations} iterations with cells still changing by ${p.change} (> tolerance ${p.tolerance})`),
  'stocks.seedUnused': def({},
    () => 'the seed was not used: with stayerAssumption true, ffs_demo fits a uniform seed off the diagonal (as migest does); set stayerAssumption: false to use it'),
  /** With stayers maximised; `regions` the gaining regions that send under 1% of what they receive. */
  'stocks.minimumMigration': def({ regions: ['440000', '310000'] as readonly string[] }, (p, f) => {
    const named = p.regions.length ? ` Here ${p.regions.slice(0, 5).map((code) => f.place({ code })).join(', ')}${p.regions.length > 5 ? ` and ${p.regions.length - 5} more` : ''} send under 1% of what they receive.` : '';
    return `stayerAssumption is true, so the estimate is close to minimum migration: regions that gain send almost no one.${named} For outflows from gaining regions, use stayerAssumption: false with a distance or gravity seed.`;
  }),
  'stocks.tooManyBirths': def({ region: '440000', births: 1200, natives: 900 },
    (p, f) => `Too many births in region "${f.place({ code: p.region })}": ${p.births} births but ${p.natives} natives living there at the end; its births were subtracted in proportion to all its residents by birthplace (migest birth_mat). Check the input data.`),
  // The census-residual estimate (src/models/stocks/flows-from-totals.ts, src/store/estimate-census-flows.ts).
  'stocks.totalsNotConverged': def({ sweeps: 100000, change: 0.0012, marginError: 0.034 },
    (p) => `IPF stopped after ${p.sweeps} sweeps with relative change ${p.change.toExponential(2)}; largest margin error ${p.marginError.toExponential(2)} (totals may be infeasible, e.g. one region receiving more than all others send)`),
  'stocks.regionsSkipped': def({ regions: ['210100', '210200'] as readonly string[] },
    (p, f) => `${p.regions.length} regions without both populations were left out: ${p.regions.slice(0, 12).map((code) => f.place({ code })).join(', ')}${p.regions.length > 12 ? ', ...' : ''}`),
  /**
   * What a stored estimate warned, said wherever its flows are used (measures, a gravity fit's
   * notes; store/queries/estimate-warnings.ts): `warnings` the estimate's coded warnings,
   * `texts` their English as the estimate printed it, in the same order.
   */
  'stocks.estimateWarned': def({
    warnings: [{ code: 'stocks.regionsSkipped', params: { regions: ['210100', '210200'] } }] as readonly CodedParam[],
    texts: ['2 regions without both populations were left out: 210100, 210200'] as readonly string[],
  }, (p, f) => `the estimate these flows come from warned: ${p.warnings.map((w, i) => quotedEn(w, p.texts[i] ?? w.code, f)).join('; ')}`),
  // Refusals of the request (src/store/flows-from-stocks-method.ts).
  'stocks.method.unknown': def({ method: 'gravity' }, (p) => `"${p.method}" is not a method: birthplace (also called stock-differencing) or census-residual`),
  /** `missing` the years without a stock table; `held` the years the workspace has tables of. */
  'stocks.method.needsTables': def({ method: 'birthplace', from: 2010, to: 2020, missing: ['2020'] as readonly string[], held: ['2000', '2010'] as readonly string[] },
    (p) => `method ${p.method} needs a stock table for ${p.from} and for ${p.to}; there is none for ${p.missing.join(' or ')} (the workspace holds ${p.held.length ? `stock tables of ${p.held.join(', ')}` : 'none: import them with talentflow import stocks FILE'})`),
  /**
   * Options of the other estimator, as the user spelt them; why `method` was chosen: `given` the
   * method named (null when chosen by default), `missing` the years without a stock table.
   */
  'stocks.method.otherFields': def({ fields: ['--level'] as readonly string[], method: 'birthplace', given: null as string | null, missing: [] as readonly string[], from: 2000, to: 2010 },
    (p) => `${p.fields.join(', ')} ${p.fields.length > 1 ? 'apply' : 'applies'} only to the ${p.method === 'birthplace' ? 'census-residual' : 'birthplace'} method, not to ${p.method} (${choiceReason(p)})`),
  // The CLI's flags of `talentflow estimate flows-from-stocks` (src/cli/commands/estimate.ts), as the user typed them.
  'stocks.cli.badNatural': def({ text: '5' }, (p) => `--natural "${p.text}": give BIRTHS:DEATHS per 1,000 a year (e.g. 12.5:6.7), none, range or data`),
  'stocks.cli.badDecay': def({ text: 'foo' }, (p) => `--decay "${p.text}": give power:-1.2 or exponential:-0.002`),
  // Refusals of the data (src/store/estimate-birthplace-flows.ts, estimate-census-flows.ts).
  'stocks.naturalDataMissing': def({ from: 2000, to: 2010 },
    (p) => `natural change from data needs birth_rate and death_rate (or natural_growth_rate) for every region in ${p.from}-${p.to - 1}: import them as indicators, or give rates`),
  'stocks.priorTooFew': def({ minimum: 44577587 },
    (p) => `the prior variant needs more moves than the minimum-migration estimate (${p.minimum}): give a larger total or a factor above 1`),
  'stocks.priorNoneSoFew': def({ target: 1000 }, (p) => `no prior moves as few as ${p.target} people: give a larger total`),
  'stocks.noCentroid': def({ region: '110000' },
    (p, f) => `region ${f.place({ code: p.region })} has no centroid: the distance prior needs one (import its boundary or centroid)`),
  'stocks.noPopulation': def({ indicator: 'population', region: '110000', date: 2000 },
    (p, f) => `no "${p.indicator}" indicator for ${f.place({ code: p.region })} in ${p.date}: it is needed for the people living in their region of birth (import it with talentflow import indicators)`),
  'stocks.populationTooSmall': def({ region: '110000', date: 2000, population: 1200, born: 1500 },
    (p, f) => `${f.place({ code: p.region })} in ${p.date}: population ${p.population} is smaller than the ${p.born} residents born in other regions; the stock table and the population cannot be reconciled`),
  'stocks.tooFewPopulations': def({ level: 'city', from: 2010, to: 2020 },
    (p) => `fewer than two ${p.level} regions have a population for both ${p.from} and ${p.to}`),
  'stocks.diagonalFromPopulation': def({ date: 2000 },
    (p) => `${p.date}: people living in their region of birth taken as census population minus residents born elsewhere (the table does not hold them)`),
};

/** Why the estimator was chosen (the result's estimatorChoice): named, or by the stock tables the workspace holds. */
export function choiceReason(p: { given: string | null; missing: readonly string[]; from: number; to: number }): string {
  if (p.given !== null) return `method ${p.given} given`;
  return p.missing.length
    ? `no stock table for ${p.missing.join(' and ')} in the workspace, so flows come from population change alone`
    : `the workspace holds census stock tables for both ${p.from} and ${p.to}`;
}

/**
 * A warning an estimate stored, said again by its code through `f`, so a format that names
 * regions names those it gave by code (as quotedZh in stocks-flows-zh.ts); a code of another
 * version, or a repetition of a repetition, keeps the English it was stored with.
 */
function quotedEn(w: CodedParam, english: string, f: MessageFormat): string {
  const known = (STOCKS_FLOWS_MESSAGES as unknown as Record<string, { en: (p: MessageParams, f: MessageFormat) => string } | undefined>)[w.code];
  if (!known || w.code === 'stocks.estimateWarned') return english;
  try {
    return known.en(w.params, f);
  } catch {
    return english;
  }
}
