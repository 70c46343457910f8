import { CASES, casePatch, state, subscribe, update, type State } from './state.ts';

/**
 * The page's state in the URL's query string, so a link reproduces the view: the tab, case,
 * period, level, flow scope and filters, the selected region and the scenario's targets (keys
 * of state.ts), plus settings views keep themselves (the scenario's example, amount, years and
 * who is paid; the rankings' scope; the graduates' university and year) under short names given
 * by the view (`s.amount`, `r.show`). Moving to another tab, case, period, level or region adds a
 * history entry (Back returns to it); filters and sliders replace the current one, so Back does
 * not step through every slider position. Every value read from a URL is checked: an unknown
 * or malformed one is ignored, never passed to the server as is.
 */
type Kind = 'tab' | 'code' | 'text' | 'int' | 'flag' | 'codes';

interface Field { key: string; param: string; kind: Kind; push: boolean }

/** The state keys in the URL: param name, kind of value, and whether a change is a new history entry. */
const FIELDS: Field[] = [
  { key: 'tab', param: 'tab', kind: 'tab', push: true },
  { key: 'caseId', param: 'case', kind: 'code', push: true },
  { key: 'period', param: 'period', kind: 'code', push: true },
  { key: 'level', param: 'level', kind: 'code', push: true },
  { key: 'scope', param: 'scope', kind: 'code', push: true },
  { key: 'selected', param: 'region', kind: 'code', push: true },
  { key: 'minFlow', param: 'min', kind: 'int', push: false },
  { key: 'topFlows', param: 'top', kind: 'int', push: false },
  { key: 'showFlows', param: 'lines', kind: 'flag', push: false },
  { key: 'targets', param: 'targets', kind: 'codes', push: false },
];

export const TABS: readonly State['tab'][] = ['map', 'models', 'scenario', 'rankings', 'graduates'];
/** Region codes, case ids, periods (2019, 2000-2010) and level names: letters, digits, . _ - only. */
const CODE = /^[\p{L}\p{N}._-]{1,64}$/u;
const MAX_LIST = 500;

function parse(kind: Kind, raw: string): unknown {
  switch (kind) {
    case 'tab': return (TABS as readonly string[]).includes(raw) ? raw : undefined;
    case 'code': return CODE.test(raw) ? raw : undefined;
    case 'text': return raw.length <= 200 ? raw : undefined;
    case 'int': return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
    case 'flag': return raw === '1' ? true : raw === '0' ? false : undefined;
    case 'codes': {
      const list = raw === '' ? [] : raw.split(',');
      return list.length <= MAX_LIST && list.every((c) => CODE.test(c)) ? list : undefined;
    }
  }
}

function format(kind: Kind, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (kind === 'flag') return v ? '1' : '0';
  if (kind === 'codes') return (v as string[]).join(',');
  return String(v);
}

/**
 * The state a query string describes (only the keys it names validly, and only keys the
 * dashboard's state has). `complete`: keys it does not name get their "nothing" value (no
 * region selected, no minimum, lines shown), as for Back to a URL written without them.
 */
export function stateFromQuery(search: string, complete = false): Partial<State> {
  const q = new URLSearchParams(search);
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (!(f.key in state)) continue;
    const raw = q.get(f.param);
    const v = raw === null ? undefined : parse(f.kind, raw);
    if (v !== undefined) out[f.key] = v;
    else if (complete && raw === null) {
      if (f.key === 'selected') out.selected = null;
      if (f.key === 'minFlow') out.minFlow = 0;
      if (f.key === 'showFlows') out.showFlows = true;
    }
  }
  return out as Partial<State>;
}

/** The query string of a state and the views' own settings (those without a value left out). */
export function queryFromState(s: State, views: ReadonlyMap<string, string>): string {
  const q = new URLSearchParams();
  for (const f of FIELDS) {
    if (!(f.key in s)) continue;
    const v = format(f.kind, (s as unknown as Record<string, unknown>)[f.key]);
    if (v !== null && !(f.key === 'minFlow' && v === '0')) q.set(f.param, v);
  }
  for (const [k, v] of views) q.set(k, v);
  return q.toString();
}

/** Settings of the views, by their names in the URL. */
const views = new Map<string, string>();
const viewListeners = new Set<() => void>();
let applying = false;

/** A view's setting as the URL gives it (on load, or after Back/Forward), or null. */
export function viewParam(name: string): string | null {
  return views.get(name) ?? null;
}

/** A view records its settings (null removes one); the URL is replaced, not pushed. */
export function setViewParams(values: Record<string, string | null>, push = false): void {
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === '') views.delete(k);
    else views.set(k, v.slice(0, 200));
  }
  write(push);
}

/** Called when Back or Forward changed the views' settings: views re-read them with viewParam. */
export function onViewParams(f: () => void): () => void {
  viewListeners.add(f);
  return () => viewListeners.delete(f);
}

function readViews(search: string): void {
  views.clear();
  const own = new Set(FIELDS.map((f) => f.param));
  for (const [k, v] of new URLSearchParams(search)) if (!own.has(k) && /^[a-z]\.[\w-]{1,32}$/.test(k) && v.length <= 200) views.set(k, v);
}

function write(push: boolean): void {
  if (applying) return;
  const q = queryFromState(state, views);
  if (q === location.search.replace(/^\?/, '')) return;
  const url = `${location.pathname}${q ? `?${q}` : ''}${location.hash}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/** The patch without a case the dashboard does not know (an old link, a typo). */
function knownCase(patch: Partial<State>): Partial<State> {
  if (patch.caseId === undefined || patch.caseId in CASES) return patch;
  const rest = { ...patch };
  delete rest.caseId;
  return rest;
}

/** The state the page's URL asks for, to apply before the first render; also reads the views' settings. */
export function initialUrlState(): Partial<State> {
  readViews(location.search);
  return knownCase(stateFromQuery(location.search));
}

/**
 * Keeps the URL in step with the state from now on, and the page with Back/Forward. A link that
 * names a case but not its period or level gets the case's defaults for them (`periods`: those
 * the workspace has).
 */
export function startUrlSync(fromUrl: Partial<State>, periods: string[]): void {
  if (fromUrl.caseId !== undefined && (fromUrl.period === undefined || fromUrl.level === undefined)) update({ ...casePatch(fromUrl.caseId, periods), ...fromUrl });
  const pushKeys = new Set(FIELDS.filter((f) => f.push).map((f) => f.key));
  subscribe((_s, changed) => write([...changed].some((k) => pushKeys.has(k))));
  window.addEventListener('popstate', () => {
    applying = true;
    try {
      readViews(location.search);
      update(knownCase(stateFromQuery(location.search, true)));
      for (const f of viewListeners) f();
    } finally {
      applying = false;
    }
  });
  write(false);
}
