import { existsSync, mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConflictError } from '../core/errors.ts';
import { DEMO_COHORTS, NORTHEAST_UNIVERSITIES, generateCohorts, type SyntheticProvince } from '../sim/synthetic/index.ts';
import { importFlows, type ImportSummary } from './import/import-flows.ts';
import { importGeometry } from './import/import-geometry.ts';
import { importGroups } from './import/import-groups.ts';
import { importIndicators } from './import/import-indicators.ts';
import { importPersons } from './import/import-persons.ts';
import type { GravitySpec } from '../models/index.ts';
import { estimateBirthplaceFlows } from './estimate-birthplace-flows.ts';
import { estimateCensusFlows } from './estimate-census-flows.ts';
import { fitExampleModels, fitSavedGravity } from './demo-models.ts';
import { importRegions } from './import/import-regions.ts';
import { importStocks, type ImportStocksOptions } from './import/import-stocks.ts';
import { closeWorkspace, openWorkspace, type Workspace } from './workspace.ts';
import { BUNDLED_DATA_DIR } from './bundled-data.ts';

/** The bundled data sets, in import order. Each folder holds SOURCE.md with source and licence. */
export const DEMO_SETS = ['china', 'korea', 'austria', 'ny'] as const;

export { BUNDLED_DATA_DIR };

/** The citation lines of data/README.md for each set's flows.csv, stored as the flows' source, with their Chinese beside them. */
const FLOW_SOURCES: Record<string, { source: string; sourceZh: string }> = {
  korea: { source: 'Source: Statistics Korea, KOSIS, Internal Migration Statistics (DT_1B26003_A01)', sourceZh: '来源：韩国统计厅 KOSIS，国内人口迁移统计（DT_1B26003_A01）' },
  austria: { source: 'Migration between Austrian NUTS-2 regions, 2006: Dennett (2012) / PySAL spint', sourceZh: '奥地利 NUTS-2 地区间的迁移，2006 年：Dennett (2012) / PySAL spint' },
  ny: { source: 'Commuting flows 2011: US Census Bureau, via scikit-mobility', sourceZh: '2011 年通勤流动：美国人口普查局，经 scikit-mobility 整理' },
};

export interface DemoOptions {
  dataDir?: string;
  /** Rebuild a workspace that already exists (only one made by `demo`). */
  force?: boolean;
  onStep?: (set: string, file: string) => void;
  /** Seed of the synthetic graduate cohort. Default 2016 (fixed, so every demo has the same records). */
  cohortSeed?: number;
  /** Leave out China's estimated flows (provinces 2000-2010 from the birthplace tables, cities 2010-2020 from populations) and the model fitted to them. Default false. */
  noEstimate?: boolean;
  /** Leave the synthetic graduate cohort out. Default false. */
  noCohort?: boolean;
}

/**
 * How the demo reads data/china/census_birthplace_2000_2010.csv (see data/china/SOURCE.md): the
 * censuses' long-form tables of population by province of residence and province of birth, in
 * sample counts; the long form covered 9.5 % of the population in 2000 and 10 % in 2010 (the 2010
 * total times 10 is the published 102.3 million people living outside their province of birth).
 */
export const CHINA_CENSUS_STOCKS: ImportStocksOptions = {
  unit: 'sample',
  samplingRate: '2000=0.095,2010=0.1',
  definition: 'census lifetime migrants (birthplace -> residence), long-form sample counts',
  definitionZh: '普查终身迁移人口（出生地 → 现住地），长表抽样数',
  source: 'China 2000 and 2010 censuses (NBS), long-form table of population by province of residence and province of birth, ' +
    'transcribed in vis2014/Assignment3; 2010 total verified against the published 102.3 million, cells unverified',
  sourceZh: '中国 2000 年与 2010 年人口普查（国家统计局）长表：按现住省份与出生省份分的人口，经 vis2014/Assignment3 转录；' +
    '2010 年合计已与公布的 1.023 亿人核对，各单元格未核对',
};

