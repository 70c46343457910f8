import { get } from '../api.ts';
import { barChart } from '../charts/bars.ts';
import { figure } from '../charts/figure.ts';
import { downloadCsv } from '../export/download.ts';
import type { ExportMeta } from '../export/meta.ts';
import { colon, errorLine, fmt, lang, onLanguage, regionName, t } from '../i18n/index.ts';
import { percentagePoints } from '../i18n/numbers.ts';
import { fieldTexts, messageText } from '../i18n/server-text.ts';
import { coded, type CodedMessage } from '../../../src/core/messages/index.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { onViewParams, setViewParams, viewParam } from '../url-state.ts';

/**
 * The graduates tab: the graduate destination report of a university and year
 * (GET /api/reports/graduates, the library's GraduateReport as `talentflow report graduates
 * --format json` prints it): headline stay shares, destinations by province as bars, and the
 * SYNTHETIC DATA banner when the records are generated. The universities and graduation years
 * offered are the workspace's (GET /api/reports/graduates/catalogue): a workspace without person
 * records says so and how to import them, instead of asking for a preset university it does not
 * hold (a 422 in red). "Printable report" opens the same
 * selection as the CLI's printable page (GET /api/reports/graduates.html) in a new tab. Values
 * the server hid by small-cell suppression (`suppressed: true`, the workspace's k in `privacy`)
 * read "suppressed (<k)" / 已隐藏（少于 k 人）, in the cards, the bars and the CSV export alike.
 */
interface Keyed {
  code: string; count: number | null; share: number | null; previousCount: number | null; previousShare: number | null;
  countChange: number | null; shareChangePp: number | null; suppressed: boolean; previousSuppressed: boolean;
}
interface Stay { stayed: number | null; base: number | null; share: number | null; previousShare: number | null; shareChangePp: number | null; suppressed: boolean; previousSuppressed: boolean }
interface GraduateReport {
  year: number; previousYear: number | null; synthetic: boolean;
  selection: { university?: string };
  headcount: { count: number | null; previousCount: number | null; suppressed: boolean };
  stayStudyProvince: Stay; stayHomeProvince: Stay;
  /** The provinces the study-province share is about (absent from an older server). */
  studyProvinces?: { codes: string[]; suppressed: boolean };
  byProvince: Keyed[]; warnings: string[];
  /** The warnings coded (src/core/messages), for the page's language. */
  messages?: { warnings?: CodedMessage[] };
  privacy: { k: number; suppressedCells: number; rule: string } | null;
}
interface RegionName { code: string; name_zh: string | null; name_en: string | null }
interface University { university: string; name_zh: string | null; name_en: string | null; years: number[]; synthetic: boolean }
type Selection = Record<'university' | 'year' | 'compare', string | undefined>;

/** The printable page of the selection, in the dashboard's language (relative, as web/src/api.ts asks). */
function printableUrl(selection: Selection): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...selection, lang: lang() })) if (v) q.set(k, v);
  return `api/reports/graduates.html?${q}`;
}

/** The workspace's universities (the catalogue), by their stored name. */
let catalogue = new Map<string, University>();

/**
 * A university in the page's language, the other one for the hover title: names the catalogue
 * knows (the demo's presets have both), else as stored.
 */
function universityLabel(stored: string): { text: string; other: string } {
  const u = catalogue.get(stored);
  const zh = u?.name_zh ?? null;
  const en = u?.name_en ?? null;
  if (!zh || !en) return { text: zh ?? en ?? stored, other: '' };
  return lang() === 'zh' ? { text: zh, other: en } : { text: en, other: zh };
}

