import { get } from '../api.ts';
import { downloadCsv } from '../export/download.ts';
import { fmt, onLanguage, t } from '../i18n/index.ts';
import { clear, h, label, status } from '../ui/dom.ts';
import type { Interval } from './api.ts';

/**
 * "Compare saved runs": the stored scenario runs (GET /api/scenarios); ticking two or more shows
 * them side by side (GET /api/scenarios/compare, as `talentflow scenario compare`): additional
 * graduates retained and cost per additional retained graduate, medians with 90% intervals.
 */
interface StoredRun { id: number; scenario: string; model: string; modelVersion: string; seed: number; draws: number; createdAt: string }
interface Comparison { runs: StoredRun[]; scenarios: { name: string; model: string; retainedDelta: Interval; totalCost: Interval; costPerRetained: Interval; drawsWithoutGain: number }[] }

export function createRunComparison(): { element: HTMLElement; refresh: () => Promise<void> } {
  const list = h('div', { class: 'checks run-list', role: 'group' });
  const out = h('div', { 'aria-live': 'polite' });
  const element = h('section', { class: 'run-compare', id: 'run-compare' }, label('compare.title', 'h3'), label('compare.help', 'p', { class: 'note' }), list, out);
  const iv = (i: Interval, digits = 0) => `${fmt(i.median, digits)} [${fmt(i.p05, digits)} – ${fmt(i.p95, digits)}]`;

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
          h('tbody', {}, ...c.scenarios.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.name), h('td', {}, s.model), h('td', {}, iv(s.retainedDelta, 1)), h('td', {}, iv(s.costPerRetained)))))),
        h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'small', 'data-export': 'compare-csv', onclick: () => downloadCsv('scenario-runs-compared.csv', rows) }, t('export.csv'))),
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
      const runs = await get<StoredRun[]>('scenarios');
      if (!runs.length) {
        list.append(status('empty', t('compare.none')));
        clear(out);
        return;
      }
      // First listing: the two newest are ticked. Later: the user's ticks, plus runs saved since.
      const pick = listed ? new Set([...checked, ...runs.map((r) => String(r.id)).filter((id) => !listed!.has(id))]) : new Set(runs.slice(-2).map((r) => String(r.id)));
      listed = new Set(runs.map((r) => String(r.id)));
      list.append(...runs.map((r) => h('label', {}, h('input', { type: 'checkbox', value: r.id, checked: pick.has(String(r.id)), onchange: () => void compare() }),
        ` #${r.id} ${r.scenario} · ${r.model} · ${t('compare.draws', { n: r.draws, seed: r.seed })} · ${r.createdAt.slice(0, 16).replace('T', ' ')}`)));
      await compare();
    } catch (e) {
      list.append(status('error', (e as Error).message));
    }
  }

  onLanguage(() => void refresh());
  return { element, refresh };
}
