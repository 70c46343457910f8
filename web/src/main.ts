import './styles.css';
import { api } from './api.ts';
import { errorLine, lang, setLang, t } from './i18n/index.ts';
import { prefetchMapData } from './map/first-view.ts';
import type { MapView } from './map/view.ts';
import { setCases, state, subscribe, update, type State } from './state.ts';
import { caseFooter } from './footer.ts';
import { clear, h, label, status } from './ui/dom.ts';
import { initialUrlState, startUrlSync } from './url-state.ts';
import { withSelectionLevel } from './selection-level.ts';
import { withPeriodAtLevel } from './period-level.ts';
import { hasNetValues } from './map/net-request.ts';
import { printButton } from './print.ts';
import { loadServerMessages, namePlaces } from './i18n/server-text.ts';

/**
 * The page: a header with the tabs (map, models, scenario, rankings, graduates) and the language switch, and one
 * view per tab. The map tab is built first; the models and scenario tabs load their code when
 * first opened so the map is usable sooner.
 */
const app = document.getElementById('app')!;
document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
performance.mark('talentflow:start');

const TABS: State['tab'][] = ['map', 'models', 'scenario', 'rankings', 'graduates'];

/*
 * The header is laid out as the script runs, before the workspace's first answers arrive, and
 * the map is created as soon as its data is asked for and its code has loaded (boot): MapLibre's
 * style, shaders and first frame then overlap those requests instead of following the rest of
 * the boot. Nothing in the header depends on the data; the tab a link names is selected by
 * showTab once the link's view is applied.
 */
const langButton = h('button', { type: 'button', id: 'lang', class: 'lang', 'data-i18n-aria': 'lang.switchLabel', 'aria-label': t('lang.switchLabel'), onclick: () => setLang(lang() === 'zh' ? 'en' : 'zh') }, label('lang.switch'));
const tabButtons = TABS.map((id) => h('button', {
  type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `view-${id}`, 'aria-selected': String(id === 'map'), tabindex: id === 'map' ? '0' : '-1',
  onclick: () => update({ tab: id }),
  onkeydown: (e: Event) => {
    const k = (e as KeyboardEvent).key;
    if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(state.tab) + (k === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    update({ tab: next });
    document.getElementById(`tab-${next}`)?.focus();
  },
}, label(`tab.${id}`)));
const header = h('header', { class: 'top' },
  h('div', { class: 'brand' }, label('app.title', 'strong'), label('app.subtitle', 'span', { class: 'subtitle' })),
  h('nav', { role: 'tablist', 'aria-label': 'talentflow' }, ...tabButtons),
  printButton(),
  langButton,
);
// The map's code (MapLibre, most of the page's script) loads beside this small entry: the boot
// below asks for the cases and the first view's data while it is still being fetched and parsed.
// Both start from a microtask, not from this module's top level (see the end of this file).
let mapCode: Promise<typeof import('./map/view.ts')>;
let mapView: MapView | null = null;
const main = h('main', { id: 'main' });
clear(app);
app.append(h('a', { class: 'skip', href: '#main', i18n: 'app.skip' }), header, main);

async function boot(): Promise<void> {
  const periodsRequest = api.periods();
  // The cases (countries, periods, groups, sources) come from the workspace; a shared link's
  // view (url-state.ts) is applied after them, before anything is fetched or drawn.
  const cases = await api.cases();
  if (!cases.length) {
    clear(app);
    app.append(status('empty', t('empty.workspace')));
    app.removeAttribute('aria-busy');
    return;
  }
  setCases(cases, []);
  const withLevel = await withSelectionLevel(initialUrlState(), (q) => api.regions(q));
  const flowPeriods = periodsRequest.then((p) => p.flows.map((x) => x.period));
  const flowPeriodSet = flowPeriods.then((p) => new Set(p));
  const fromUrl = await withPeriodAtLevel(withLevel, async (view) => hasNetValues(view, await flowPeriodSet));
  update(fromUrl);
  prefetchMapData();
  // The map is created once its data is asked for (and its code is in): created earlier, its first frames (a full
  // redraw apiece with a software renderer) held back the handling of /api/cases and so the
  // requests of the boundaries and values, which the map then waited for. The footer (the
  // case's sources) goes in first, so the map's box has its final size and the map is created
  // at the case's bounds: a resize or a camera jump after it is one more full redraw.
  app.append(caseFooter());
  const map = (mapView = (await mapCode).createMapView());
  main.append(map.element);
  map.mount();
  const periods = await flowPeriods;
  startUrlSync(fromUrl, periods);
  // Server messages that name regions by code say their names in the page's language.
  namePlaces((code) => map.regions().get(code));
  const views: Partial<Record<State['tab'], HTMLElement>> = { map: map.element };
  app.removeAttribute('aria-busy');
  map.start(periods);

  async function showTab(tab: State['tab']): Promise<void> {
    for (const b of tabButtons) {
      const on = b.id === `tab-${tab}`;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    if (!views[tab]) {
      const placeholder = h('section', { class: 'view', id: `view-${tab}` }, status('loading', t('loading')));
      main.append(placeholder);
      views[tab] = placeholder;
      // The tabs say the server's notes from their first render: the catalogues first.
      await loadServerMessages();
      const el = tab === 'models' ? (await import('./models/view.ts')).createModelsView(periods)
        : tab === 'rankings' ? (await import('./rankings/view.ts')).createRankingsView()
          : tab === 'graduates' ? (await import('./graduates/view.ts')).createGraduatesView()
            : (await import('./scenario/editor.ts')).createScenarioEditor(map.regions, periods);
      placeholder.replaceWith(el);
      views[tab] = el;
    }
    for (const [id, el] of Object.entries(views)) el!.hidden = id !== tab;
    views[tab]!.setAttribute('role', 'tabpanel');
    views[tab]!.setAttribute('aria-labelledby', `tab-${tab}`);
  }
  subscribe((s, changed) => {
    if (changed.has('tab')) void showTab(s.tab);
  });
  void showTab(state.tab);
}

/*
 * Started from a microtask, once this module has run, so that no request is made with the
 * module's top level on the JavaScript stack. With DevTools attached (as in the browser tests and
 * `npm run bench -- dashboard`) Chromium records the stack of every request, and V8, which keeps
 * no source positions for code it has run once, then parses the whole entry chunk again to find
 * that frame's line: 70 ms of the page's thread on this machine before the map could start.
 */
queueMicrotask(() => {
  mapCode = import('./map/view.ts');
  boot().catch((e) => {
    mapView?.remove();
    clear(app);
    app.append(status('error', errorLine(e)));
  });
});