/**
 * Options of the demo cohort: the generator's documented coefficients (DEFAULT_COEFFICIENTS in
 * src/sim/synthetic/coefficients.ts, table in docs/synthetic-cohort.md), with is_study calibrated
 * so that 25 % of the employed 2016 graduates are expected to stay in Liaoning ("about a
 * quarter", the 2016 employment reports of NEU and DUT as quoted in issue 4). Assumptions, not
 * estimates.
 */
export const DEMO_COHORT_OPTIONS = { stayShareTarget: 0.25, calibrationYear: 2016 } as const;

/**
 * Builds a workspace from all bundled real data through the ordinary importers: China's cities
 * and provinces (2010/2020 censuses) with boundaries and region groups, NBS provincial indicators,
 * the 2000 census provincial populations and the 2000/2010 census birthplace stock tables, Korea's 17 regions with
 * flows 2012-2020, Austria's 9 regions and New York's counties with their flows.
 */
export async function createDemoWorkspace(path: string, options: DemoOptions = {}): Promise<ImportSummary[]> {
  const full = resolve(path);
  if (existsSync(full)) {
    const ws = await openWorkspace(full);
    const isDemo = await ws.db.one<{ value: string }>("SELECT value FROM meta WHERE key = 'demo'");
    const n = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM imports');
    closeWorkspace(ws);
    if (Number(n?.n ?? 0) > 0 && !isDemo) throw new ConflictError(`${path} already holds a workspace that demo did not make; choose another --workspace`);
    if (Number(n?.n ?? 0) > 0 && !options.force) throw new ConflictError(`${path} already holds the demo workspace; use --force to rebuild it`);
    await rm(full, { force: true });
    await rm(full + '.wal', { force: true });
  }
  const dir = options.dataDir ?? BUNDLED_DATA_DIR;
  const ws = await openWorkspace(full);
  const done: ImportSummary[] = [];
  try {
    await ws.db.run("INSERT OR REPLACE INTO meta VALUES ('demo', 'true')");
    for (const set of DEMO_SETS) done.push(...(await importSet(ws, join(dir, set), set, options)));
    if (!options.noEstimate) {
      options.onStep?.('china', 'province flows 2000-2010 estimated from the two census birthplace tables');
      done.push(await estimateDemoFlows(ws));
      options.onStep?.('china', `gravity model ${CHINA_PROVINCE_MODEL.name} fitted to those flows`);
      await fitSavedGravity(ws, CHINA_PROVINCE_MODEL);
      options.onStep?.('china', 'city flows 2010-2020 estimated from census population change (stated gross rate and natural-change range)');
      done.push(await estimateDemoCityFlows(ws));
    }
    if (!options.noCohort) {
      options.onStep?.('synthetic', 'graduates (NEU, DUT 2015-2016)');
      done.push(await importDemoCohort(ws, options.cohortSeed ?? 2016));
    }
    // The models the example scenarios name, so the Scenario tab works on first open.
    await fitExampleModels(ws, { cohort: !options.noCohort, onStep: options.onStep });
  } catch (e) {
    closeWorkspace(ws);
    await rm(full, { force: true });
    throw e;
  }
  closeWorkspace(ws);
  return done;
}

async function importSet(ws: Workspace, dir: string, set: string, options: DemoOptions): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  const step = async (file: string, fn: (f: string) => Promise<ImportSummary>) => {
    const f = join(dir, file);
    if (!existsSync(f)) return;
    options.onStep?.(set, file);
    out.push(await fn(f));
  };
  await step('regions.csv', (f) => importRegions(ws, f, { indicators: false }));
  await step('regions.geojson', (f) => importGeometry(ws, f, { key: 'code' }));
  await step('groups.json', (f) => importGroups(ws, f));
  await step('flows.csv', (f) => importFlows(ws, f, { ...FLOW_SOURCES[set] }));
  await step('indicators.csv', (f) => importIndicators(ws, f));
  // China only: NBS provincial series and 2000 census populations (each row names its source),
  // and the census birthplace stock tables.
  await step('nbs_province_indicators.csv', (f) => importIndicators(ws, f));
  await step('census_birthplace_2000_2010.csv', (f) => importStocks(ws, f, CHINA_CENSUS_STOCKS));
  return out;
}

