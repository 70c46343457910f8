import { CASES, state, type State } from './state.ts';

/**
 * A link that fixes the map's level (`level=city`, or a city selected: selection-level.ts) opens
 * on a period with values at that level. Naming no period, it took the case's default, which is
 * the default level's (the demo's 2000-2010 flows exist for provinces only), and a shared link to
 * Shenyang showed a grey map and dashes in the region panel. Without a period in the link, the
 * default is kept when it has values at the level, else the latest of the case's periods that has
 * them is taken. A period the link names is kept as it is, with or without values: a link
 * reproduces the view it was made from, and a map without values says so and offers the periods
 * and the level that have them (map/no-data.ts). `hasValues` asks the server
 * (map/net-request.ts); pure here, so it is tested in Node. Without a level in the link the
 * case's default level and period agree already.
 */
/** What decides whether the map has values: the case, level and period. */
export type NetView = Pick<State, 'caseId' | 'level' | 'period'>;

export async function withPeriodAtLevel(patch: Partial<State>, hasValues: (view: NetView) => Promise<boolean>): Promise<Partial<State>> {
  const caseId = patch.caseId ?? state.caseId;
  const c = CASES[caseId];
  const level = patch.level;
  if (!c || level === undefined || patch.period !== undefined) return patch;
  const asked = patch.caseId !== undefined ? c.defaultPeriod([]) : state.period;
  if (asked && (await hasValues({ caseId, level, period: asked }))) return patch;
  // Latest first: the case's periods run by first year, then last year (core/workspace-case.ts).
  for (const period of [...new Set(c.info.periods.map((p) => p.period))].reverse()) {
    if (period !== asked && (await hasValues({ caseId, level, period }))) return { ...patch, period };
  }
  return patch;
}
