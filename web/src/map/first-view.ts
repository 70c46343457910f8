import { prefetch } from '../api.ts';
import { CASES, state, type CaseDef, type State } from '../state.ts';
import { netMeasure, netQuery, populationChangeOnly as isPopulationChange } from './net-request.ts';

/**
 * What the map asks for first, apart from the map's own code (view.ts, with MapLibre): the page
 * loads that code in parallel and asks for the first view's data from here as soon as the cases
 * are known, so the boundaries and values are on their way while MapLibre is still being parsed.
 */

export const regionsQuery = (c: CaseDef) => ({ within: c.within, limit: 100000 });

/**
 * Whether a level's first draw can do without the registry (names, centroids): its boundaries
 * carry the codes and the values carry the colours. The first screen then reads the registry
 * (75 KB for China) once the map is usable, for the names, lists and search: one request fewer
 * while the map is set up, with less work on the page's thread and the browser process before it
 * (12 alternating cold loads against the bare MapLibre page: docs/dashboard.md).
 */
export const drawsWithoutRegistry = (c: CaseDef, level: string) => c.info.boundaries.includes(level);

/**
 * One definition per screen: where the period has flows (observed, or estimated as China's
 * 2000-2010), the map, the legend and the region panel all show net migration of those flows;
 * over a census interval without flows the map shows population change, and the legend calls it
 * that, never net migration. `flowPeriods` is filled when the map starts (view.ts).
 */
export const flowPeriods = new Set<string>();
export const populationChangeOnly = (s: State) => isPopulationChange(s, flowPeriods);
export const measureQuery = (s: State) => netQuery(s, flowPeriods);
export const measureName = (s: State) => netMeasure(s, flowPeriods);

/**
 * Starts the requests of the map's first view while the page is still booting (before the
 * periods arrive and the map code runs), so the boundaries and the choropleth arrive together.
 */
export function prefetchMapData(): void {
  const c = CASES[state.caseId];
  // The registry is needed before the map is usable only where there are no boundaries to draw
  // (the regions are circles at their centroids); see drawsWithoutRegistry.
  if (!drawsWithoutRegistry(c, state.level)) prefetch('regions', regionsQuery(c));
  prefetch('geometry', { level: state.level, within: c.within });
  if (state.level === 'city') prefetch('geometry', { level: 'province', within: c.within });
  prefetch(`measures/${measureName(state)}`, measureQuery(state));
}
