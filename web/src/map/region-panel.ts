import { api, type FlowRow, type Region } from '../api.ts';
import { topChart } from '../charts/top.ts';
import { populationChart, trendChart, type TrendRow } from '../charts/trend.ts';
import { colon, errorLine, fmt, regionName, t } from '../i18n/index.ts';
import { fieldText } from '../i18n/server-text.ts';
import { state, update } from '../state.ts';
import { clear, h, status } from '../ui/dom.ts';

/**
 * The side panel of one region: in-flow, out-flow and net for the selected period, its top
 * destinations and origins, and its trend over every stored period (or, where flows cover one
 * census interval only, its population at each census).
 */
export async function renderRegionPanel(el: HTMLElement, code: string, regions: Map<string, Region>, measureQuery: Record<string, string | number>): Promise<void> {
  const region = regions.get(code);
  const name = region ? regionName(region) : code;
  const width = Math.max(240, el.clientWidth - 32);
  clear(el);
  const targeted = state.targets.includes(code);
  el.append(
    h('div', { class: 'panel-head' },
      h('h2', { id: 'region-title' }, name),
      h('button', { type: 'button', class: 'icon', 'aria-label': t('region.close'), title: t('region.close'), onclick: () => update({ selected: null }) }, '×')),
    h('button', {
      type: 'button', class: 'small target-toggle', 'aria-pressed': String(targeted),
      onclick: () => update({ targets: targeted ? state.targets.filter((c) => c !== code) : [...state.targets, code] }),
    }, t(targeted ? 'region.removeTarget' : 'region.addTarget')),
  );
  const body = h('div', { class: 'panel-body' }, status('loading', t('loading')));
  el.append(body);

  const short = (s: string | null | undefined) => (s ?? '').replace(/(市|省|自治区|壮族|回族|维吾尔|特别行政区)$/u, '');
  const nameOf = (c: string, fallback: string | null) => (regions.get(c) ? regionName(regions.get(c)!) : fallback ?? c);
  try {
    // The period's flows only where the map shows flows (a census interval without flows has none,
    // and the API refuses a period without flows); the measure query then has from/to, no period.
    const periodFlows = (side: 'origin' | 'destination') => (measureQuery.period === undefined
      ? Promise.resolve({ rows: [] as FlowRow[], dropped: 0 })
      : api.flows({ [side]: code, period: state.period, level: state.level, intra: false, limit: 8 }));
    const [summary, out, inn, history] = await Promise.all([
      api.measure('summary', { ...measureQuery, region: code }),
      periodFlows('origin'),
      periodFlows('destination'),
      Promise.all([api.flows({ origin: code, level: state.level, intra: false }), api.flows({ destination: code, level: state.level, intra: false })]),
    ]);
    clear(body);
    const s = (summary.rows[0] ?? {}) as Record<string, number | undefined>;
    body.append(h('dl', { class: 'kpis' },
      ...([['region.in', s.inflow], ['region.out', s.outflow], ['region.net', s.net], ['region.population', s.population]] as const).map(([k, v]) =>
        h('div', { class: `kpi ${k === 'region.net' && v !== undefined ? (v < 0 ? 'neg' : 'pos') : ''}` }, h('dt', {}, t(k)), h('dd', { 'data-kpi': k }, fmt(v)))),
    ));
    // The same definition as the map's legend: which flows these are, and that they are estimates.
    if (summary.kind === 'estimated' && summary.source === 'flows') body.append(h('p', { class: 'note', 'data-note': 'estimated' }, t('region.estimated')));
    body.append(h('p', { class: 'note', 'data-note': 'definition' }, fieldText(summary, 'definition')));

    // Exports of these charts say what the panel says: the flows' definition and whether they are estimates.
    const meta = { definition: fieldText(summary, 'definition'), kind: summary.kind === 'observed' ? 'observed' as const : summary.kind === 'mixed' ? 'mixed' as const : 'estimated' as const };
    const top = (rows: FlowRow[], side: 'origin' | 'destination') => rows.map((r) => ({ name: short(nameOf(r[side], r[`${side}_name`])), count: r.count }));
    if (out.rows.length) body.append(await topChart(`top-destinations-${code}`, t('region.topOut'), top(out.rows, 'destination'), '#b2182b', width, { ...meta, title: `${name}${colon()}${t('region.topOut')} · ${state.period}`, unit: t('export.unitPersons') }));
    if (inn.rows.length) body.append(await topChart(`top-origins-${code}`, t('region.topIn'), top(inn.rows, 'origin'), '#2166ac', width, { ...meta, title: `${name}${colon()}${t('region.topIn')} · ${state.period}`, unit: t('export.unitPersons') }));

    const byPeriod = new Map<string, TrendRow>();
    const row = (p: string) => byPeriod.get(p) ?? byPeriod.set(p, { period: p, inflow: 0, outflow: 0, net: 0 }).get(p)!;
    for (const f of history[0].rows) row(f.period).outflow += f.count;
    for (const f of history[1].rows) row(f.period).inflow += f.count;
    const trend = [...byPeriod.values()].map((r) => ({ ...r, net: r.inflow - r.outflow })).sort((a, b) => (a.period < b.period ? -1 : 1));
    if (trend.length > 1) body.append(await trendChart(`trend-${code}`, trend, width, { ...meta, title: `${name}${colon()}${t('region.trend')}` }));
    else {
      const pop = await api.indicators({ name: 'population', within: code });
      const rows = pop.filter((p) => p.region === code).map((p) => ({ year: p.period, population: p.value }));
      if (rows.length) body.append(await populationChart(`population-${code}`, rows, width, { title: `${name}${colon()}${t('region.trendPopulation')}`, definition: t('region.populationDefinition', { unit: pop[0]?.unit ?? t('export.unitPersons') }) }));
    }
  } catch (e) {
    clear(body);
    body.append(status('error', errorLine(e)));
  }
}
