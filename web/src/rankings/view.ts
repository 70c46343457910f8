import { get } from '../api.ts';
import { barChart } from '../charts/bars.ts';
import { figure } from '../charts/figure.ts';
import { downloadCsv } from '../export/download.ts';
import type { ExportMeta } from '../export/meta.ts';
import { fmt, onLanguage, t } from '../i18n/index.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { onViewParams, setViewParams, viewParam } from '../url-state.ts';

/**
 * The rankings tab: the documented example index of China's cities (GET /api/rank, the same
 * library calls as `talentflow rank --example china-cities`), national ranks of the regions in
 * a scope (the Northeast or all), as a bar chart of the top scores and a table with rank and
 * rank change when the server reports one; CSV export of the table.
 */
interface RankRow { code: string; name: string | null; score: number; rank: number }
interface RankResult {
  description: string | null;
  index: { indicators: string[]; rows: RankRow[]; warnings: string[]; excluded: string[] };
  rankChange?: { period: string; byRegion: Record<string, { change: number }> };
}

export function createRankingsView(): HTMLElement {
  const scope = h('select', { id: 'r-show' }, h('option', { value: 'northeast', i18n: 'scope.northeast' }), h('option', { value: '', i18n: 'scope.all' }));
  const top = h('input', { id: 'r-top', type: 'number', min: 1, max: 500, value: 15 });
  const results = h('div', { class: 'rank-results', 'aria-live': 'polite' });
  const element = h('section', { class: 'view view-rankings', id: 'view-rankings' },
    h('div', { class: 'col' },
      label('rank.title', 'h2'), label('rank.help', 'p', { class: 'note' }),
      h('div', { class: 'field' }, h('label', { for: 'r-show', i18n: 'rank.show' }), scope),
      h('div', { class: 'field' }, h('label', { for: 'r-top', i18n: 'rank.top' }), top)),
    h('div', { class: 'col wide' }, results));
  let seq = 0;

  async function load(): Promise<void> {
    const my = ++seq;
    clear(results);
    results.append(status('loading', t('loading')));
    try {
      const r = await get<RankResult>('rank', { example: 'china-cities', show: scope.value || undefined, top: Math.max(1, Math.min(500, Number(top.value) || 15)) });
      if (my !== seq) return;
      const change = r.rankChange?.byRegion;
      const rows = r.index.rows.map((x) => ({ rank: x.rank, code: x.code, name: x.name ?? x.code, score: x.score, rankChange: change?.[x.code]?.change ?? null }));
      clear(results);
      if (!rows.length) {
        results.append(status('empty', t('rank.empty')));
        return;
      }
      const chart = await barChart(rows, {
        value: (d) => d.score, text: (d) => fmt(d.score, 3), color: '#2b6cb0',
        width: Math.max(360, results.clientWidth - 16 || 640), axisLabel: t('rank.score'), marginLeft: 110, marginRight: 48,
      });
      const table = h('table', { class: 'coef', 'data-table': 'rankings' },
        h('caption', {}, t('rank.tableCaption')),
        h('thead', {}, h('tr', {}, ...(['rank.rank', 'rank.region', 'rank.score', 'rank.change'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, ...rows.map((x) => h('tr', {},
          h('td', {}, String(x.rank)), h('th', { scope: 'row' }, x.name), h('td', {}, fmt(x.score, 4)),
          h('td', {}, x.rankChange === null ? '–' : x.rankChange > 0 ? `+${x.rankChange}` : String(x.rankChange))))));
      // The index is a weighted sum of the workspace's indicators: its exports name them and round scores to 3 decimals.
      const meta: ExportMeta = {
        title: `${t('rank.title')}: ${t('rank.chartCaption', { n: rows.length })}`, unit: t('export.unitScore'),
        definition: r.description ?? undefined, source: `${t('rank.indicators')}: ${r.index.indicators.join(', ')}`, columns: { score: 'score' },
      };
      results.append(
        figure('rankings-top', t('rank.chartCaption', { n: rows.length }), chart, rows, meta),
        table,
        h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'rankings-csv', onclick: () => downloadCsv('rankings.csv', rows, meta) }, t('export.csv'))),
        r.description ? h('p', { class: 'note' }, r.description) : '',
        ...r.index.warnings.map((w) => h('p', { class: 'note' }, w)),
      );
      element.dataset.rendered = String(rows.length);
    } catch (e) {
      if (my !== seq) return;
      clear(results);
      results.append(status('error', `${t('error.prefix')}: ${(e as Error).message}`));
    }
  }

  // The scope and the number shown are in the page's link (url-state.ts); "all" stands for the empty value.
  function fromUrl(): void {
    const show = viewParam('r.show');
    if (show !== null && [...scope.options].some((o) => o.value === (show === 'all' ? '' : show))) scope.value = show === 'all' ? '' : show;
    const n = viewParam('r.top');
    if (n !== null && /^\d{1,3}$/.test(n)) top.value = n;
  }
  const toUrl = () => setViewParams({ 'r.show': scope.value || 'all', 'r.top': top.value });
  scope.addEventListener('change', () => void (toUrl(), load()));
  top.addEventListener('change', () => void (toUrl(), load()));
  onLanguage(() => void load());
  onViewParams(() => void (fromUrl(), load()));
  fromUrl();
  void load();
  return element;
}
