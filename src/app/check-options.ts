import { requireCohort, requireLevel, requirePeriod, requireStockDate, requireStockDefinition } from '../store/queries/known-values.ts';
import type { Workspace } from '../store/workspace.ts';

/**
 * Checks the options whose valid values come from the workspace (levels, periods, census dates)
 * before an operation runs, for the CLI's flags and the server's query strings alike, so a
 * misspelt value is a user error (exit 1, HTTP 400) that suggests the closest and lists what
 * exists, never an empty table or an engine error; cohorts and stock-table definitions likewise. Options with a fixed set of values are checked
 * where they are declared (commander's `.choices()`, zod enums). Returns the options with the
 * values in stored form (Province -> province, 2010–2020 -> 2010-2020).
 */
export interface OptionChecks {
  /** `level` is a level of the regions; 'or-group' also accepts a region group's code. */
  level?: 'level' | 'or-group';
  /** `period` must be a period of these rows. */
  period?: 'flows' | 'indicators';
  /** `date` must be a census date of the stock tables. */
  date?: boolean;
  /** `cohort` must be a cohort of the stored flows. */
  cohort?: boolean;
  /** `definition` must be the definition of a stored stock table. */
  definition?: boolean;
}

export async function checkOptions<T extends { level?: string; period?: string; date?: string | number; cohort?: string; definition?: string }>(ws: Workspace, o: T, checks: OptionChecks): Promise<T> {
  const out = { ...o };
  if (checks.level && o.level !== undefined) out.level = await requireLevel(ws, o.level, { groups: checks.level === 'or-group' });
  if (checks.period && o.period !== undefined) out.period = await requirePeriod(ws, o.period, checks.period);
  if (checks.date && o.date !== undefined) out.date = await requireStockDate(ws, o.date);
  if (checks.cohort && o.cohort !== undefined) out.cohort = await requireCohort(ws, o.cohort);
  if (checks.definition && o.definition !== undefined) out.definition = await requireStockDefinition(ws, o.definition);
  return out;
}