/**
 * The synthetic graduate cohort of the demo: DEMO_COHORTS of NORTHEAST_UNIVERSITIES drawn by
 * src/sim/synthetic (docs/synthetic-cohort.md) and written as person records with
 * synthetic = true through the ordinary person importer. Inputs read from the workspace:
 * - provinces (the alternatives): centroid, and for each cohort year the NBS indicators
 *   disposable_income_pc (yuan), population_year_end (10k persons, converted to persons),
 *   urban_rail_transit_length (km; a province with no row had no urban rail that year, read as
 *   0) and weather_air_temperature_x10 (converted to degrees C). A province lacking any other
 *   value is an error naming it (the generator's InputError);
 * - cities (homes, and destinations within the chosen province): 2020 census population and
 *   polygon centroid, for the cities of those provinces.
 */
export async function importDemoCohort(ws: Workspace, seed: number): Promise<ImportSummary> {
  const years = [...new Set(DEMO_COHORTS.map((c) => c.year))];
  const names = ['disposable_income_pc', 'population_year_end', 'urban_rail_transit_length', 'weather_air_temperature_x10'];
  const provinceRows = await ws.db.all<{ code: string; lon: number; lat: number }>(
    `SELECT code, centroid_lon AS lon, centroid_lat AS lat FROM regions
     WHERE level = 'province' AND parent = 'CN' AND centroid_lon IS NOT NULL ORDER BY code`);
  const values = await ws.db.all<{ region: string; period: string; name: string; value: number }>(
    `SELECT region, period, name, arg_max(value, import_id) AS value FROM indicators
     WHERE name IN (${names.map((n) => `'${n}'`).join(', ')}) AND period IN (${years.map((y) => `'${y}'`).join(', ')})
     GROUP BY region, period, name`);
  const value = new Map(values.map((v) => [`${v.region}|${v.period}|${v.name}`, v.value]));
  const provinces: SyntheticProvince[] = provinceRows.map((p) => ({
    code: p.code, lon: p.lon, lat: p.lat,
    years: Object.fromEntries(years.map((y) => {
      // A missing value stays undefined, so the generator's check names province, attribute and year.
      const get = (name: string, scale = 1) => { const v = value.get(`${p.code}|${y}|${name}`); return (v === undefined ? v : v * scale) as number; };
      return [y, {
        income: get('disposable_income_pc'), population: get('population_year_end', 1e4),
        railKm: get('urban_rail_transit_length') ?? 0, temperature: get('weather_air_temperature_x10', 0.1),
      }];
    })),
  }));
  const cities = await ws.db.all<{ code: string; province: string; lon: number; lat: number; population: number }>(
    `SELECT r.code, r.parent AS province, r.centroid_lon AS lon, r.centroid_lat AS lat, p.value AS population
     FROM regions r JOIN indicators p ON p.region = r.code AND p.name = 'population' AND p.period = '2020'
     WHERE r.level = 'city' AND r.centroid_lon IS NOT NULL AND p.value > 0
       AND r.parent IN (SELECT code FROM regions WHERE level = 'province' AND parent = 'CN') ORDER BY r.code`);
  const result = generateCohorts({ cities, provinces }, NORTHEAST_UNIVERSITIES, DEMO_COHORTS, { seed, ...DEMO_COHORT_OPTIONS });
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-demo-'));
  const file = join(dir, 'synthetic-graduates.csv');
  const cell = (v: string | number | boolean | null) => (v === null ? '' : String(v));
  const cols = ['id', 'year', 'university', 'degree', 'major', 'home_region', 'study_region', 'destination', 'employer_type', 'monthly_salary', 'synthetic'] as const;
  const lines = [cols.join(','), ...result.records.map((r) => cols.map((c) => cell(r[c])).join(','))];
  const cal = result.calibration;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  try {
    await writeFile(file, lines.join('\n') + '\n');
    const summary = await importPersons(ws, file, { synthetic: true });
    return {
      ...summary,
      notes: [
        `SYNTHETIC graduate records (seed ${seed}), not real people: destination province by a conditional logit with known coefficients over NBS provincial attributes of the graduation year, ` +
          `then the city in proportion to its 2020 census population (docs/synthetic-cohort.md)`,
        `coefficients: ${Object.entries(result.coefficients).map(([k, v]) => `${k} ${+v.toFixed(4)}`).join(', ')}`,
        ...(cal ? [`is_study calibrated to ${cal.isStudy.toFixed(4)} so that ${pct(cal.expectedShare)} of employed ${cal.year} graduates are expected to stay in their study province (${cal.byUniversity.map((u) => `${u.university} ${pct(u.expectedShare)}`).join(', ')})`] : []),
        ...result.warnings,
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * China has no observed flow table that may ship: the demo estimates province flows 2000-2010
 * from the two census birthplace tables (Abel 2013, the migest ffs_demo port; stayers
 * maximised, the stated natural-change range), stored as an estimate whose import record lists
 * method, source and assumptions.
 */
async function estimateDemoFlows(ws: Workspace): Promise<ImportSummary> {
  const outcome = await estimateBirthplaceFlows(ws, { from: 2000, to: 2010, store: true });
  const id = await ws.db.one<{ id: number }>("SELECT max(id) AS id FROM imports WHERE kind = 'estimate'");
  return {
    importId: Number(id?.id), file: 'flows-from-stocks', kind: 'estimate', rows: outcome.stored, format: 'model', encoding: null,
    notes: [outcome.definition, ...outcome.result.assumptions, ...outcome.result.warnings],
  };
}

/**
 * China's cities have no birthplace tables for 2010-2020 (the 2020 census table is not public in
 * machine-readable form): the demo estimates city flows from the two censuses' populations alone
 * (census residual with the national closing natural-change rate shown as a range, a stated
 * gross migration of 0.8% a year so every city both sends and receives, IPF on a gravity prior).
 * A weaker estimate than the province one; its definition says which it is wherever shown.
 */
async function estimateDemoCityFlows(ws: Workspace): Promise<ImportSummary> {
  const outcome = await estimateCensusFlows(ws, { from: 2010, to: 2020, level: 'city', within: 'CN', store: true });
  const id = await ws.db.one<{ id: number }>("SELECT max(id) AS id FROM imports WHERE kind = 'estimate'");
  return {
    importId: Number(id?.id), file: 'flows-from-stocks', kind: 'estimate', rows: outcome.stored, format: 'model', encoding: null,
    notes: [outcome.definition, ...outcome.result.assumptions, ...outcome.result.warnings],
  };
}

/**
 * The model the Northeast scenario example runs on (examples/northeast-stay-subsidy.json): a
 * production-constrained gravity model of the province flows 2000-2010 estimated above, with
 * destination population (2000 census) and GDP per head (NBS, 2000), fitted by Poisson PML.
 * The same specification the dashboard's one-click fit and examples/run-northeast.sh use.
 */
export const CHINA_PROVINCE_MODEL = {
  name: 'china-provinces',
  selection: { periods: ['2000-2010'], within: 'CN', level: 'province', originIndicators: [] as string[], destinationIndicators: ['population', 'gdp_per_capita'] },
  spec: {
    constraint: 'production', decay: 'power', costName: 'distance_km', intra: false, originTerms: [],
    destinationTerms: [{ column: 'destination_population', transform: 'log' }, { column: 'destination_gdp_per_capita', transform: 'log' }],
  } satisfies GravitySpec,
};
