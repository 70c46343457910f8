/**
 * The dashboard's state: what the filters say, which region is open and which regions a
 * scenario targets. Views subscribe and re-render what depends on the keys that changed.
 */
import type { WorkspaceCase } from '../../src/core/workspace-case.ts';

/** A case's id: the lower-case code of its country ("cn"), or "data" for regions under no country (GET /api/cases). */
export type CaseId = string;

export interface CaseDef {
  id: CaseId;
  /** Region (country) whose regions the map shows; undefined: the workspace's regions under no country. */
  within: string | undefined;
  name_zh: string | null;
  name_en: string | null;
  levels: string[];
  defaultLevel: string;
  /** Which stored flow periods belong to this case. */
  periodFilter: (p: string) => boolean;
  /** Census intervals without flows, offered for the population-change map only. */
  censusIntervals: string[];
  defaultPeriod: (periods: string[]) => string | undefined;
  /** Scopes of flow lines: a group whose flows are shown, or the whole country. */
  scopes: { id: string; group: string | undefined; name_zh: string | null; name_en: string | null }[];
  /** Initial view [west, south, east, north]. */
  bounds: [number, number, number, number];
  /** Regions the scenario editor offers as targets. */
  scenarioRegions: { within: string | undefined; level: string };
  /** What the workspace says about the case (periods, indicators, sources). */
  info: WorkspaceCase;
}

/** The cases of the workspace, filled from GET /api/cases before the page is drawn (setCases). */
export const CASES: Record<CaseId, CaseDef> = {};

/** The whole world, for a case whose regions have no centroids. */
const WORLD: [number, number, number, number] = [-170, -60, 180, 75];

/** Turns the server's description of a case into what the views use. */
export function caseDef(c: WorkspaceCase): CaseDef {
  const flows = new Set(c.periods.filter((p) => p.kind === 'flows').map((p) => p.period));
  return {
    id: c.id, within: c.within ?? undefined, name_zh: c.name_zh, name_en: c.name_en, levels: c.levels, defaultLevel: c.defaultLevel,
    periodFilter: (p) => flows.has(p),
    censusIntervals: c.periods.filter((p) => p.kind === 'population').map((p) => p.period),
    defaultPeriod: () => c.defaultPeriod ?? undefined,
    scopes: [...c.groups.map((g) => ({ id: g.code, group: g.code, name_zh: g.name_zh, name_en: g.name_en })), { id: 'all', group: undefined, name_zh: null, name_en: null }],
    bounds: c.bounds ?? WORLD,
    scenarioRegions: { within: c.within ?? undefined, level: c.defaultLevel },
    info: c,
  };
}

/**
 * Replaces the known cases; when the state's case is not among them (a workspace without China)
 * the first case, the one with the most regions, is shown with its defaults.
 */
export function setCases(list: WorkspaceCase[], periods: string[]): void {
  for (const k of Object.keys(CASES)) delete CASES[k];
  for (const c of list) CASES[c.id] = caseDef(c);
  if (state.caseId in CASES || !list.length) return;
  const first = CASES[list[0].id];
  Object.assign(state, casePatch(first.id, periods), { targets: state.targets.filter((t) => first.info.regionCodes.includes(t)) });
}

/** What changes when the dashboard switches to another case: its default level, period and scope. */
export function casePatch(id: CaseId, periods: string[]): Partial<State> {
  const next = CASES[id];
  return { caseId: id, level: next.defaultLevel, period: next.defaultPeriod(periods.filter(next.periodFilter)) ?? '', scope: next.scopes[0].id, selected: null, minFlow: 0 };
}

/** The case whose regions (at its default level) include all the codes, else the current case. */
export function caseOfCodes(codes: string[]): CaseId {
  const hit = Object.values(CASES).find((c) => codes.length && codes.every((code) => c.info.regionCodes.includes(code)));
  return hit?.id ?? state.caseId;
}

export interface State {
  tab: 'map' | 'models' | 'scenario' | 'rankings' | 'graduates';
  caseId: CaseId;
  level: string;
  period: string;
  scope: string;
  minFlow: number;
  /** How many of the largest corridors the map draws (0: all); a readable first screen. */
  topFlows: number;
  showFlows: boolean;
  selected: string | null;
  targets: string[];
}

type Listener = (s: State, changed: Set<keyof State>) => void;

const listeners = new Set<Listener>();

export const state: State = {
  // The case, level, period and scope come from the workspace (setCases).
  tab: 'map', caseId: '', level: '', period: '', scope: 'all', minFlow: 0, topFlows: 50, showFlows: true, selected: null,
  // The Northeast China example: Liaoning pays graduates who stay.
  targets: ['210000'],
};

export function update(patch: Partial<State>): void {
  const changed = new Set<keyof State>();
  for (const [k, v] of Object.entries(patch) as [keyof State, unknown][]) {
    if (JSON.stringify(state[k]) !== JSON.stringify(v)) {
      (state as unknown as Record<string, unknown>)[k] = v;
      changed.add(k);
    }
  }
  if (changed.size) for (const f of listeners) f(state, changed);
}

export function subscribe(f: Listener): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}
