import { bandChart, type BandRow } from '../charts/scenario.ts';
import { downloadCsv } from '../export/download.ts';
import type { ExportMeta } from '../export/meta.ts';
import { colon, fmt, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { Counterfactual, Interval, ScenarioRun } from './api.ts';
import { notesLine, scenarioNotes } from './notes.ts';

/**
 * The scenario's charts: the exact counterfactual's retention and net flows per cohort year
 * (baseline against scenario, with the largest change in words between them, the cohort table's
 * CSV and the computation's notes), and a run's draws (additional graduates retained and net
 * flows with their 90% intervals, titled with the draws and seed). Every export names the
 * scenario, its payment, the model and the notes, and says whether it is synthetic.
 */
export type ResultKind = 'synthetic' | 'model';

/** The largest scenario - baseline difference of retention, in percentage points, and its year. */
export function largestChange(cf: Counterfactual): { pp: number; year: number } | null {
  let best: { pp: number; year: number } | null = null;
  for (const y of cf.years) {
    const pp = 100 * (y.retentionScenario - y.retentionBaseline);
    if (!best || Math.abs(pp) > Math.abs(best.pp)) best = { pp, year: y.year };
  }
  return best;
}

/** The cohort table's export: the model and its notes, persons whole, shares to 0.1 %, money whole. `payment`: "1,000 yuan". */
export function cohortExportMeta(cf: Counterfactual, kind: ResultKind, payment: string): ExportMeta {
  return {
    title: `${t('scenario.title')}${colon()}${cf.scenario} · ${payment}`, kind, definition: notesLine(cf), source: `${t('scenario.model')}${colon()}${cf.model.name} (${cf.model.version})`,
    columns: { graduates: 'persons', retainedBaseline: 'persons', retainedScenario: 'persons', retainedDelta: 'persons', retentionBaseline: 'share', retentionScenario: 'share', netBaseline: 'persons', netScenario: 'persons', recipients: 'persons', cost: 'money' },
  };
}

const PERSONS = { median: 'persons', p05: 'persons', p95: 'persons' } as const;

/** Baseline and scenario of one quantity per year, as the band chart's rows (an exact result: a zero-width band). */
function exactRows(cf: Counterfactual, baseline: (y: Counterfactual['years'][number]) => number, scenario: (y: Counterfactual['years'][number]) => number): BandRow[] {
  return cf.years.flatMap((y) => [
    { year: y.year, series: t('scenario.baseline'), median: baseline(y), p05: baseline(y), p95: baseline(y) },
    { year: y.year, series: t('scenario.scenario'), median: scenario(y), p05: scenario(y), p95: scenario(y) },
  ]);
}

/** The exact counterfactual's charts, the largest change, the CSV button and the notes, in the order they are shown. */
export async function counterfactualCharts(cf: Counterfactual, o: { width: number; payment: string }): Promise<(HTMLElement | '')[]> {
  const kind: ResultKind = cf.synthetic ? 'synthetic' : 'model';
  // Exported charts name the scenario, its payment, the model and its notes (cohortExportMeta).
  const about = (title: string) => ({ ...cohortExportMeta(cf, kind, o.payment), title: `${title} · ${cf.scenario} · ${o.payment}` });
  const [retention, net] = await Promise.all([
    bandChart('scenario-retention', t('scenario.retention'), exactRows(cf, (y) => 100 * y.retentionBaseline, (y) => 100 * y.retentionScenario), o.width,
      { label: t('scenario.axisShare'), format: (v) => `${fmt(v, 1)}%`, meta: { ...about(t('scenario.retention')), columns: { median: 'percent', p05: 'percent', p95: 'percent' } } }),
    bandChart('scenario-net', t('scenario.netFlows'), exactRows(cf, (y) => y.netBaseline, (y) => y.netScenario), o.width,
      { label: t('scenario.axisPersons'), meta: { ...about(t('scenario.netFlows')), columns: PERSONS } }),
  ]);
  const change = largestChange(cf);
  const changeNote = h('p', { class: 'note', 'data-note': 'retention-change' },
    change ? t('scenario.ppChange', { pp: `${change.pp >= 0 ? '+' : ''}${fmt(change.pp, 2)}`, year: change.year }) : '');
  const csv = h('button', {
    type: 'button', class: 'small', 'data-export': 'scenario-csv',
    onclick: () => downloadCsv(`${cf.scenario}-cohorts.csv`, cf.years as unknown as Record<string, unknown>[], cohortExportMeta(cf, kind, o.payment)),
  }, t('scenario.cohortCsv'));
  return [retention, changeNote, net, h('div', { class: 'buttons' }, csv), scenarioNotes(cf)];
}

/** A run's draws: additional graduates retained, and net flows baseline against scenario, each with its 90% interval per year. */
export async function drawsCharts(run: ScenarioRun, o: { width: number; kind: ResultKind }): Promise<HTMLElement[]> {
  const years = run.result.years;
  const band = (pick: (r: (typeof years)[number]) => Interval, series: string): BandRow[] =>
    years.map((r) => ({ year: r.year, series, median: pick(r).median ?? NaN, p05: pick(r).p05 ?? NaN, p95: pick(r).p95 ?? NaN }));
  const meta = { kind: o.kind, source: `${t('scenario.model')}${colon()}${run.model.name} (${run.model.version})`, definition: notesLine(run), columns: PERSONS };
  const drawsText = t('compare.draws', { n: run.result.draws, seed: run.result.seed });
  return [
    await bandChart('scenario-retained-draws', `${t('scenario.retainedDelta')} (${t('scenario.interval')}, ${drawsText})`, band((r) => r.retainedDelta, t('scenario.scenario')), o.width,
      { label: t('scenario.axisGraduates'), meta }),
    await bandChart('scenario-net-draws', `${t('scenario.netFlows')} (${t('scenario.interval')}, ${drawsText})`, [...band((r) => r.netFlowBaseline, t('scenario.baseline')), ...band((r) => r.netFlowScenario, t('scenario.scenario'))], o.width,
      { label: t('scenario.axisPersons'), meta }),
  ];
}
