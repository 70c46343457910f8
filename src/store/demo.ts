import { existsSync, mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConflictError } from '../core/errors.ts';
import { DEMO_COHORTS, NORTHEAST_UNIVERSITIES, generateCohorts, type SyntheticRegion } from '../sim/synthetic/index.ts';
import { importFlows, type ImportSummary } from './import/import-flows.ts';
import { importGeometry } from './import/import-geometry.ts';
import { importGroups } from './import/import-groups.ts';
import { importIndicators } from './import/import-indicators.ts';
import { importPersons } from './import/import-persons.ts';
import { fitGravity, type GravitySpec } from '../models/index.ts';
import { estimateBirthplaceFlows } from './estimate-birthplace-flows.ts';
import { saveModel } from './models.ts';
import { gravityDataFromWorkspace } from './queries/model-data.ts';
import { importRegions } from './import/import-regions.ts';
import { importStocks, type ImportStocksOptions } from './import/import-stocks.ts';
import { closeWorkspace, openWorkspace, type Workspace } from './workspace.ts';

/** The bundled data sets, in import order. Each folder holds SOURCE.md with source and licence. */
export const DEMO_SETS = ['china', 'korea', 'austria', 'ny'] as const;

export const BUNDLED_DATA_DIR = resolve(fileURLToPath(new URL('../../data', import.meta.url)));

export interface DemoOptions {
  dataDir?: string;
  /** Rebuild a workspace that already exists (only one made by `demo`). */
  force?: boolean;
  onStep?: (set: string, file: string) => void;
  /** Seed of the synthetic graduate cohort. Default 2016 (fixed, so every demo has the same records). */
  cohortSeed?: number;
  /** Leave out the China province flows 2000-2010 estimated from the census birthplace tables (and the model fitted to them). Default false. */
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
  source: 'China 2000 and 2010 censuses (NBS), long-form table of population by province of residence and province of birth, ' +
    'transcribed in vis2014/Assignment3; 2010 total verified against the published 102.3 million, cells unverified',
};

/**
 * Parameters of the demo cohort that differ from the generator's defaults, and why. The bundled
 * China data carry no income, so the income proxy is the 2020 urbanisation rate (urban / total
 * population) of each city, which tracks income per head across Chinese cities; with it the
 * size, distance and income elasticities below make Beijing, Shanghai, Shandong and Guangdong
 * four of the top five destinations outside Liaoning, the published 2016 pattern (issue 4;
 * docs/reports.md shows the scan). Assumptions, not estimates.
 */
export const DEMO_COHORT_OPTIONS = { bIncome: 8, bSize: 1, bDist: 0.8 } as const;

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
      await fitDemoModel(ws);
    }
    if (!options.noCohort) {
      options.onStep?.('synthetic', 'graduates (NEU, DUT 2015-2016)');
      done.push(await importDemoCohort(ws, options.cohortSeed ?? 2016));
    }
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
  await step('flows.csv', (f) => importFlows(ws, f));
  await step('indicators.csv', (f) => importIndicators(ws, f));
  // China only: NBS provincial series and 2000 census populations (each row names its source),
  // and the census birthplace stock tables.
  await step('nbs_province_indicators.csv', (f) => importIndicators(ws, f));
  await step('census_birthplace_2000_2010.csv', (f) => importStocks(ws, f, CHINA_CENSUS_STOCKS));
  return out;
}

/**
 * The synthetic graduate cohort of the demo: DEMO_COHORTS of NORTHEAST_UNIVERSITIES drawn by
 * src/sim/synthetic over the workspace's China cities (2020 census population, polygon
 * centroid, province; income proxy: urbanisation rate, see DEMO_COHORT_OPTIONS), written as
 * person records with synthetic = true through the ordinary person importer. Cities without an
 * urban population figure cannot carry the proxy and are not destinations.
 */
export async function importDemoCohort(ws: Workspace, seed: number): Promise<ImportSummary> {
  const rows = await ws.db.all<{ code: string; province: string; lon: number; lat: number; population: number; urban: number }>(
    `SELECT r.code, r.parent AS province, r.centroid_lon AS lon, r.centroid_lat AS lat, p.value AS population, u.value AS urban
     FROM regions r JOIN indicators p ON p.region = r.code AND p.name = 'population' AND p.period = '2020'
     JOIN indicators u ON u.region = r.code AND u.name = 'urban_population' AND u.period = '2020'
     WHERE r.level = 'city' AND r.centroid_lon IS NOT NULL AND p.value > 0 ORDER BY r.code`);
  const regions: SyntheticRegion[] = rows.map((r) => ({ code: r.code, province: r.province, population: r.population, lon: r.lon, lat: r.lat, income: r.urban / r.population }));
  const result = generateCohorts(regions, NORTHEAST_UNIVERSITIES, DEMO_COHORTS, { seed, ...DEMO_COHORT_OPTIONS });
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-demo-'));
  const file = join(dir, 'synthetic-graduates.csv');
  const cell = (v: string | number | boolean | null) => (v === null ? '' : String(v));
  const cols = ['id', 'year', 'university', 'degree', 'major', 'home_region', 'study_region', 'destination', 'employer_type', 'monthly_salary', 'synthetic'] as const;
  const lines = [cols.join(','), ...result.records.map((r) => cols.map((c) => cell(r[c])).join(','))];
  try {
    await writeFile(file, lines.join('\n') + '\n');
    const summary = await importPersons(ws, file, { synthetic: true });
    return { ...summary, notes: [`synthetic: seed ${seed}; stay-share calibration ${result.calibration.map((c) => `${c.university} ${(100 * c.expectedShare).toFixed(1)}%`).join(', ')}`, ...result.warnings] };
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

async function fitDemoModel(ws: Workspace): Promise<void> {
  const { data } = await gravityDataFromWorkspace(ws, CHINA_PROVINCE_MODEL.selection);
  const spec = CHINA_PROVINCE_MODEL.spec;
  await saveModel(ws, CHINA_PROVINCE_MODEL.name, 'gravity', spec, fitGravity(data, spec), { replace: true });
}
