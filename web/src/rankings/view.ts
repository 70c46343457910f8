import { get } from '../api.ts';
import { figure } from '../charts/figure.ts';
import { stackedBarChart } from '../charts/stacked-bars.ts';
import { downloadCsv } from '../export/download.ts';
import type { ExportMeta } from '../export/meta.ts';
import { colon, errorLine, fmt, lang, levelLabel, onLanguage, otherName, regionName, t, type MessageKey } from '../i18n/index.ts';
import { fieldText, fieldTexts, namePlaces, placeName } from '../i18n/server-text.ts';
import type { CodedMessage } from '../../../src/core/messages/index.ts';
import { CASES, state, subscribe } from '../state.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import { onViewParams, setViewParams, viewParam } from '../url-state.ts';
import { rankTermLabel } from './term-label.ts';
import { earlierPeriod } from './compare-period.ts';
import { rankTable, SCORE_DIGITS, type CompareWith } from './rank-table.ts';
import { weightsTable, type IndexWeights } from './weights-table.ts';
import { SENSITIVITY_DRAWS, sensitivityNote, spreadByRegion, type SensitivityAnswer } from './sensitivity.ts';

/**
 * The rankings tab, for the case the map shows (GET /api/rank, the same library calls as
 * `talentflow rank`): where the case has the indicators of a documented example index (China's
 * cities: `--example china-cities`, as GET /api/cases says) that index; otherwise an index of
 * the indicators the case has, picked here with their direction (min-max, equal weights). Ranks
 * are over the case; a scope (one of its groups, or all; at first the map's, so an analyst's
 * Northeast is not ranked among Shenzhen and Dongguan) limits the regions shown. A bar chart
 * of the top scores and a table with rank and, for a custom index, the rank change since the
 * latest earlier year its indicators share (the example fixes its years: a note says there is
 * none to compare with); CSV export of the table. The bars are split into each indicator's
 * contribution (weight x normalised value), and the table gains each region's median rank and
 * 90% interval under random weightings around the declared ones (sensitivity.ts), asked for
 * beside the ranking and filled in when they arrive. A region selected on the map is marked and
 * scrolled to. One request per ranking asked for: a language switch, the number shown or a new
 * selection shows the last answer again.
 */
interface RegionNames { code: string; name_zh: string | null; name_en: string | null; parent: string | null }
interface RankRow { code: string; name: string | null; score: number; rank: number; contributions?: Record<string, number> }
interface RankResult {
  description: string | null;
  messages?: { description?: CodedMessage | null };
  /** `messages.warnings`: the warnings coded (src/core/messages), for the page's language. */
  index: IndexWeights & { rows: RankRow[]; warnings: string[]; messages?: { warnings?: CodedMessage[] }; excluded: string[] };
  /** `messages.warnings`: why ranks of the two periods are not fully comparable, coded. */
  rankChange?: { period: string; byRegion: Record<string, { change: number }>; warnings: string[]; messages?: { warnings?: CodedMessage[] } };
}

/** A CSV column of one indicator's contribution to the score, named by the term as the index writes it. */
const contributionColumn = (term: string) => `contribution ${term}`;
function contributionColumns(terms: string[], contributions: Record<string, number>): Record<string, number | null> {
  return Object.fromEntries(terms.map((term) => [contributionColumn(term), contributions[term] ?? null]));
}

/** An answer's warnings as notes in the page's language, each marked with its code. */
function warningNotes(answer: { warnings: string[]; messages?: { warnings?: CodedMessage[] } }): HTMLElement[] {
  return fieldTexts(answer, 'warnings').map((w, i) => h('p', { class: 'note', 'data-warning-code': answer.messages?.warnings?.[i]?.code ?? '' }, w));
}

