import { CASES, casePatch, state, subscribe, update, type State } from './state.ts';
import { FIELDS, queryFromState, stateFromQuery } from './url-query.ts';

/**
 * The page's state in the URL's query string, so a link reproduces the view: the tab, case,
 * period, level, flow scope and filters, the selected region and the scenario's targets (keys
 * of state.ts), plus settings views keep themselves (the scenario's example, amount, years and
 * who is paid; the rankings' scope; the graduates' university and year) under short names given
 * by the view (`s.amount`, `r.show`). Moving to another tab, case, period, level or region adds a
 * history entry (Back returns to it); filters and sliders replace the current one, so Back does
 * not step through every slider position. Every value read from a URL is checked: an unknown
 * or malformed one is ignored, never passed to the server as is (url-query.ts).
 */

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
