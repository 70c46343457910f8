import type { Database } from './database.ts';
import { StoreError } from '../../core/errors.ts';
import { FLOW_TABLES_SQL, flowsSelect } from '../flow-rows.ts';

/**
 * Forward-only schema migrations. `schema_version` in `meta` records the last one applied; a
 * workspace written by a newer talentflow is refused rather than misread.
 */
const MIGRATIONS: { version: number; description: string; sql: string[] }[] = [
  {
    version: 1,
    description: 'regions, groups, imports, flows, indicators, persons, saved models',
    sql: [
      `CREATE TABLE regions (
         code VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR, level VARCHAR NOT NULL,
         parent VARCHAR, centroid_lon DOUBLE, centroid_lat DOUBLE, area_km2 DOUBLE,
         geometry VARCHAR, aliases VARCHAR[] NOT NULL DEFAULT [], import_id INTEGER)`,
      `CREATE TABLE region_groups (
         code VARCHAR PRIMARY KEY, name_zh VARCHAR, name_en VARCHAR, description VARCHAR,
         members VARCHAR[] NOT NULL, import_id INTEGER)`,
      `CREATE TABLE imports (
         id INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
         rows BIGINT NOT NULL, imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp, options VARCHAR)`,
      `CREATE TABLE flows (
         import_id INTEGER NOT NULL, origin VARCHAR NOT NULL, destination VARCHAR NOT NULL,
         period VARCHAR NOT NULL, period_start SMALLINT NOT NULL, period_end SMALLINT NOT NULL,
         cohort VARCHAR NOT NULL DEFAULT '', count DOUBLE NOT NULL, intra BOOLEAN NOT NULL)`,
      `CREATE TABLE indicators (
         import_id INTEGER NOT NULL, region VARCHAR NOT NULL, period VARCHAR NOT NULL,
         period_start SMALLINT NOT NULL, period_end SMALLINT NOT NULL, name VARCHAR NOT NULL,
         value DOUBLE NOT NULL, unit VARCHAR, source VARCHAR)`,
      `CREATE TABLE persons (
         import_id INTEGER NOT NULL, id VARCHAR NOT NULL, year INTEGER NOT NULL, university VARCHAR NOT NULL,
         degree VARCHAR, major VARCHAR, home_region VARCHAR, study_region VARCHAR, destination VARCHAR NOT NULL,
         employer_type VARCHAR, monthly_salary DOUBLE, synthetic BOOLEAN NOT NULL DEFAULT false)`,
      // Every region paired with itself and each of its ancestors, with the ancestor's level and
      // distance up the tree: the basis of roll-ups and of "within" filters.
      `CREATE VIEW region_ancestors AS
       WITH RECURSIVE anc(code, ancestor, depth) AS (
         SELECT code, code, 0 FROM regions
         UNION ALL
         SELECT a.code, r.parent, a.depth + 1 FROM anc a JOIN regions r ON r.code = a.ancestor
         WHERE r.parent IS NOT NULL AND a.depth < 16)
       SELECT anc.code, anc.ancestor, anc.depth, p.level AS ancestor_level FROM anc JOIN regions p ON p.code = anc.ancestor`,
      `CREATE TABLE models (
         name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
         spec VARCHAR NOT NULL, result VARCHAR NOT NULL)`,
    ],
  },
  {
    version: 2,
    description: 'scenarios and their runs, with the model version they used',
    sql: [
      `CREATE TABLE scenarios (
         name VARCHAR PRIMARY KEY, document VARCHAR NOT NULL, model VARCHAR NOT NULL,
         created_at TIMESTAMP NOT NULL DEFAULT current_timestamp, updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`,
      `CREATE TABLE scenario_runs (
         id INTEGER PRIMARY KEY, scenario VARCHAR NOT NULL, model VARCHAR NOT NULL, model_version VARCHAR NOT NULL,
         seed BIGINT NOT NULL, draws INTEGER NOT NULL, document VARCHAR NOT NULL, result VARCHAR NOT NULL,
         seconds DOUBLE, created_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`,
    ],
  },
  {
    version: 3,
    description: 'bilateral stock tables (region of birth x region of residence at a census date) and their unit and definition',
    sql: [
      // One cell of a stock table: people born in `birth` living in `residence` at `date` (a year).
      `CREATE TABLE stocks (
         import_id INTEGER NOT NULL, birth VARCHAR NOT NULL, residence VARCHAR NOT NULL,
         date SMALLINT NOT NULL, count DOUBLE NOT NULL)`,
      // What the counts of one import at one date are: persons, or sample counts that represent
      // `count / sampling_rate` persons; the definition and source shown wherever they appear.
      `CREATE TABLE stock_tables (
         import_id INTEGER NOT NULL, date SMALLINT NOT NULL, unit VARCHAR NOT NULL, sampling_rate DOUBLE,
         definition VARCHAR NOT NULL, source VARCHAR NOT NULL, cells BIGINT NOT NULL, total DOUBLE NOT NULL,
         PRIMARY KEY (import_id, date))`,
    ],
  },
  {
    version: 4,
    description: 'the column header an indicator was read from, so the name as written in the file finds it',
    sql: [
      // A wide file's header such as 城镇非私营单位平均工资（元） is stored as indicator
      // 城镇非私营单位平均工资 with unit 元; the header is kept so a search for it still matches.
      'ALTER TABLE indicators ADD COLUMN header VARCHAR',
    ],
  },
  {
    version: 5,
    description: 'flows stored as integer ids with dictionaries of codes, periods and cohorts; `flows` becomes a view of the same columns',
    sql: [
      // Writing nine columns of text codes cost more than DuckDB's own read of the file (an
      // import ran at 2.5-3x read_csv): see flow-rows.ts. The stored flows move over unchanged.
      ...FLOW_TABLES_SQL,
      `INSERT INTO flow_codes SELECT row_number() OVER (ORDER BY code), code FROM (SELECT origin AS code FROM flows UNION SELECT destination FROM flows)`,
      `INSERT INTO flow_periods SELECT row_number() OVER (ORDER BY period), period, min(period_start), min(period_end) FROM flows GROUP BY period`,
      `INSERT INTO flow_cohorts SELECT row_number() OVER (ORDER BY cohort), cohort FROM (SELECT DISTINCT cohort FROM flows WHERE cohort <> '')`,
      `INSERT INTO flow_rows SELECT f.import_id, o.id, d.id, p.id, c.id, f.count FROM flows f
         JOIN flow_codes o ON o.code = f.origin JOIN flow_codes d ON d.code = f.destination
         JOIN flow_periods p ON p.period = f.period JOIN flow_cohorts c ON c.cohort = f.cohort`,
      'DROP TABLE flows',
      `CREATE VIEW flows AS ${flowsSelect()}`,
    ],
  },
  {
    version: 6,
    description: 'a Chinese source line beside the English one of indicators and stock tables',
    sql: [
      // The page cites each source in its language (web/src/footer.ts): the bundled data carry
      // both (data/*/indicators.csv source_zh); what a user imports keeps the one line they gave,
      // and rows stored before this column read NULL, shown in the stored language.
      'ALTER TABLE indicators ADD COLUMN source_zh VARCHAR',
      'ALTER TABLE stock_tables ADD COLUMN source_zh VARCHAR',
    ],
  },
  {
    version: 7,
    description: 'the coded warnings an estimate came with, kept with its import record',
    sql: [
      // JSON list of { code, params, message } (store/queries/estimate-warnings.ts), so measures
      // and fits of estimated flows can say what the estimate warned. NULL for observed imports
      // and for estimates stored before this version, whose warnings were printed, not kept.
      'ALTER TABLE imports ADD COLUMN warnings VARCHAR',
    ],
  },
  {
    version: 8,
    description: 'a Chinese definition beside the English one of stock tables',
    sql: [
      // As source_zh (version 6): the bundled census tables carry both; a user's import keeps the
      // line it was given, and tables stored before this column read NULL, shown as stored.
      'ALTER TABLE stock_tables ADD COLUMN definition_zh VARCHAR',
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies the migrations after the workspace's version, up to `upTo` (default: all; tests stop earlier to build an old workspace). */
export async function migrate(db: Database, upTo = SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  await db.run('CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)');
  const row = await db.one<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
  const from = row ? Number(row.value) : 0;
  if (from > SCHEMA_VERSION) {
    throw new StoreError(`workspace ${db.path} has schema version ${from}, newer than this talentflow (${SCHEMA_VERSION}): upgrade talentflow`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > upTo) continue;
    await db.transaction(async () => {
      for (const s of m.sql) await db.run(s);
      await db.run("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [String(m.version)]);
    });
  }
  return { from, to: Math.max(from, Math.min(upTo, SCHEMA_VERSION)) };
}
