import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { unknownValueError } from '../../core/unknown-value.ts';
import { type Workspace } from '../workspace.ts';

/**
 * The values a workspace holds for options that are not a fixed list (levels, periods, census
 * dates), and checks that a given value is one of them. A misspelt level or a year without data
 * used to give an empty table, or an engine error on an empty list; these checks make it a user
 * error that suggests the closest value and lists those present.
 */

/** Levels of the workspace's regions, from the top of the hierarchy down (country, province, city…). */
export async function regionLevels(ws: Workspace): Promise<string[]> {
  const rows = await ws.db.all<{ level: string }>(
    `SELECT r.level FROM regions r JOIN (SELECT code, max(depth) AS d FROM region_ancestors GROUP BY code) a USING (code)
     GROUP BY r.level ORDER BY min(a.d), r.level`);
  return rows.map((r) => r.level);
}

/**
 * The level as stored (any letter case accepted), or an error listing the levels; with `groups`,
 * a region group's code is accepted too (measures roll a group up to one unit).
 */
export async function requireLevel(ws: Workspace, level: string, opts: { groups?: boolean } = {}): Promise<string> {
  const levels = await regionLevels(ws);
  const groups = opts.groups ? (await ws.db.all<{ code: string }>('SELECT code FROM region_groups ORDER BY code')).map((g) => g.code) : [];
  const hit = [...levels, ...groups].find((v) => v.toLowerCase() === level.trim().toLowerCase());
  if (hit) return hit;
  throw unknownValueError('level', level, [...levels, ...groups], {
    plural: opts.groups && groups.length ? 'levels and groups' : 'levels',
    hint: levels.length ? undefined : 'import regions first (talentflow import regions FILE) or run talentflow demo',
  });
}

const PERIOD_SOURCES = {
  flows: { sql: 'SELECT DISTINCT period, period_start, period_end FROM flows', what: 'periods with flows' },
  indicators: { sql: 'SELECT DISTINCT period, period_start, period_end FROM indicators', what: 'periods with indicators' },
} as const;

/** Periods present in flows or indicators, in time order. */
export async function storedPeriods(ws: Workspace, of: keyof typeof PERIOD_SOURCES): Promise<string[]> {
  const rows = await ws.db.all<{ period: string }>(`${PERIOD_SOURCES[of].sql} ORDER BY period_start, period_end`);
  return rows.map((r) => r.period);
}

/** The period in stored form (2010–2020 -> 2010-2020), or an error listing the periods present. */
export async function requirePeriod(ws: Workspace, period: string, of: keyof typeof PERIOD_SOURCES): Promise<string> {
  const p = parsePeriod(period);
  if (!p) throw new InputError(coded('value.notPeriod', { period }));
  const periods = await storedPeriods(ws, of);
  if (periods.includes(p.text)) return p.text;
  throw unknownValueError('period', period, periods, { plural: PERIOD_SOURCES[of].what, suggest: false });
}

/** A census date of the stored stock tables, or an error listing them. */
export async function requireStockDate(ws: Workspace, date: string | number): Promise<number> {
  const dates = (await ws.db.all<{ date: number }>('SELECT DISTINCT date FROM stock_tables ORDER BY date')).map((d) => Number(d.date));
  const n = Number(String(date).trim());
  if (dates.includes(n)) return n;
  throw unknownValueError('census date', String(date), dates.map(String), { plural: 'census dates of stock tables', suggest: false });
}

/** A cohort of the stored flows, as stored, or an error listing them (an unknown one filtered every flow out). */
export async function requireCohort(ws: Workspace, cohort: string): Promise<string> {
  const cohorts = (await ws.db.all<{ cohort: string }>("SELECT DISTINCT cohort FROM flows WHERE coalesce(cohort, '') <> '' ORDER BY cohort")).map((r) => r.cohort);
  if (cohorts.includes(cohort)) return cohort;
  throw unknownValueError('cohort', cohort, cohorts, { plural: 'cohorts of flows' });
}

/** A definition of the stored stock tables, as stored, or an error listing them. */
export async function requireStockDefinition(ws: Workspace, definition: string): Promise<string> {
  const definitions = (await ws.db.all<{ definition: string }>('SELECT DISTINCT definition FROM stock_tables ORDER BY definition')).map((r) => r.definition);
  if (definitions.includes(definition)) return definition;
  throw unknownValueError('stock table definition', definition, definitions, { plural: 'definitions of stock tables' });
}
