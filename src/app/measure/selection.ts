import { InputError, SpecError } from '../../core/errors.ts';
import { coded, withWarnings } from '../../core/messages/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { rollUp } from '../../metrics/index.ts';
import { listGroups, listRegions } from '../../store/queries/list-regions.ts';
import { loadFlowTable, type LoadedFlows } from '../../store/queries/flow-table.ts';
import type { Workspace } from '../../store/workspace.ts';
import type { MeasureOptions } from './types.ts';

/**
 * The regions a measure reports on and the flows it reads. `--group`, `--within` and `--region`
 * name the regions of interest: their rows are reported, and every flow with an end among them
 * is read (so in-flows from outside count). `--level` rolls both ends up to that level; a group
 * code as level (e.g. `--level northeast`) makes the group one unit, its inner flows dropped
 * (rollUp with intra 'drop': moves inside the Northeast are not out-migration from it).
 */
export interface Selection {
  /** Codes whose rows are reported, or null for every region of the table. */
  focus: string[] | null;
  names: Map<string, string | null>;
}

export function focusRef(o: MeasureOptions): string | undefined {
  const given = [o.group, o.within, o.region].filter((x) => x !== undefined);
  if (given.length > 1) throw new SpecError(coded('measure.oneSelection', {}), 'selection');
  return given[0];
}

export async function selectRegions(ws: Workspace, o: MeasureOptions, level: string | undefined): Promise<Selection> {
  const ref = focusRef(o);
  const all = await listRegions(ws);
  const names = new Map(all.map((r) => [r.code, r.name_zh ?? r.name_en]));
  if (!ref) return { focus: null, names };
  const inside = await listRegions(ws, { within: ref, level });
  if (!inside.length) {
    // An empty selection would read no flows and report nothing: say what the region does contain.
    const levels = [...new Set((await listRegions(ws, { within: ref })).map((r) => r.level))];
    throw new InputError(coded('measure.noRegionsInside', { level: level ?? null, ref, levels }));
  }
  return { focus: inside.map((r) => r.code), names };
}

/** Years a flow period spans, for rates: 1 for a year, end - start for a range such as 2010-2020 (a census interval). */
export function periodYears(period: string | undefined, periods: readonly string[]): number {
  const p = parsePeriod(period ?? (periods.length === 1 ? periods[0] : ''));
  if (!p) return Math.max(periods.length, 1);
  return p.end > p.start ? p.end - p.start : 1;
}

export async function loadSelectedFlows(ws: Workspace, o: MeasureOptions, period: string | undefined, sel: Selection): Promise<LoadedFlows & { unit?: string }> {
  const group = (await listGroups(ws)).find((g) => o.level !== undefined && g.code.toLowerCase() === o.level.toLowerCase());
  const base = { period, cohort: o.cohort, origin: o.origin, destination: o.destination, group: focusRef(o) };
  if (!group) return loadFlowTable(ws, { ...base, level: o.level, include: o.level ? (sel.focus ?? undefined) : undefined, populationYear: o.populationYear });
  // Group as unit: read at its members' level, then merge the members.
  const members = await listRegions(ws, { within: group.code });
  const memberLevel = members.find((m) => group.members.includes(m.code))?.level;
  const loaded = await loadFlowTable(ws, { ...base, level: memberLevel, populationYear: o.populationYear });
  const parents = Object.fromEntries(group.members.map((m) => [m, group.code]));
  const rolled = rollUp(loaded.table, parents, { intra: 'drop' });
  const pops = new Float64Array(rolled.table.regions.length);
  rolled.table.regions.forEach((code, i) => {
    pops[i] = loaded.table.regions.reduce((sum, c, j) => ((parents[c] ?? c) === code ? sum + loaded.populations[j] : sum), 0);
  });
  sel.names.set(group.code, group.name_zh ?? group.name_en);
  const warnings = [...loaded.messages.warnings, coded('measure.groupOneUnit', { group: { code: group.code, zh: group.name_zh, en: group.name_en }, internal: rolled.internal })];
  return { ...loaded, table: rolled.table, populations: pops, ...withWarnings(warnings), unit: group.code };
}
