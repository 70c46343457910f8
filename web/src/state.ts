/**
 * The dashboard's state: what the filters say, which region is open and which regions a
 * scenario targets. Views subscribe and re-render what depends on the keys that changed.
 */
export type CaseId = 'cn' | 'kr';

export interface CaseDef {
  id: CaseId;
  /** Region (country) whose regions the map shows. */
  within: string;
  levels: string[];
  defaultLevel: string;
  /** Which stored flow periods belong to this case. */
  periodFilter: (p: string) => boolean;
  /** Census intervals without flows, offered for the population-change map only. */
  censusIntervals: string[];
  defaultPeriod: (periods: string[]) => string | undefined;
  /** Scopes of flow lines: a group whose flows are shown, or the whole country. */
  scopes: { id: string; group: string | undefined }[];
  /** Initial view [west, south, east, north]. */
  bounds: [number, number, number, number];
  /** Regions the scenario editor offers as targets. */
  scenarioRegions: { within: string; level: string };
}

export const CASES: Record<CaseId, CaseDef> = {
  cn: {
    id: 'cn', within: 'CN', levels: ['province', 'city'], defaultLevel: 'province',
    // China's flows are census-interval estimates (2000-2010 from the birthplace tables); the
    // 2010-2020 interval has populations only, shown as population change.
    periodFilter: (p) => /^\d{4}-\d{4}$/.test(p),
    censusIntervals: ['2010-2020'],
    defaultPeriod: (ps) => ps.find((p) => p === '2000-2010') ?? ps[ps.length - 1],
    scopes: [{ id: 'northeast', group: 'northeast' }, { id: 'all', group: undefined }],
    bounds: [88, 19, 135, 53.5],
    scenarioRegions: { within: 'CN', level: 'province' },
  },
  kr: {
    id: 'kr', within: 'KR', levels: ['province'], defaultLevel: 'province',
    // Korea's KOSIS flows are yearly, 2012 onwards.
    periodFilter: (p) => /^\d{4}$/.test(p) && Number(p) >= 2012,
    censusIntervals: [],
    defaultPeriod: (ps) => ps[ps.length - 1],
    scopes: [{ id: 'all', group: undefined }],
    bounds: [124.5, 33, 131, 38.8],
    scenarioRegions: { within: 'KR', level: 'province' },
  },
};

/** What changes when the dashboard switches to another case: its default level, period and scope. */
export function casePatch(id: CaseId, periods: string[]): Partial<State> {
  const next = CASES[id];
  return { caseId: id, level: next.defaultLevel, period: next.defaultPeriod(periods.filter(next.periodFilter)) ?? '', scope: next.scopes[0].id, selected: null, minFlow: 0 };
}

/** The case whose regions a list of codes names (Korea's codes start with KR). */
export function caseOfCodes(codes: string[]): CaseId {
  return codes.length && codes.every((c) => c.startsWith('KR')) ? 'kr' : 'cn';
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
  tab: 'map', caseId: 'cn', level: 'province', period: '2000-2010', scope: 'northeast', minFlow: 0, topFlows: 50, showFlows: true, selected: null,
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
