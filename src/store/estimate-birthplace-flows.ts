import { listValue } from './duckdb/node-api.ts';
import { InputError, SpecError } from '../core/errors.ts';
import { coded, english, withWarnings, type CodedMessage } from '../core/messages/index.ts';
import { haversineMatrix } from '../numeric/index.ts';
import { flowsFromStocks, type FlowsFromStocksResult } from '../models/index.ts';
import { populationsAt } from './queries/flow-table.ts';
import { naturalRatesFromData } from './queries/natural-rates.ts';
import { loadStockMatrix, type LoadedStockMatrix } from './queries/stock-matrix.ts';
import { storeEstimatedFlows } from './store-estimated-flows.ts';
import type { Workspace } from './workspace.ts';

/** Crude birth and death rates, per 1,000 residents a year, applied to every region. */
export interface NaturalRates {
  births: number;
  deaths: number;
}

/**
 * The stated range of natural change used when the workspace holds no births and deaths by
 * region. Central: China's national crude rates averaged over 2000-2010 (NBS, China Statistical
 * Yearbook: birth rate 14.03 in 2000 falling to 11.90 per 1,000 in 2010, mean about 12.5; death
 * rate 6.45 rising to 7.11, mean about 6.7). Low and high bound the provinces of that decade:
 * natural increase of about 2 per 1,000 (the Northeast) to about 9 (the West).
 */
export const NATURAL_RANGE: Readonly<Record<'low' | 'central' | 'high', NaturalRates>> = {
  low: { births: 9.5, deaths: 7.5 },
  central: { births: 12.5, deaths: 6.7 },
  high: { births: 15, deaths: 6 },
};

export interface BirthplaceFlowsRequest {
  /** Census years of the two stock tables (birthplace x residence), e.g. 2000 and 2010. */
  from: number;
  to: number;
  /** Rows and columns (codes or names). Default: every region of the start table. */
  regions?: readonly string[];
  /**
   * Indicator with each region's resident population at both census years, used for the people
   * living in their region of birth when a table does not hold them. Default "population".
   */
  population?: string;
  /**
   * Natural change: given rates, 'none' (births = deaths = 0), 'range' (the stated range), or
   * 'data' (the workspace's birth and death rates by region: src/store/queries/natural-rates.ts).
   * Default: 'data' when every region has them, otherwise 'range'.
   */
  natural?: NaturalRates | 'none' | 'range' | 'data';
  /** migest's stayer assumption (default true: a minimum-migration estimate). */
  stayerAssumption?: boolean;
  /**
   * With stayerAssumption false: the log-linear prior (migest's seed) is distance^-power between
   * regions (centroid distances) and a weight on staying, chosen so that the estimate moves
   * `totalMoves` people, or `movesFactor` times as many as the minimum-migration estimate
   * (default 1.5: an assumption, stated in the result; at 1 the prior changes nothing, since the
   * minimum is then the only table). Without a prior, migest's independence fit would move most
   * of the population.
   */
  prior?: { distancePower?: number; totalMoves?: number; movesFactor?: number };
  /** IPF tolerance (default 1e-3, migest's; 1e-8 or less for a converged estimate). */
  tolerance?: number;
  /** Store the central estimate as the flows of the period FROM-TO. */
  store?: boolean;
}

export interface BirthplaceFlowsOutcome {
  result: FlowsFromStocksResult;
  period: string;
  /** In persons: sample counts are divided by their sampling rate. */
  unit: 'persons';
  definition: string;
  source: string;
  /** Net migration per region under the low, central and high natural change (range only). */
  naturalRange: { code: string; low: number; central: number; high: number }[] | null;
  stored: number;
  warnings: string[];
  /** `warnings` coded, in the same order, for a front-end in another language. */
  messages: { warnings: CodedMessage[] };
}