export function createRankingsView(): HTMLElement {
  const scope = h('select', { id: 'r-show' }) as HTMLSelectElement;
  const top = h('input', { id: 'r-top', type: 'number', min: 1, max: 500, value: 15 });
  const results = h('div', { class: 'rank-results', 'aria-live': 'polite' });
  const controls = h('div', { class: 'col' });
  const custom = {
    level: h('select', { id: 'r-level' }) as HTMLSelectElement,
    period: h('select', { id: 'r-period' }) as HTMLSelectElement,
    list: h('fieldset', { class: 'rank-pick' }),
  };
  const element = h('section', { class: 'view view-rankings', id: 'view-rankings' }, controls, h('div', { class: 'col wide' }, results));
  let seq = 0;
  const caseNow = () => CASES[state.caseId];
  // Where a documented example applies, the user may still rank by their own indicators (a yearbook they imported).
  const index = h('select', { id: 'r-index' }) as HTMLSelectElement;
  const documented = () => caseNow()?.info.rankExamples[0];
  const example = () => (index.value === 'own' ? undefined : documented());

  /** The group whose flows the map shows (state.scope: the case's own, the Northeast), or '' for the whole case. */
  const mapScope = () => caseNow()?.scopes.find((s) => s.id === state.scope)?.group ?? '';

  /**
   * The controls of the case: its scopes (`keep` chosen when the case offers it: the map's
   * scope when the case changes, the one shown when the language does), and the indicator picker
   * where no example index applies.
   */
  function renderControls(keep = scope.value): void {
    const c = caseNow();
    scope.replaceChildren(...(c?.scopes ?? []).map((s) => h('option', { value: s.group ?? '' }, s.group ? regionName({ code: s.id, ...s }) : t('scope.all'))));
    if ([...scope.options].some((o) => o.value === keep)) scope.value = keep;
    const fields = [
      h('div', { class: 'field' }, h('label', { for: 'r-show', i18n: 'rank.show' }), scope),
      h('div', { class: 'field' }, h('label', { for: 'r-top', i18n: 'rank.top' }), top),
    ];
    const ex = documented();
    const keepIndex = index.value;
    // Short names that fit the select at 1440x900, the full one on hover (the long one was cut off).
    index.replaceChildren(...(ex ? [h('option', { value: 'example', title: t('rank.indexExampleTitle') }, t('rank.indexExample')), h('option', { value: 'own', title: t('rank.indexOwn') }, t('rank.indexOwn'))] : []));
    index.value = ex && keepIndex === 'own' ? 'own' : ex ? 'example' : '';
    index.title = index.selectedOptions[0]?.title ?? '';
    const indexField = ex ? [h('div', { class: 'field' }, h('label', { for: 'r-index', i18n: 'rank.index' }), index)] : [];
    if (!c || example()) {
      controls.replaceChildren(label('rank.title', 'h2'), label('rank.help', 'p', { class: 'note' }), ...indexField, ...fields);
      return;
    }
    if (!c.levels.includes(custom.level.value)) {
      custom.level.replaceChildren(...c.levels.map((l) => h('option', { value: l }, levelLabel(l))));
      custom.level.value = c.levels[0];
    } else for (const o of custom.level.options) o.textContent = levelLabel(o.value);
    renderPicker();
    controls.replaceChildren(label('rank.titleCustom', 'h2'), label('rank.helpCustom', 'p', { class: 'note' }), ...indexField,
      h('div', { class: 'field' }, h('label', { for: 'r-level', i18n: 'rank.level' }), custom.level),
      h('div', { class: 'field' }, h('label', { for: 'r-period', i18n: 'rank.period' }), custom.period),
      custom.list,
      h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'r-run', onclick: () => void load() }, t('rank.run'))),
      ...fields);
  }

  /** One row per indicator of the case at the chosen level: ticked, and more or less is better. */
  function renderPicker(): void {
    const available = (caseNow()?.info.indicators ?? []).filter((i) => i.level === custom.level.value);
    const periods = [...new Set(available.flatMap((i) => i.periods))].sort();
    const keepPeriod = custom.period.value;
    custom.period.replaceChildren(...periods.map((p) => h('option', { value: p }, p)));
    custom.period.value = periods.includes(keepPeriod) ? keepPeriod : periods.at(-1) ?? '';
    // Ticked at first: up to three indicators that have the year shown (others would rank nothing).
    const ticked = new Set(available.filter((i) => i.periods.includes(custom.period.value)).slice(0, 3).map((i) => i.name));
    // A language switch redraws the picker of the same case and level: what was ticked and each direction stay as they were.
    const same = custom.list.dataset.level === custom.level.value && custom.list.dataset.case === state.caseId;
    custom.list.dataset.level = custom.level.value;
    custom.list.dataset.case = state.caseId;
    const before = new Map(!same ? [] : [...custom.list.querySelectorAll<HTMLElement>('[data-indicator]')].map((row) =>
      [row.dataset.indicator!, { checked: row.querySelector<HTMLInputElement>('input')!.checked, direction: row.querySelector<HTMLSelectElement>('select')!.value }]));
    custom.list.replaceChildren(h('legend', {}, t('rank.pick')),
      ...(available.length ? available.map((i, k) => {
        const label = rankTermLabel(i.name, () => i.unit);
        const direction = h('select', { 'aria-label': `${label.text}${colon()}${t('rank.more')} / ${t('rank.less')}` }, h('option', { value: '+' }, t('rank.more')), h('option', { value: '-' }, t('rank.less'))) as HTMLSelectElement;
        direction.value = before.get(i.name)?.direction ?? '+';
        return h('div', { class: 'field check', 'data-indicator': i.name },
          h('input', { type: 'checkbox', id: `r-ind-${k}`, value: i.name, checked: before.get(i.name)?.checked ?? ticked.has(i.name) }),
          h('label', { for: `r-ind-${k}`, title: label.id }, label.text),
          direction);
      }) : [status('empty', t('rank.none'))]));
  }

  /**
   * The query of GET /api/rank, or a reason to ask nothing. All regions of the scope are asked
   * for (a few hundred at most): the number shown is cut here, so a region selected on the map
   * but ranked lower can still be shown. A custom index is compared with the latest earlier year
   * all its indicators have (compare-period.ts); the example's terms fix their years.
   */
  function query(): Record<string, string | number | undefined> | string {
    const show = scope.value || undefined;
    const ex = example();
    if (ex) return { example: ex, show };
    const ticked = [...custom.list.querySelectorAll<HTMLElement>('[data-indicator]')].filter((row) => row.querySelector<HTMLInputElement>('input')!.checked);
    if (!ticked.length) return t(custom.list.querySelector('[data-indicator]') ? 'rank.pickOne' : 'rank.none');
    const terms = ticked.map((row) => `${row.dataset.indicator}:${row.querySelector<HTMLSelectElement>('select')!.value}`);
    const available = (caseNow()?.info.indicators ?? []).filter((i) => i.level === custom.level.value);
    const period = custom.period.value || undefined;
    const comparePeriod = period && earlierPeriod(ticked.map((row) => available.find((i) => i.name === row.dataset.indicator)?.periods ?? []), period);
    return { indicators: terms.join(','), level: custom.level.value, within: caseNow()?.within, period, comparePeriod, show };
  }

  // Region names in both languages per level: rows show the page's language, the other on hover.
  const namesByLevel = new Map<string, Map<string, RegionNames>>();
  // The regions a ranking's warnings name (cities left out for missing values) by these names too.
  namePlaces((code) => [...namesByLevel.values()].find((m) => m.has(code))?.get(code));
  async function namesAt(level: string): Promise<Map<string, RegionNames>> {
    let names = namesByLevel.get(level);
    if (!names) namesByLevel.set(level, (names = new Map((await get<RegionNames[]>('regions', { level, limit: 100_000 })).map((r) => [r.code, r]))));
    return names;
  }

  /** An answer of GET /api/rank with the names of its regions, and what it was asked with. */
  interface Answer {
    result: RankResult; names: Map<string, RegionNames>; compare: CompareWith; custom: boolean;
    /** The weight sensitivity, asked for beside the ranking (null: the index cannot have one, e.g. negative PCA weights). */
    sensitivity: Promise<SensitivityAnswer | null>;
    /** The sensitivity once it has arrived, so a redraw (language, number shown) has it at once. */
    sensitivityNow?: SensitivityAnswer | null;
  }
  /** The last ranking asked for: shown again (language, number shown, a region selected on the map) without asking again. */
  let asked: { key: string; answer: Promise<Answer> } | undefined;

  async function fetchRanking(q: Record<string, string | number | undefined>): Promise<Answer> {
    // The documented example ranks cities; a custom index the level picked.
    // The same ranking with its sensitivity: only the first row of the index is sent back (the sensitivity covers all).
    const sensitivity = get<{ sensitivity?: SensitivityAnswer }>('rank', { ...q, comparePeriod: undefined, sensitivity: SENSITIVITY_DRAWS, top: 1 })
      .then((x) => x.sensitivity ?? null, () => null);
    const [result, names] = await Promise.all([get<RankResult>('rank', q), namesAt(typeof q.level === 'string' ? q.level : 'city')]);
    return { result, names, compare: typeof q.comparePeriod === 'string' ? { period: q.comparePeriod } : null, custom: !example(), sensitivity };
  }

  async function load(): Promise<void> {
    const my = ++seq;
    const q = query();
    if (typeof q === 'string') {
      asked = undefined;
      clear(results);
      results.append(status('empty', q));
      return;
    }
    const key = JSON.stringify(q);
    if (asked?.key !== key) {
      clear(results);
      results.append(status('loading', t('loading')));
      asked = { key, answer: fetchRanking(q) };
    }
    const answer = asked.answer;
    try {
      const a = await answer;
      if (my !== seq) return;
      await render(a);
    } catch (e) {
      if (asked?.answer === answer) asked = undefined;
      if (my !== seq) return;
      clear(results);
      results.append(status('error', errorLine(e)));
    }
  }

  /**
   * The regions the map's selection focuses: the region itself, the ranked regions inside it (a
   * province's cities), or the ranked region it lies in (a city's province, when provinces are ranked).
   */
  function isFocused(code: string, names: Map<string, RegionNames>): boolean {
    const selected = state.selected;
    if (selected === null) return false;
    const parentOfSelected = [...namesByLevel.values()].map((m) => m.get(selected)).find(Boolean)?.parent;
    return code === selected || names.get(code)?.parent === selected || code === parentOfSelected;
  }

  async function render(answer: Answer): Promise<void> {
    const { result: r, names, compare, custom: isCustom } = answer;
    const change = r.rankChange?.byRegion;
    const all = r.index.rows.map((x) => {
      const n = names.get(x.code);
      return { rank: x.rank, code: x.code, name: n ? regionName(n) : x.name ?? x.code, otherName: n ? otherName(n) : '', score: x.score, rankChange: change?.[x.code]?.change ?? null, focused: isFocused(x.code, names), contributions: x.contributions ?? {} };
    });
    const n = Math.max(1, Math.min(500, Number(top.value) || 15));
    const rows = all.slice(0, n);
    const below = all.slice(n).filter((x) => x.focused);
    clear(results);
    if (!rows.length) {
      results.append(status('empty', t('rank.empty')));
      return;
    }
    const my = seq;
    // Drawn while another tab shows (the map's scope or selection changed), the chart has no width to fit: drawn again when the tab opens.
    drawnHidden = !results.clientWidth;
    // The index is a weighted sum of the workspace's indicators: its exports name them (labels in
    // the page's language, with units) and their weighting, and round scores as the screen does.
    const unitOf = (name: string) => caseNow()?.info.indicators.find((i) => i.name === name)?.unit;
    const terms = r.index.indicators.map((term) => rankTermLabel(term, unitOf).text);
    const chart = await stackedBarChart(rows, {
      parts: r.index.indicators.map((key, i) => ({ key, label: terms[i] })), part: (d, key) => d.contributions[key] ?? 0,
      total: (d) => d.score, text: (d) => fmt(d.score, SCORE_DIGITS), outlined: (d) => d.focused,
      width: Math.max(360, results.clientWidth ? results.clientWidth - 16 : 640), axisLabel: t('rank.scoreParts'), marginLeft: 110, marginRight: 48,
    });
    if (my !== seq) return;
    const method = { normalisation: t(`rank.norm.${r.index.normalisation}` as MessageKey), weighting: t(`rank.weighting.${r.index.weighting}` as MessageKey) };
    const meta: ExportMeta = {
      title: `${t(isCustom ? 'rank.titleCustom' : 'rank.title')}${colon()}${t('rank.chartCaption', { n: rows.length })}`, unit: t('export.unitScore'),
      definition: fieldText(r, 'description') || t('rank.definition', { terms: terms.join(lang() === 'zh' ? '、' : ', '), ...method }),
      source: `${t('rank.indicators')}${colon()}${terms.join(lang() === 'zh' ? '；' : '; ')}`,
      // Contributions are parts of the score: rounded as it is.
      columns: { score: 'score', ...Object.fromEntries(r.index.indicators.map((term) => [contributionColumn(term), 'score' as const])) },
    };
    // The CSV as the table stands when asked for: with the sensitivity's columns once they arrived.
    const exported = () => {
      const spread = answer.sensitivityNow ? spreadByRegion(answer.sensitivityNow) : null;
      return [...rows, ...below].map((x) => ({
        rank: x.rank, code: x.code, name: x.name, score: x.score, ...(compare ? { rankChange: x.rankChange } : {}),
        ...contributionColumns(r.index.indicators, x.contributions),
        ...(spread ? { medianRank: spread.get(x.code)?.median ?? null, rankLow90: spread.get(x.code)?.low ?? null, rankHigh90: spread.get(x.code)?.high ?? null } : {}),
      }));
    };
    // The table is drawn again, alone, when the sensitivity arrives (the chart and the scroll stay).
    const tableSlot = h('div', { 'data-slot': 'rank-table' });
    const drawTable = (s: SensitivityAnswer | null | undefined) => tableSlot.replaceChildren(rankTable(rows, below, compare, s ? spreadByRegion(s) : null), ...(s ? [sensitivityNote(s)] : []));
    drawTable(answer.sensitivityNow);
    if (answer.sensitivityNow === undefined) {
      void answer.sensitivity.then((s) => {
        answer.sensitivityNow = s;
        if (my === seq && tableSlot.isConnected && s) drawTable(s);
      });
    }
    const selected = state.selected;
    const unranked = selected !== null && !all.some((x) => x.focused) ? placeName({ code: selected }) : null;
    results.append(
      figure('rankings-top', t('rank.chartCaption', { n: rows.length }), chart, rows.map((x) => ({ rank: x.rank, code: x.code, name: x.name, score: x.score, ...contributionColumns(r.index.indicators, x.contributions) })), meta),
      unranked ? h('p', { class: 'note', 'data-focus-missing': selected }, t('rank.focusMissing', { name: unranked })) : '',
      tableSlot,
      // Why the rank change of some regions is missing or mixes method with data (rank-change.ts).
      ...(compare && r.rankChange ? warningNotes(r.rankChange) : []),
      // No column of dashes: where there is nothing to compare with, a note says why.
      compare ? '' : h('p', { class: 'note', 'data-rank-change': 'none' }, isCustom ? t('rank.noChange', { period: custom.period.value }) : t('rank.noChangeExample')),
      weightsTable(r.index, unitOf),
      h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'rankings-csv', onclick: () => downloadCsv('rankings.csv', exported(), meta) }, t('export.csv'))),
      r.description ? h('p', { class: 'note' }, fieldText(r, 'description')) : '',
      ...warningNotes(r.index),
    );
    element.dataset.rendered = String(rows.length);
    scrollToFocus();
  }

  /** The first focused row scrolled to the middle once the tab shows, once per selection. */
  let scrolledTo: string | null = null;
  let drawnHidden = false;
  function scrollToFocus(): void {
    if (element.hidden || !element.isConnected || state.tab !== 'rankings' || state.selected === scrolledTo) return;
    const row = results.querySelector<HTMLElement>('tr[data-focused]');
    if (!row) return;
    scrolledTo = state.selected;
    row.scrollIntoView({ block: 'center' });
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
  // The number shown cuts the answer already here: shown again, not asked again.
  top.addEventListener('change', () => void (toUrl(), load()));
  index.addEventListener('change', () => void (renderControls(), load()));
  custom.level.addEventListener('change', () => void (renderPicker(), load()));
  onLanguage(() => void (renderControls(), load()));
  onViewParams(() => void (fromUrl(), load()));
  // The ranking shows what the map does: a new case or flow scope on the map resets it to the map's scope.
  // A region selected on the map is marked (the last answer drawn again, not asked for again), and
  // opening the tab shows it.
  subscribe((_s, changed) => {
    const shown = mapScope();
    if (changed.has('caseId')) renderControls(shown);
    else if (changed.has('scope') && scope.value !== shown && [...scope.options].some((o) => o.value === shown)) {
      scope.value = shown;
      toUrl();
    } else if (!changed.has('selected') && !(changed.has('tab') && state.tab === 'rankings' && drawnHidden)) {
      if (changed.has('tab') && state.tab === 'rankings') scrollToFocus();
      return;
    }
    void load();
  });
  renderControls(mapScope());
  fromUrl();
  void load();
  return element;
}