export function createGraduatesView(): HTMLElement {
  const university = h('select', { id: 'g-university' });
  const year = h('select', { id: 'g-year' });
  const compare = h('input', { id: 'g-compare', type: 'checkbox', checked: true });
  const results = h('div', { class: 'grad-results', 'aria-live': 'polite' });
  // Hidden while the workspace has no records: an empty list and a "latest year" of nothing would offer a choice there is not.
  const choices = h('div', { class: 'grad-choices' },
    h('div', { class: 'field' }, h('label', { for: 'g-university', i18n: 'grad.university' }), university),
    h('div', { class: 'field' }, h('label', { for: 'g-year', i18n: 'grad.year' }), year),
    h('div', { class: 'field check' }, compare, h('label', { for: 'g-compare', i18n: 'grad.compare' })));
  const element = h('section', { class: 'view view-graduates', id: 'view-graduates' },
    h('div', { class: 'col' }, label('grad.title', 'h2'), label('grad.help', 'p', { class: 'note' }), choices),
    h('div', { class: 'col wide' }, results));
  let names = new Map<string, RegionName>();
  let seq = 0;
  let listed: Promise<void> | null = null;
  /** Years of the university chosen (of all, with none), newest first. */
  const yearsOf = (u: string) => [...new Set([...catalogue.values()].filter((x) => !u || x.university === u).flatMap((x) => x.years))].sort((a, b) => b - a);
  /** The selects' options from the catalogue, in the page's language; what was chosen stays where it still exists. */
  function renderChoices(): void {
    // Nothing was chosen before the first listing (an empty select's value is ''): the first university then.
    const chosen = university.options.length ? university.value : null;
    university.replaceChildren(...[...catalogue.values()].map((u) => {
      const { text, other } = universityLabel(u.university);
      return h('option', { value: u.university, title: other }, text);
    }), ...(catalogue.size > 1 ? [h('option', { value: '' }, t('grad.allUniversities'))] : []));
    if (chosen !== null && [...university.options].some((o) => o.value === chosen)) university.value = chosen;
    renderYears();
  }
  function renderYears(): void {
    const chosen = year.value;
    const years = yearsOf(university.value);
    year.replaceChildren(h('option', { value: '' }, years.length ? t('grad.latestYear', { year: String(years[0]) }) : t('grad.latest')), ...years.map((y) => h('option', { value: String(y) }, String(y))));
    if ([...year.options].some((o) => o.value === chosen)) year.value = chosen;
  }
  const list = () => (listed ??= get<{ universities: University[] }>('reports/graduates/catalogue').then((c) => {
    catalogue = new Map(c.universities.map((u) => [u.university, u]));
    renderChoices();
    fromUrl();
  }));
  const nameOf = (code: string) => regionName(names.get(code) ?? { code });
  const pct = (x: number | null) => (x === null ? '–' : `${fmt(100 * x, 1)}%`);
  const pp = (x: number | null) => (x === null ? '' : percentagePoints(x, lang()));
  /** Which province "stayed in the study province" means: the university's ("Study province: Liaoning"), or each graduate's own of several. */
  function studyProvinceLine(r: GraduateReport): HTMLElement | '' {
    const p = r.studyProvinces;
    if (!p || (!p.codes.length && !p.suppressed)) return '';
    const names = p.codes.map(nameOf).join(lang() === 'zh' ? '、' : ', ');
    const others = p.suppressed ? t('grad.studyProvincesOthers', { k: r.privacy?.k ?? '' }) : '';
    const text = p.codes.length === 1 && !p.suppressed ? t('grad.studyProvince', { name: names }) : t('grad.studyProvinces', { names: [names, others].filter(Boolean).join(lang() === 'zh' ? '，' : ', ') });
    return h('div', { class: 'note', 'data-study-provinces': p.codes.join(' ') }, text);
  }
  const who = (r: GraduateReport) => (r.selection.university ? universityLabel(r.selection.university).text : t('grad.allUniversities'));

  async function load(): Promise<void> {
    const my = ++seq;
    clear(results);
    results.append(status('loading', t('loading')));
    try {
      await list();
      if (my !== seq) return;
      choices.hidden = !catalogue.size;
      if (!catalogue.size) {
        clear(results);
        results.append(status('empty', t('grad.noRecords')));
        element.dataset.rendered = 'none';
        return;
      }
      // A workspace without a province level answers 400 (the server checks levels): the report
      // then shows the destination codes, which is all it can name.
      if (!names.size) names = new Map((await get<RegionName[]>('regions', { level: 'province', limit: 1000 }).catch(() => [] as RegionName[])).map((r) => [r.code, r]));
      const selection: Selection = { university: university.value || undefined, year: year.value || undefined, compare: compare.checked ? undefined : 'none' };
      const r = await get<GraduateReport>('reports/graduates', selection);
      if (my !== seq) return;
      clear(results);
      const mark = t('grad.suppressed', { k: r.privacy?.k ?? '' });
      const hidden = (text: string, isHidden: boolean) => (isHidden ? mark : text);
      const card = (key: 'grad.stayStudy' | 'grad.stayHome', s: Stay) => h('div', { class: 'card', 'data-kpi': key, ...(s.suppressed ? { 'data-suppressed': '' } : {}) },
        h('div', {}, t(key)), h('div', { class: 'big' }, hidden(pct(s.share), s.suppressed)),
        h('div', { class: 'note' }, s.suppressed ? '' : `${fmt(s.stayed ?? 0)} / ${fmt(s.base ?? 0)}${s.shareChangePp === null ? '' : ` · ${t('grad.change', { pp: pp(s.shareChangePp), year: String(r.previousYear) })}`}`),
        key === 'grad.stayStudy' ? studyProvinceLine(r) : '');
      const rows = r.byProvince.slice(0, 15).map((x) => ({ code: x.code, name: nameOf(x.code), count: x.count, share: x.share, previousShare: x.previousShare, shareChangePp: x.shareChangePp, suppressed: x.suppressed }));
      const chart = await barChart(rows, {
        value: (d) => 100 * (d.share ?? 0), text: (d) => hidden(`${pct(d.share)} (${fmt(d.count ?? 0)})`, d.suppressed), color: '#2f855a',
        width: Math.max(360, results.clientWidth - 16 || 640), axisLabel: t('grad.sharePct'),
      });
      // The CSV carries the same marks as the screen: a hidden count is never a blank a reader might take for 0.
      const csvRows = r.byProvince.map((x) => ({
        code: x.code, name: nameOf(x.code),
        count: x.suppressed ? mark : x.count, share: x.suppressed ? mark : x.share,
        previousCount: x.previousSuppressed ? mark : x.previousCount, previousShare: x.previousSuppressed ? mark : x.previousShare,
        countChange: x.suppressed || x.previousSuppressed ? mark : x.countChange, shareChangePp: x.suppressed || x.previousSuppressed ? mark : x.shareChangePp,
      }));
      const tableRows = rows.map((x) => ({ code: x.code, name: x.name, count: x.suppressed ? mark : x.count, share: x.suppressed ? mark : x.share }));
      // Exports carry the SYNTHETIC stamp of the screen's banner and round counts to persons, shares to 0.1 %.
      const title = t('grad.heading', { year: String(r.year), who: who(r), n: r.headcount.suppressed ? mark : fmt(r.headcount.count ?? 0) });
      // The chart shows the largest destinations; its caption says how many of how many.
      const caption = r.byProvince.length > rows.length ? t('grad.topProvinces', { n: rows.length, of: r.byProvince.length }) : t('grad.byProvince');
      const meta: ExportMeta = {
        title: `${title}${colon()}${t('grad.byProvince')}`, unit: t('export.unitShare'), definition: t('grad.byProvince'),
        source: t('grad.source', { who: who(r), year: String(r.year) }), kind: r.synthetic ? 'synthetic' : 'observed',
        columns: { count: 'persons', share: 'share', previousCount: 'persons', previousShare: 'share', countChange: 'persons', shareChangePp: 'percent' },
      };
      results.append(
        r.synthetic ? h('p', { class: 'status status-error synthetic-banner', role: 'alert', 'data-banner': 'synthetic' }, `${t('stamp.synthetic')}${colon()}${messageText(coded('graduates.syntheticNote', {}))}`) : '',
        h('h3', { title: r.selection.university ? universityLabel(r.selection.university).other : '' }, title),
        h('div', { class: 'cards' }, card('grad.stayStudy', r.stayStudyProvince), card('grad.stayHome', r.stayHomeProvince)),
        figure('graduate-destinations', caption, chart, tableRows, meta),
        r.privacy ? h('p', { class: 'note', 'data-privacy': String(r.privacy.k) }, messageText(coded('graduates.privacyNote', { k: r.privacy.k, cells: r.privacy.suppressedCells }))) : '',
        h('div', { class: 'buttons' },
          h('button', { type: 'button', class: 'small', 'data-export': 'graduates-csv', onclick: () => downloadCsv(`graduate-destinations-${r.year}.csv`, csvRows, meta) }, t('grad.csvAll', { n: r.byProvince.length })),
          h('a', { href: printableUrl(selection), target: '_blank', rel: 'noopener', 'data-export': 'graduates-html', title: t('grad.printableHint') }, t('grad.printable'))),
        ...fieldTexts(r, 'warnings').map((w) => h('p', { class: 'note' }, w)),
      );
      element.dataset.rendered = String(r.year);
    } catch (e) {
      if (my !== seq) return;
      clear(results);
      results.append(status('error', errorLine(e)));
    }
  }

  // University, year and comparison are in the page's link (url-state.ts); "all" stands for all universities.
  function fromUrl(): void {
    const u = viewParam('g.university');
    if (u !== null && [...university.options].some((o) => o.value === (u === 'all' ? '' : u))) university.value = u === 'all' ? '' : u;
    renderYears();
    const y = viewParam('g.year');
    // A link's year the records lack stays asked for: the server's answer says which years there are.
    if (y !== null && /^\d{4}$/.test(y) && ![...year.options].some((o) => o.value === y)) year.append(h('option', { value: y }, y));
    year.value = y !== null && /^\d{4}$/.test(y) ? y : '';
    compare.checked = viewParam('g.compare') !== 'none';
  }
  const toUrl = () => setViewParams({ 'g.university': university.value || 'all', 'g.year': year.value || null, 'g.compare': compare.checked ? null : 'none' });
  university.addEventListener('change', renderYears);
  for (const el of [university, year, compare]) el.addEventListener('change', () => void (toUrl(), load()));
  onViewParams(() => void (fromUrl(), load()));
  fromUrl();
  onLanguage(() => {
    renderChoices();
    void load();
  });
  void load();
  return element;
}