/**
 * Flows between two censuses from the two birthplace x residence tables stored in the
 * workspace (Abel 2013, Demographic Research 28(18); the R migest ffs_demo port in
 * src/models/stocks/ffs). Tables in sample counts are turned into persons by their sampling rate;
 * the diagonal (people living in their region of birth), which census migration tables leave
 * out, is each region's census population minus the people born elsewhere who live there.
 */
export async function estimateBirthplaceFlows(ws: Workspace, req: BirthplaceFlowsRequest): Promise<BirthplaceFlowsOutcome> {
  if (!(req.to > req.from)) throw new SpecError(`--to ${req.to} must be after --from ${req.from}`, 'to');
  const start = await loadStockMatrix(ws, { date: req.from, regions: req.regions, persons: true, fill: 0 });
  const end = await loadStockMatrix(ws, { date: req.to, regions: start.regions, persons: true, fill: 0 });
  const regions = start.regions;
  const n = regions.length;
  const populationName = req.population ?? 'population';
  const p0 = await withDiagonal(ws, start, populationName);
  const p1 = await withDiagonal(ws, end, populationName);
  const years = req.to - req.from;
  const spec = { stayerAssumption: req.stayerAssumption ?? true, tolerance: req.tolerance };
  let seed: Float64Array | undefined;
  const fromData = req.natural === undefined || req.natural === 'data' ? await naturalRatesFromData(ws, regions, req.from, req.to) : null;
  if (req.natural === 'data' && !fromData) throw new InputError(coded('stocks.naturalDataMissing', { from: req.from, to: req.to }));
  // Births and deaths per 1,000 a year for region i, from data or one rate for all.
  const rateOf = (rates: NaturalRates | null, i: number): NaturalRates | null => (fromData && rates === DATA ? { births: fromData.births[i], deaths: fromData.deaths[i] } : rates === DATA ? null : rates);
  const run = (rates: NaturalRates | null, stayers = spec.stayerAssumption) => {
    const births = new Float64Array(n);
    const deaths = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rateOf(rates, i);
      if (!r) continue;
      const mid = (p0.residents[i] + p1.residents[i]) / 2;
      // A negative growth rate alone (more deaths than births) enters as deaths.
      births[i] = (Math.max(r.births, 0) / 1000) * years * mid;
      deaths[i] = ((r.deaths + Math.max(-r.births, 0)) / 1000) * years * mid;
    }
    return flowsFromStocks({ regions, stockStart: p0.values, stockEnd: p1.values, births, deaths, seed: stayers ? undefined : seed }, { ...spec, stayerAssumption: stayers });
  };
  const natural = req.natural ?? (fromData ? 'data' : 'range');
  const centralRates = natural === 'none' ? null : natural === 'range' ? NATURAL_RANGE.central : natural === 'data' ? DATA : natural;
  let prior: CodedMessage | null = null;
  if (!spec.stayerAssumption) {
    const power = req.prior?.distancePower ?? 1;
    const minimum = totalOf(run(centralRates, true));
    const factor = req.prior?.movesFactor ?? 1.5;
    const target = req.prior?.totalMoves ?? factor * minimum;
    if (!(target > minimum)) throw new SpecError(coded('stocks.priorTooFew', { minimum: Math.round(minimum) }), 'prior');
    const distance = await centroidDistances(ws, regions);
    const fitted = calibrateStayerWeight((w) => {
      seed = distancePrior(distance, n, power, w);
      return totalOf(run(centralRates));
    }, target);
    seed = distancePrior(distance, n, power, fitted);
    const given = req.prior?.totalMoves !== undefined;
    prior = coded('stocks.assumption.prior', { power, weight: fitted.toPrecision(4), target: Math.round(target), factor: given ? null : factor, minimum: given ? null : Math.round(minimum) });
  }
  const result = run(centralRates);
  let naturalRange: BirthplaceFlowsOutcome['naturalRange'] = null;
  if (natural === 'range') {
    const low = run(NATURAL_RANGE.low);
    const high = run(NATURAL_RANGE.high);
    naturalRange = regions.map((code) => ({ code, low: low.net[code], central: result.net[code], high: high.net[code] }));
  }
  const naturalAssumption = natural === 'data' ? coded('stocks.assumption.naturalData', { growth: fromData!.growth, span: fromData!.span }) : centralRates
    ? coded('stocks.assumption.naturalRates', {
      births: centralRates.births, deaths: centralRates.deaths, range: natural === 'range',
      lowBirths: NATURAL_RANGE.low.births, lowDeaths: NATURAL_RANGE.low.deaths, highBirths: NATURAL_RANGE.high.births, highDeaths: NATURAL_RANGE.high.deaths,
    })
    : coded('stocks.assumption.naturalNone', {});
  const sourceZh = await sourcesZh(ws, start, end);
  const codedSource = coded('stocks.birthplace.source', {
    definition: start.definition, from: req.from, to: req.to, source: start.source, endSource: end.source !== start.source ? end.source : null,
    definitionZh: sourceZh.definition, sourceZh: sourceZh.start, endSourceZh: end.source !== start.source ? sourceZh.end : null, fromRate: start.samplingRate, toRate: end.samplingRate, population: populationName,
  });
  const codedDefinition = coded('stocks.birthplace.definition', { from: req.from, to: req.to, stayers: spec.stayerAssumption });
  const [source, definition] = [codedSource.message, codedDefinition.message];
  const codedAssumptions = [
    ...result.messages.assumptions,
    naturalAssumption,
    coded('stocks.assumption.sampling', { from: req.from, fromRate: start.samplingRate, to: req.to, toRate: end.samplingRate }),
    coded('stocks.assumption.diagonal', {}),
    ...(prior ? [prior] : []),
  ];
  const assumptions = english(codedAssumptions);
  // The missing diagonal is filled from populations (withDiagonal says so), so the matrix's own warning about it is not passed on.
  const matrixWarnings = (m: LoadedStockMatrix) => m.messages.warnings.filter((w) => w.code !== 'stocks.matrixDiagonal');
  const warned = withWarnings([...matrixWarnings(start), ...matrixWarnings(end), ...p0.warnings, ...p1.warnings, ...result.messages.warnings]);
  const messages = { ...warned.messages, assumptions: codedAssumptions, definition: codedDefinition, source: codedSource };
  const out: BirthplaceFlowsOutcome = {
    result: { ...result, assumptions, definition, source, ...warned, messages }, period: `${req.from}-${req.to}`, unit: 'persons', definition, source, naturalRange, stored: 0, ...warned,
  };
  if (req.store) {
    out.stored = await storeEstimatedFlows(ws, result, out.period, {
      method: `flows from census birthplace tables (Abel 2013, migest ffs_demo)${spec.stayerAssumption ? ' with stayers maximised' : ' with a distance prior'}`,
      source, definition, assumptions, parameters: result.parameters, naturalRange, level: null,
    }, warned.messages.warnings);
  }
  return out;
}

