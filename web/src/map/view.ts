import type * as maplibregl from 'maplibre-gl';
import type { Feature } from 'geojson';
import { api, type FlowRow, type GeoJsonAnswer, type Group, type MeasureResult, type Region } from '../api.ts';
import { downloadCsv } from '../export/download.ts';
import { colon, errorLine, fmt, lang, levelLabel, onLanguage, otherName, regionName, t } from '../i18n/index.ts';
import { fieldText, fieldTexts, loadServerMessages } from '../i18n/server-text.ts';
import { CASES, casePatch, state, subscribe, update, type CaseDef, type CaseId, type State } from '../state.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { COLORS, createBasemap, hasSource, setDrawnColors, setSourceData } from './basemap.ts';
import { classify, colorFor, legend, type Classes } from './choropleth.ts';
import { FlowOverlay, locationsOf, type FlowHover } from './flows.ts';
import { renderHeadline } from './headline.ts';
import { LabelLayer } from './labels.ts';
import { renderNoValues } from './no-data.ts';
import { hasNetValues } from './net-request.ts';
import { drawsWithoutRegistry, flowPeriods, measureName, measureQuery, populationChangeOnly, regionsQuery } from './first-view.ts';
import { overviewLists, shortName } from './overview.ts';
import { exportMap, mapMeta, netTitle } from './export.ts';
import { PrintImage } from './print-image.ts';
import { regionSearch } from './region-search.ts';

/**
 * The map tab: filters on the left, the map (choropleth of net migration and flow lines) in
 * the middle, and on the right the selected region or, with none, the largest losses and gains.
 */
export interface MapView {
  element: HTMLElement;
  /**
   * Creates the MapLibre map (blank, no data) at the case's bounds, once the element is in the
   * document with its final size (MapLibre sizes to it) and the map's data has been asked for:
   * the map's style, shaders and first frame then overlap those requests.
   */
  mount: () => void;
  /** Loads and draws the first view, once the cases and periods are known. */
  start: (periods: string[]) => void;
  /** Removes the map (a workspace without cases shows no map). */
  remove: () => void;
  regions: () => Map<string, Region>;
}

const FLOW_LIMIT = 10000;
/** Choices of the "flow lines" filter: the N largest corridors (0: all, up to FLOW_LIMIT). */
const TOP_CHOICES = [25, 50, 100, 250, 1000, 0];

/** The case's focus group (the Northeast for China): the first scope that names a group. */
const focusGroupOf = (c: CaseDef): string | undefined => c.scopes.find((s) => s.group)?.group;

