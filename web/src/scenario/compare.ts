import { get } from '../api.ts';
import { downloadCsv } from '../export/download.ts';
import { fmt, onLanguage, t } from '../i18n/index.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import type { Interval } from './api.ts';
import { currencyWord, eligibilityText, intervalText, targetsText, type RunSettings } from './format.ts';

/**
 * "Compare saved runs": the stored scenario runs (GET /api/scenarios); ticking two or more shows
 * them side by side (GET /api/scenarios/compare, as `talentflow scenario compare`): additional
 * graduates retained and cost per additional retained graduate, medians with 90% intervals.
 */
interface StoredRun { id: number; scenario: string; model: string; modelVersion: string; seed: number; draws: number; createdAt: string; settings: RunSettings | null }
interface Comparison { runs: StoredRun[]; scenarios: { name: string; model: string; retainedDelta: Interval; totalCost: Interval; costPerRetained: Interval; drawsWithoutGain: number }[] }

/**
 * What a run was run with, so two runs of one example differ in their labels: amount a month,
 * years paid, targets (names), who is paid, model, draws and seed.
 */
export function runLabel(r: StoredRun, name: (code: string) => string): string {
  const s = r.settings;
  const date = r.createdAt.slice(0, 16).replace('T', ' ');
  if (!s) return ` #${r.id} ${r.scenario} · ${r.model} · ${t('compare.draws', { n: r.draws, seed: r.seed })} · ${date}`;
  return ` ${t('compare.runLabel', {
    id: r.id, scenario: r.scenario, amount: s.amountPerYear === null ? '–' : `${fmt(s.amountPerYear / 12)} ${currencyWord(s.currency)}`,
    years: s.benefitYears ?? '–', targets: targetsText(s.targets, name), eligibility: eligibilityText(s.eligibility), model: r.model, draws: r.draws, seed: r.seed, date,
  })}`;
}

export function createRunComparison(name: (code: string) => string = (c) => c): { element: HTMLElement; refresh: () => Promise<void> } {
  const list = h('div', { class: 'checks run-list', role: 'group' });
  const out = h('div', { 'aria-live': 'polite' });
  const element = h('section', { class: 'run-compare', id: 'run-compare' }, label('compare.title', 'h3'), label('compare.help', 'p', { class: 'note' }), list, out);
  const iv = (i: Interval, open: { withoutGain: number; draws: number }) => `${fmt(i.median)} [${intervalText(i, open)}]`;
  let runs: StoredRun[] = [];

  async function compare(): Promise<void> {
    const ids = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value);
    clear(out);
    if (ids.length < 2) {
      out.append(status('empty', t('compare.pickTwo')));
      return;
    }
    try {
      const c = await get<Comparison>('scenarios/compare', { ids: ids.join(',') });
      const rows = c.scenarios.map((s, k) => ({
        run: c.runs[k]?.id, scenario: s.name, model: s.model, draws: c.runs[k]?.draws, seed: c.runs[k]?.seed,
        retainedDelta: s.retainedDelta.median, retainedDeltaP05: s.retainedDelta.p05, retainedDeltaP95: s.retainedDelta.p95,
        costPerRetained: s.costPerRetained.median, costPerRetainedP05: s.costPerRetained.p05, costPerRetainedP95: s.costPerRetained.p95,
      }));
      out.append(
        h('table', { class: 'coef', 'data-table': 'run-compare' },
          h('caption', {}, t('scenario.interval')),
          h('thead', {}, h('tr', {}, ...(['compare.run', 'scenario.model', 'scenario.retainedDelta', 'scenario.costPerRetained'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, ...c.scenarios.map((s, k) => {
            const stored = runs.find((r) => r.id === c.runs[k]?.id);
            const open = { withoutGain: s.drawsWithoutGain, draws: c.runs[k]?.draws ?? 0 };
            return h('tr', {}, h('th', { scope: 'row' }, stored ? runLabel(stored, name).trim() : s.name), h('td', {}, s.model), h('td', {}, iv(s.retainedDelta, open)), h('td', {}, iv(s.costPerRetained, open)));
          }))),
        h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'compare-csv', onclick: () => downloadCsv('scenario-runs-compared.csv', rows, { title: t('compare.title'), kind: 'model', definition: t('scenario.interval'), columns: { retainedDelta: 'persons', retainedDeltaP05: 'persons', retainedDeltaP95: 'persons', costPerRetained: 'money', costPerRetainedP05: 'money', costPerRetainedP95: 'money' } }) }, t('export.csv'))),
      );
    } catch (e) {
      out.append(status('error', (e as Error).message));
    }
  }

  /** Runs shown at the last refresh (null before the first). */
  let listed: Set<string> | null = null;

  async function refresh(): Promise<void> {
    const checked = new Set([...list.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value));
    clear(list);
    try {
      runs = await get<StoredRun[]>('scenarios');
      if (!runs.length) {
        list.append(status('empty', t('compare.none')));
        clear(out);
        return;
      }
      // First listing: the two newest are ticked. Later: the user's ticks, plus runs saved since.
      const pick = listed ? new Set([...checked, ...runs.map((r) => String(r.id)).filter((id) => !listed!.has(id))]) : new Set(runs.slice(-2).map((r) => String(r.id)));
      listed = new Set(runs.map((r) => String(r.id)));
      list.append(...runs.map((r) => h('label', { 'data-run': r.id }, h('input', { type: 'checkbox', value: r.id, checked: pick.has(String(r.id)), onchange: () => void compare() }), runLabel(r, name))));
      await compare();
    } catch (e) {
      list.append(status('error', (e as Error).message));
    }
  }

  onLanguage(() => void refresh());
  return { element, refresh };
}