/** Marks "the rates of the data, region by region" where one set of rates is expected. */
const DATA: NaturalRates = Object.freeze({ births: NaN, deaths: NaN });

function totalOf(r: FlowsFromStocksResult): number {
  let t = 0;
  for (const f of r.flow) t += f;
  return t;
}

/** seed[o, d] = distance^-power off the diagonal, `stay` on it (orig x dest, every birthplace alike). */
function distancePrior(distance: Float64Array, n: number, power: number, stay: number): Float64Array {
  const seed = new Float64Array(n * n);
  for (let o = 0; o < n; o++) for (let d = 0; d < n; d++) seed[o * n + d] = o === d ? stay : Math.max(distance[o * n + d], 1) ** -power;
  return seed;
}

/**
 * The weight on staying that moves `target` people. Moves fall smoothly as the weight rises, and
 * log(moves) is close to linear in log(weight), so regula falsi (Illinois variant) on the
 * logarithms, kept inside a bracket, meets the target to 1e-4 of it in a handful of full
 * estimates (each one an IPF over n^3 cells), where bisection needed sixty.
 */
function calibrateStayerWeight(movesAt: (w: number) => number, target: number): number {
  const f = (x: number) => Math.log(movesAt(Math.exp(x))) - Math.log(target);
  let a = Math.log(1e2);
  let b = Math.log(1e10);
  let fa = f(a);
  let fb = f(b);
  if (fb > 0) throw new InputError(coded('stocks.priorNoneSoFew', { target: Math.round(target) }));
  while (fa < 0 && a > Math.log(1e-6)) {
    a -= 4 * Math.LN10;
    fa = f(a);
  }
  let side = 0;
  for (let k = 0; k < 60; k++) {
    const c = (a * fb - b * fa) / (fb - fa);
    const fc = f(c);
    if (Math.abs(fc) < 1e-4) return Math.exp(c);
    if (fc * fb > 0) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return Math.exp((a + b) / 2);
}

async function centroidDistances(ws: Workspace, codes: readonly string[]): Promise<Float64Array> {
  const rows = await ws.db.all<{ code: string; lon: number | null; lat: number | null }>(
    'SELECT code, centroid_lon AS lon, centroid_lat AS lat FROM regions WHERE list_contains(?::VARCHAR[], code)', [listValue([...codes])]);
  const at = new Map(rows.map((r) => [r.code, r]));
  const lon = new Float64Array(codes.length);
  const lat = new Float64Array(codes.length);
  codes.forEach((c, i) => {
    const r = at.get(c);
    if (!r || r.lon === null || r.lat === null) throw new InputError(coded('stocks.noCentroid', { region: c }));
    lon[i] = r.lon;
    lat[i] = r.lat;
  });
  return haversineMatrix(lon, lat);
}

/** The Chinese source lines stored with the two tables and the first table's Chinese definition (import stocks --source-zh, --definition-zh), where there are. */
async function sourcesZh(ws: Workspace, start: LoadedStockMatrix, end: LoadedStockMatrix): Promise<{ start: string | null; end: string | null; definition: string | null }> {
  const at = async (m: LoadedStockMatrix) => (await ws.db.all<{ s: string | null; d: string | null }>('SELECT source_zh AS s, definition_zh AS d FROM stock_tables WHERE import_id = ? AND date = ?', [m.importId, m.date]))[0];
  const [a, b] = [await at(start), await at(end)];
  return { start: a?.s ?? null, end: b?.s ?? null, definition: a?.d ?? null };
}

/**
 * The table with its diagonal filled from census populations where it is missing, and each
 * region's residents (column sums). A population smaller than the people born elsewhere who
 * live there cannot be reconciled and is refused, naming the region.
 */
async function withDiagonal(ws: Workspace, m: LoadedStockMatrix, name: string): Promise<{ values: Float64Array; residents: Float64Array; warnings: CodedMessage[] }> {
  const n = m.regions.length;
  const values = Float64Array.from(m.values);
  const warnings: CodedMessage[] = [];
  if (m.diagonal !== 'stored') {
    const pop = await populationsAt(ws, m.regions, m.date, name);
    for (let j = 0; j < n; j++) {
      if (m.diagonal === 'partial' && values[j * n + j] > 0) continue;
      if (!Number.isFinite(pop[j])) throw new InputError(coded('stocks.noPopulation', { indicator: name, region: m.regions[j], date: m.date }));
      let born = 0;
      for (let i = 0; i < n; i++) if (i !== j) born += values[i * n + j];
      const natives = pop[j] - born;
      if (natives < 0) throw new InputError(coded('stocks.populationTooSmall', { region: m.regions[j], date: m.date, population: Math.round(pop[j]), born: Math.round(born) }));
      values[j * n + j] = natives;
    }
    warnings.push(coded('stocks.diagonalFromPopulation', { date: m.date }));
  }
  const residents = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) residents[j] += values[i * n + j];
  return { values, residents, warnings };
}