export function createMapView(): MapView {
  /** The workspace's periods with flows, known once the page has booted (start). */
  let periods: string[] = [];
  const filters = h('aside', { class: 'filters', 'aria-label': t('filter.title') });
  const mapEl = h('div', { class: 'map', id: 'map', role: 'application', 'aria-label': t('tab.map'), tabindex: '0' });
  const tooltip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  const loading = h('div', { class: 'map-loading' }, status('loading', t('loading.map')));
  const headline = h('p', { class: 'headline', 'data-headline': '', 'aria-live': 'polite', hidden: true });
  const actions = h('div', { class: 'map-actions', role: 'toolbar' });
  const mapWrap = h('div', { class: 'map-wrap' }, headline, mapEl, tooltip, loading, actions);
  const panel = h('aside', { class: 'panel', 'aria-live': 'polite' });
  const element = h('section', { class: 'view view-map', id: 'view-map' }, filters, mapWrap, panel);

  let map: maplibregl.Map | null = null;
  let overlay: FlowOverlay | null = null;
  let labels: LabelLayer | null = null;
  /** The map's canvas and those drawn over it (flow lines, names): what an export or a print shows. */
  const layers = () => (map ? [map.getCanvas(), overlay?.canvas() ?? null, labels?.canvas ?? null] : []);
  /** The picture of map, flow lines and labels that prints in the map's place (print-image.ts). */
  const picture = new PrintImage(mapWrap, layers, t('tab.map'));
  let groups: Group[] = [];
  let regions = new Map<string, Region>();
  /** The case whose registry `regions` holds (null: none read yet). */
  let registryOf: string | null = null;
  let netValues = new Map<string, number>();
  let classes: Classes = { breaks: [-3, -2, -1, 1, 2, 3] };
  let measure: MeasureResult | null = null;
  let flows: FlowRow[] = [];
  let geometry: GeoJsonAnswer | null = null;
  let provinceLines: GeoJsonAnswer | null = null;
  let flowAbort: AbortController | null = null;
  /**
   * Whether `flows` answers the current flow settings (case, level, period, scope, minimum, top):
   * then showing or hiding the lines, or a language switch, draws them again without a request
   * (the city view's 10,000 lines are megabytes of JSON).
   */
  let flowsCurrent = false;
  let flowsFetching = false;
  const legendBox = h('div', { class: 'legend-box' });
  const flowStatus = h('p', { class: 'flow-status', role: 'status' });
  const timings: Record<string, number> = {};
  (window as unknown as { __talentflow: unknown }).__talentflow = { timings, map: () => map, flowCount: () => overlay?.count ?? 0, flowFrames: () => (overlay ? { resting: overlay.frames.resting, granted: overlay.frames.granted } : null), netCount: () => netValues.size, labels: () => labels?.drawn ?? [] };

  const caseDef = () => CASES[state.caseId];
  const casePeriods = () => [...periods.filter(caseDef().periodFilter), ...caseDef().censusIntervals.filter((p) => !periods.includes(p))];
  const periodLabel = (p: string) => (caseDef().censusIntervals.includes(p) && !periods.includes(p) ? t('period.census', { period: p }) : p);

  /** The case and level as the filters name them ("China · Province"), for the titles of exports. */
  const place = () => ['#f-case', '#f-level'].map((id) => filters.querySelector<HTMLSelectElement>(id)?.selectedOptions[0]?.textContent ?? '').filter(Boolean).join(' · ');

  function renderFilters(): void {
    clear(filters);
    const sel = (id: string, key: Parameters<typeof t>[0], options: [string, string][], value: string, onChange: (v: string) => void) =>
      h('div', { class: 'field' }, h('label', { for: id }, t(key)),
        (() => {
          const s = h('select', { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) }, ...options.map(([v, l]) => h('option', { value: v }, l)));
          s.value = value;
          return s;
        })());
    const c = caseDef();
    filters.append(
      h('h2', { class: 'visually-hidden' }, t('filter.title')),
      sel('f-case', 'filter.case', Object.values(CASES).map((x) => [x.id, regionName({ code: x.id, name_zh: x.name_zh, name_en: x.name_en })]), state.caseId, (v) => update(casePatch(v as CaseId, periods))),
      sel('f-period', 'filter.period', casePeriods().map((p) => [p, periodLabel(p)]), state.period, (v) => update({ period: v, selected: state.selected })),
      sel('f-level', 'filter.level', c.levels.map((l) => [l, levelLabel(l)]), state.level, (v) => update({ level: v, selected: null })),
      c.scopes.length > 1 ? sel('f-scope', 'filter.scope', c.scopes.map((s) => [s.id, s.group ? regionName({ code: s.id, ...s }) : t('scope.all')]), state.scope, (v) => update({ scope: v })) : '',
      h('div', { class: 'field' },
        h('label', { for: 'f-min' }, t('filter.minFlow')),
        h('input', { id: 'f-min', type: 'number', min: 0, step: 100, value: state.minFlow, inputmode: 'numeric', onchange: (e: Event) => update({ minFlow: Math.max(0, Number((e.target as HTMLInputElement).value) || 0) }) })),
      sel('f-top', 'filter.topFlows', TOP_CHOICES.map((n) => [String(n), n ? t('filter.topFlowsN', { n: fmt(n) }) : t('filter.topFlowsAll')]), String(state.topFlows), (v) => update({ topFlows: Number(v) })),
      h('div', { class: 'field check' },
        h('input', { id: 'f-flows', type: 'checkbox', checked: state.showFlows, onchange: (e: Event) => update({ showFlows: (e.target as HTMLInputElement).checked }) }),
        h('label', { for: 'f-flows' }, t('filter.showFlows'))),
      flowStatus,
      regionSearch(() => [...regions.values()].filter((r) => r.level === state.level), () => state.level, (code) => update({ selected: code })),
      legendBox,
    );
    renderLegend();
    renderActions();
  }

  /** The exports, in a bar under the map: in the filters' column they sat below the fold at 1440x900 (issue 12). */
  function renderActions(): void {
    actions.setAttribute('aria-label', t('export.mapActions'));
    const saveMap = (format: 'png' | 'svg') => map && measure && void exportMap(format, `talentflow-map-${state.caseId}-${state.level}-${state.period}.${format}`,
      layers(), mapMeta(measure, state.period, place()), classes);
    actions.replaceChildren(
      h('button', { type: 'button', 'data-export': 'map-png', onclick: () => saveMap('png') }, t('export.pngMap')),
      h('button', { type: 'button', 'data-export': 'map-svg', onclick: () => saveMap('svg') }, t('export.svgMap')),
      h('button', { type: 'button', 'data-export': 'net-csv', onclick: () => measure && downloadCsv(`net-${state.caseId}-${state.level}-${state.period}.csv`, measure.rows, mapMeta(measure, state.period, place())) }, `${t('legend.net')} ${t('export.csv')}`),
      h('button', { type: 'button', 'data-export': 'flows-csv', onclick: () => measure && downloadCsv(`flows-${state.caseId}-${state.level}-${state.period}.csv`, flows as unknown as Record<string, unknown>[], { ...mapMeta(measure, state.period, place()), title: `${t('tab.map')} · ${place()} · ${state.period}` }) }, `${t('tab.map')} ${t('export.csv')}`));
  }

  function renderLegend(): void {
    clear(legendBox);
    if (!measure) return;
    const title = netTitle(measure, state.period);
    const note = `${t('legend.source')}${colon()}${fieldText(measure, 'definition')}`;
    // What the numbers leave out or cannot say (no flows at this level, regions without a population...), in the page's language.
    const warnings = fieldTexts(measure, 'warnings').map((w, i) => h('p', { class: 'legend-note warning', 'data-warning-code': measure?.messages?.warnings?.[i]?.code ?? '' }, w));
    legendBox.append(legend(classes, title, note), ...warnings, h('p', { class: 'legend-note' }, t('legend.flows')));
  }

  function renderOverview(): void {
    clear(panel);
    if (!netValues.size) {
      panel.append(status('empty', t('empty.region')));
      return;
    }
    const onLevel = new Map([...netValues].filter(([c]) => regions.get(c)?.level === state.level));
    // Losses of the case's group when its flows are the ones shown (the Northeast), else of all.
    const scope = caseDef().scopes.find((x) => x.id === state.scope);
    const group = scope?.group ? groups.find((g) => g.code === scope.group) : undefined;
    const focus = group ? new Set(focusMembers(group)) : null;
    const { losses, gains } = overviewLists(onLevel, { focus });
    const item = ({ code, net: v }: { code: string; net: number }) => h('li', {}, h('button', { type: 'button', class: 'link', title: regions.get(code) ? otherName(regions.get(code)!) : '', onclick: () => update({ selected: code }) }, regions.get(code) ? regionName(regions.get(code)!) : code), h('span', { class: v < 0 ? 'neg' : 'pos' }, fmt(v)));
    const list = (name: string, rows: typeof losses, empty: Parameters<typeof t>[0]) => (rows.length ? h('ol', { class: 'ranking', 'data-list': name }, ...rows.map(item)) : h('p', { class: 'note', 'data-list': name }, t(empty)));
    // The numbers' unit and kind, in the legend's words: "Net migration 2020, estimated, in persons".
    const unit = measure ? h('p', { class: 'note', 'data-list-unit': '' }, t('overview.unit', { measure: netTitle(measure, state.period) })) : '';
    panel.append(
      status('empty', t('empty.region')),
      unit,
      group ? h('h3', {}, t('overview.lossesIn', { group: regionName(group) })) : label('overview.title', 'h3'), list('losses', losses, 'overview.noLosses'),
      label('overview.gains', 'h3'), list('gains', gains, 'overview.noGains'),
      label('overview.note', 'p', { class: 'note' }),
    );
  }

  /** The group's regions at the level on screen: its members, or the regions inside them (the Northeast's cities). */
  function focusMembers(g: Group): string[] {
    const members = new Set(g.members);
    return [...regions.values()].filter((r) => r.level === state.level && (members.has(r.code) || (r.parent !== null && members.has(r.parent)))).map((r) => r.code);
  }

  /** Names at the centroids: every province; cities by the size of their net migration, as many as fit. */
  function updateLabels(): void {
    if (!labels) return;
    labels.set([...regions.values()].filter((r) => r.level === state.level && r.centroid_lon !== null && r.centroid_lat !== null).map((r) => ({
      code: r.code, text: shortName(regionName(r)), lon: r.centroid_lon!, lat: r.centroid_lat!,
      weight: Math.abs(netValues.get(r.code) ?? 0) + (state.selected === r.code || state.targets.includes(r.code) ? 1e15 : 0),
    })));
  }

  /** The headline: the case's group (or the region that lost most) in one sentence, from the data on screen. */
  let headlineRequest = 0;
  let headlineKey = '';
  async function loadHeadline(): Promise<void> {
    const ticket = ++headlineRequest;
    // Another case, period or level: the old sentence goes at once, not when the new one is ready.
    const key = `${state.caseId}|${state.period}|${state.level}`;
    if (key !== headlineKey) headline.hidden = true;
    headlineKey = key;
    const m = measure;
    if (!m || !netValues.size) {
      headline.hidden = true;
      if (m) await showNoValues(() => ticket !== headlineRequest);
      return;
    }
    const code = focusGroupOf(caseDef());
    const group = code ? groups.find((g) => g.code === code) : undefined;
    const onLevel = new Map([...netValues].filter(([c]) => regions.get(c)?.level === state.level));
    await renderHeadline(headline, { measure: m, net: onLevel, group: group ? { group, members: focusMembers(group) } : null, regions, period: state.period, level: state.level },
      () => ticket !== headlineRequest);
  }

  /** No values at this level for the period: say so where the headline goes, with the periods and the level that have them. */
  async function showNoValues(stale: () => boolean): Promise<void> {
    const s = { ...state };
    const found = await Promise.all(casePeriods().filter((p) => p !== s.period).map(async (period) => ((await hasNetValues({ ...s, period }, flowPeriods)) ? period : null)));
    if (stale()) return;
    const levels = caseDef().levels;
    const coarser = levels.indexOf(s.level) > 0 ? levels[0] : null;
    renderNoValues(headline, {
      period: s.period, level: s.level, periods: found.filter((p): p is string => p !== null), periodLabel,
      onPeriod: (period) => update({ period, selected: state.selected }), coarser, onLevel: (level) => update({ level, selected: null }),
    });
    headline.hidden = false;
  }

  /** Codes of the features on the map now (polygons, or centroid circles for Korea). */
  let drawnCodes: string[] = [];
  /**
   * Colours of the polygons as drawn: given with the boundaries by drawGeometry, or since in
   * feature state. A polygon given none was drawn in the fill's "no data" colour (basemap.ts
   * fillColor), as is any region the boundaries were drawn before the registry named.
   */
  const drawnColors = new Map<string, string>();

  /**
   * Colours, targets and the selection go to MapLibre as feature state: changing the measure
   * or the selection then re-styles the drawn features without re-sending the geometry to the
   * worker and re-tiling it (a full re-tile and redraw costs a second with a software renderer).
   * Polygons already drawn in their colour (drawGeometry) get no feature state: any feature
   * state makes MapLibre decode every tile again on the page's thread to update its paint
   * arrays, which on the first screen would hold the map back.
   */
  function paint(): void {
    if (!map || !geometry || !hasSource(map, 'regions')) return;
    const polygons = !geometry.empty;
    for (const code of drawnCodes) {
      const color = colorFor(netValues.get(code), classes);
      if (!polygons) {
        map.setFeatureState({ source: 'points', id: code }, { color, target: state.targets.includes(code), selected: state.selected === code });
      } else if ((drawnColors.get(code) ?? COLORS.noData) !== color) {
        map.setFeatureState({ source: 'regions', id: code }, { color });
        drawnColors.set(code, color);
      }
    }
    map.setFilter('regions-target', ['in', ['get', 'code'], ['literal', state.targets]]);
    map.setFilter('regions-selected', ['==', ['get', 'code'], state.selected ?? '']);
  }

  async function loadGeometry(): Promise<void> {
    const c = caseDef();
    // The registry is the case's, whatever the level: read once. The first screen's boundaries
    // are drawn without it, and it follows once the map is usable (start).
    const held = registryOf === c.id;
    const [regs, geo, provinces] = await Promise.all([
      held || (drawsWithoutRegistry(c, state.level) && !timings.mapUsable) ? null : api.regions(regionsQuery(c)),
      api.geometry(state.level, c.within),
      // Province outlines over cities where the case has provinces (the API refuses a level the workspace lacks).
      state.level === 'city' && c.levels.includes('province') ? api.geometry('province', c.within) : Promise.resolve(null),
    ]);
    // No boundaries after all (removed since the cases were read): circles, drawn from the registry.
    const registry = regs ?? (geo.empty && !held ? await api.regions(regionsQuery(c)) : null);
    if (registry) holdRegistry(c, registry);
    geometry = geo;
    provinceLines = provinces;
    drawGeometry();
    updateLabels();
  }

  /** Reads the case's registry where the first draw went without it (loadGeometry). */
  async function loadRegistry(): Promise<void> {
    const c = caseDef();
    if (registryOf === c.id) return;
    const registry = await api.regions(regionsQuery(c));
    if (caseDef() !== c || registryOf === c.id) return;
    holdRegistry(c, registry);
    drawnCodes = onLevelCodes();
  }

  function holdRegistry(c: CaseDef, registry: Region[]): void {
    regions = new Map(registry.map((r) => [r.code, r]));
    registryOf = c.id;
  }

  /** The codes of the case's regions at the level on screen (the registry's). */
  const onLevelCodes = (): string[] => [...regions.values()].filter((r) => r.level === state.level).map((r) => r.code);

  function drawGeometry(): void {
    if (!map || !geometry) return;
    const empty = { type: 'FeatureCollection' as const, features: [] };
    // A source is added with its first data: the province outlines with the city view, the
    // circles with a case without boundaries (see basemap.ts).
    if (provinceLines || hasSource(map, 'provinces')) setSourceData(map, 'provinces', provinceLines?.url ?? empty);
    for (const source of ['regions', 'points'] as const) if (hasSource(map, source)) map.removeFeatureState({ source });
    drawnColors.clear();
    if (!geometry.empty) {
      // The boundaries' codes are the level's regions (the registry's, or before it is read
      // those with a value: a region without one is "no data" either way); the colours of the
      // values at hand go with them, applied by the worker as it tiles.
      drawnCodes = registryOf === caseDef().id ? onLevelCodes() : [...netValues.keys()];
      for (const code of drawnCodes) drawnColors.set(code, colorFor(netValues.get(code), classes));
      setDrawnColors(map, drawnColors);
      setSourceData(map, 'regions', geometry.url);
      if (hasSource(map, 'points')) setSourceData(map, 'points', empty);
    } else {
      // No boundaries stored (Korea): circles at the centroids.
      const pts: Feature[] = [...regions.values()].filter((r) => r.level === state.level && r.centroid_lon !== null).map((r) => ({
        type: 'Feature', geometry: { type: 'Point', coordinates: [r.centroid_lon!, r.centroid_lat!] }, properties: { code: r.code, name_zh: r.name_zh, name_en: r.name_en },
      }));
      drawnCodes = pts.map((f) => String(f.properties!.code));
      setSourceData(map, 'regions', empty);
      setSourceData(map, 'points', { type: 'FeatureCollection', features: pts });
    }
    paint();
  }

  async function loadMeasure(): Promise<void> {
    try {
      measure = await api.measure(measureName(state), measureQuery(state));
      netValues = new Map(measure.rows.filter((r) => typeof r.net === 'number').map((r) => [r.code, r.net as number]));
      classes = classify([...netValues.values()]);
    } catch (e) {
      measure = null;
      netValues = new Map();
      legendBox.replaceChildren(status('error', errorLine(e)));
    }
    paint();
    updateLabels();
    // On the first load the headline waits for the map (start): its flows can weigh megabytes.
    // The legend and the lists wait too (their first numbers set up the page's number formats),
    // drawn with the filters once the map is usable.
    if (!timings.mapUsable) return;
    renderLegend();
    void loadHeadline();
    if (!state.selected) renderOverview();
  }

  const flowLimit = (): number => (state.topFlows > 0 ? Math.min(state.topFlows, FLOW_LIMIT) : FLOW_LIMIT);

  /** Asks for the flows of the current settings and draws them. */
  async function loadFlows(): Promise<void> {
    flowAbort?.abort();
    const abort = (flowAbort = new AbortController());
    const scope = caseDef().scopes.find((s) => s.id === state.scope);
    flowsCurrent = false;
    flowsFetching = true;
    flowStatus.textContent = t('loading');
    try {
      // A census interval without flows has none to draw (the API refuses a period without flows).
      const res = populationChangeOnly(state) ? { rows: [] } : await api.flows({ group: scope?.group ?? caseDef().within, period: state.period, level: state.level, intra: false, minCount: state.minFlow || undefined, limit: flowLimit() }, abort.signal);
      if (abort.signal.aborted) return;
      flows = res.rows;
      flowsCurrent = true;
      await drawFlows();
    } catch (e) {
      if ((e as Error).name === 'AbortError') return;
      flowStatus.textContent = errorLine(e);
    } finally {
      if (flowAbort === abort) flowsFetching = false;
    }
  }

  /**
   * Draws the flows held, shown or hidden as the checkbox says, with the status line in the page's
   * language. A request under way draws them when it lands, with the settings of then; flows not
   * yet asked for (or whose request failed) are asked for.
   */
  async function redrawFlows(): Promise<void> {
    if (flowsCurrent) await drawFlows();
    else if (!flowsFetching) await loadFlows();
  }

  async function drawFlows(): Promise<void> {
    try {
      await overlay?.set(flows, locationsOf([...regions.values()].filter((r) => r.level === state.level), regionName), state.showFlows);
      timings.flowsDrawn = performance.now();
      const limit = flowLimit();
      flowStatus.textContent = !state.showFlows ? t('filter.flowsHidden')
        : flows.length
        ? `${t('filter.flowsShown', { n: fmt(overlay?.count ?? flows.length) })}${flows.length >= limit ? `${lang() === 'zh' ? '' : ' '}${t('filter.flowsTruncated', { n: fmt(limit) })}` : ''}`
        : t('empty.flows');
    } catch (e) {
      flowStatus.textContent = errorLine(e);
    }
  }

  async function showSelected(): Promise<void> {
    paint();
    updateLabels();
    // The panel's charts (Observable Plot's figures) load with the first region opened, not with the map.
    if (state.selected) await (await import('./region-panel.ts')).renderRegionPanel(panel, state.selected, regions, { level: state.level, period: state.period });
    else renderOverview();
  }

  function onHover(hv: FlowHover | null): void {
    if (!hv) {
      tooltip.hidden = true;
      return;
    }
    const n = (c?: string) => (c && regions.get(c) ? regionName(regions.get(c)!) : c ?? '');
    tooltip.textContent = hv.kind === 'flow' ? `${n(hv.origin)} → ${n(hv.destination)}${colon()}${fmt(hv.count)}` : `${n(hv.location)} · ${t('region.in')} ${fmt(hv.incoming)} · ${t('region.out')} ${fmt(hv.outgoing)}`;
    tooltip.style.transform = `translate(${hv.x + 12}px, ${hv.y + 12}px)`;
    tooltip.hidden = false;
  }

  /** Sizes the map to its box and fits the case's bounds, each only where it changed. */
  function fitMap(bounds: [number, number, number, number]): void {
    if (!map) return;
    const box = map.getCanvas();
    if (mapEl.clientWidth !== box.clientWidth || mapEl.clientHeight !== box.clientHeight) map.resize();
    const camera = map.cameraForBounds(bounds, { padding: 20 });
    const off = camera?.center ? map.project(camera.center) : null;
    if (camera && off && (Math.abs((camera.zoom ?? 0) - map.getZoom()) > 1e-3 || Math.abs(off.x - box.clientWidth / 2) > 1 || Math.abs(off.y - box.clientHeight / 2) > 1)) {
      map.fitBounds(bounds, { padding: 20, duration: 0 });
    }
  }

  let basemap: Promise<maplibregl.Map> | null = null;
  function mount(): void {
    if (basemap) return;
    timings.mapCreated = performance.now();
    basemap = createBasemap(mapEl, caseDef().bounds).then((x) => ((timings.basemapLoaded = performance.now()), x));
  }

  async function start(withPeriods: string[]): Promise<void> {
    periods = withPeriods;
    for (const p of periods) flowPeriods.add(p);
    timings.start = performance.now();
    const c = caseDef();
    mount();
    // The boundaries and the choropleth's values arrive together and are drawn in one go.
    const [m] = await Promise.all([
      basemap!,
      loadGeometry().then(() => void (timings.geometryLoaded = performance.now())),
      loadMeasure(),
    ]);
    map = m;
    // The container may have been laid out after MapLibre measured it: size and fit again, only
    // where it changed (a resize clears the canvas and a camera move redraws it).
    fitMap(c.bounds);
    drawGeometry();
    map.once('render', () => void (timings.firstRender = performance.now()));
    await new Promise((ok) => (map!.loaded() ? ok(null) : map!.once('idle', ok)));
    // Fit once more if the page's final layout changed the box (the first fit can see a smaller one).
    fitMap(c.bounds);
    timings.mapUsable = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => void (timings.mapPresented = performance.now())));
    performance.mark('talentflow:map-usable');
    // The names go on once the map is usable: drawn at every frame, they would make each of the
    // frames before it (a full redraw apiece with a software renderer) longer.
    labels = new LabelLayer(map);
    map.on('render', () => picture.drawn());
    // The legend, the lists and the headline say the server's notes (its message catalogues:
    // two thirds of the page's first script, loaded once the map is usable; server-text.ts);
    // the lists and the headline name the case's groups, and the names, the lists and the
    // search need the registry (read now where the boundaries were drawn without it).
    await Promise.all([loadServerMessages(), api.groups().then((g) => void (groups = g)).catch(() => undefined), loadRegistry().then(updateLabels)]);
    // The headline's sentence needs every flow touching the focus (all Northeast city flows
    // weigh 4 MB): asked for once the map is usable, not before.
    void loadHeadline();
    loading.remove();
    document.body.dataset.mapReady = '1';
    renderFilters();
    // A link can open on a region (url-state.ts): its panel, not the overview.
    if (state.selected) void showSelected();
    else renderOverview();
    let hovered: string | null = null;
    for (const layer of ['regions-fill', 'points-circle']) {
      map.on('click', layer, (e) => {
        const code = e.features?.[0]?.properties?.code;
        if (code) update({ selected: String(code) });
      });
      map.on('mousemove', layer, (e) => {
        const f = e.features?.[0];
        if (!f) return;
        const code = String(f.properties?.code);
        if (hovered !== code && geometry && !geometry.empty) {
          if (hovered) map!.setFeatureState({ source: 'regions', id: hovered }, { hover: false });
          map!.setFeatureState({ source: 'regions', id: code }, { hover: true });
        }
        hovered = code;
        map!.getCanvas().style.cursor = 'pointer';
        const v = netValues.get(code);
        // The hover shows the name in both languages: the page's first, the other in brackets.
        const r = regions.get(code);
        const other = r ? otherName(r) : '';
        tooltip.textContent = `${r ? regionName(r) : code}${other ? ` (${other})` : ''}${colon()}${t('region.net')} ${fmt(v)}`;
        tooltip.style.transform = `translate(${e.point.x + 12}px, ${e.point.y + 12}px)`;
        tooltip.hidden = false;
      });
      map.on('mouseleave', layer, () => {
        if (hovered && geometry && !geometry.empty) map!.setFeatureState({ source: 'regions', id: hovered }, { hover: false });
        hovered = null;
        map!.getCanvas().style.cursor = '';
        tooltip.hidden = true;
      });
    }
    // deck.gl and flowmap.gl load after the map's frame is on screen: compiling them at once
    // would hold that frame back.
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    overlay = new FlowOverlay(map, onHover, (code) => update({ selected: code }), () => picture.drawn());
    await loadFlows();
    timings.ready = performance.now();
    document.body.dataset.flowsReady = '1';
  }

  subscribe(async (_s: State, changed) => {
    if (!map) return;
    if (changed.has('caseId')) map.fitBounds(caseDef().bounds, { padding: 20, duration: 0 });
    if (changed.has('caseId') || changed.has('level')) {
      await loadGeometry();
      renderFilters();
    } else if (changed.has('period') || changed.has('scope') || changed.has('minFlow')) renderFilters();
    if (changed.has('caseId') || changed.has('level') || changed.has('period')) {
      headline.hidden = true;
      void loadMeasure();
    }
    if (changed.has('scope') && !changed.has('caseId') && !state.selected) renderOverview();
    if (changed.has('caseId') || changed.has('level') || changed.has('period') || changed.has('scope') || changed.has('minFlow') || changed.has('topFlows')) void loadFlows();
    else if (changed.has('showFlows')) void redrawFlows();
    if (changed.has('selected') || changed.has('targets') || changed.has('period') || changed.has('level')) void showSelected();
    if (changed.has('tab') && state.tab === 'map') map.resize();
  });
  onLanguage(() => {
    if (!map) return;
    renderFilters();
    void showSelected();
    void redrawFlows();
    void loadHeadline();
    mapEl.setAttribute('aria-label', t('tab.map'));
    picture.element.alt = t('tab.map');
    document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
  });

  // Resized only where the box did change (a resize clears the canvases), and never for paper: in
  // print the map keeps its screen size (--map-w, --map-h; print.css) while its picture prints.
  new ResizeObserver(() => {
    if (window.matchMedia('print').matches || !mapEl.clientWidth || !mapEl.clientHeight) return;
    mapWrap.style.setProperty('--map-w', `${mapEl.clientWidth}px`);
    mapWrap.style.setProperty('--map-h', `${mapEl.clientHeight}px`);
    const canvas = map?.getCanvas();
    if (canvas && (canvas.clientWidth !== mapEl.clientWidth || canvas.clientHeight !== mapEl.clientHeight)) map!.resize();
  }).observe(mapWrap);
  return {
    element,
    regions: () => regions,
    mount,
    start: (withPeriods) => void start(withPeriods).catch((e) => loading.replaceChildren(status('error', errorLine(e)))),
    remove: () => void basemap?.then((m) => m.remove()),
  };
}
