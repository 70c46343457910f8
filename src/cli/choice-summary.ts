import type { LogitResult, Wtp } from '../models/index.ts';
import type { ChoiceFileResult } from '../store/choice/choice-file.ts';
import type { ChoiceModelResult } from '../store/choice/fit-choice.ts';
import type { CliLang } from './lang.ts';
import { fmt, iterationsLine, noteLine, stars, warningLine } from './model-summary.ts';
import { renderTable } from './output.ts';

/** The coefficient table of a conditional or nested logit, laid out like R's summary(clogit). */
function coefficientTable(r: LogitResult): string[] {
  const level = Math.round(r.confidenceLevel * 100);
  return [
    'Coefficients:',
    renderTable([...r.terms], [
      { header: '', value: (t) => t },
      { header: 'Estimate', value: (t) => fmt(r.coefficients[t]) },
      { header: 'Std. Error', value: (t) => fmt(r.standardErrors[t], 4) },
      { header: 'z value', value: (t) => r.zValues[t].toFixed(2) },
      { header: 'Pr(>|z|)', value: (t) => (r.pValues[t] < 2e-16 ? '<2e-16' : fmt(r.pValues[t], 3)) },
      { header: `${level}% interval`, value: (t) => `[${fmt(r.confidenceIntervals[t][0], 4)}, ${fmt(r.confidenceIntervals[t][1], 4)}]` },
      { header: '', value: (t) => stars(r.pValues[t]) },
    ]),
    `---\nSignif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 (${r.vcovType} standard errors${r.nClusters !== null && r.vcovType === 'clustered' ? `, ${r.nClusters} clusters` : ''})`,
  ];
}

function fitLines(r: LogitResult, buildSeconds: number | null, lang: CliLang): string[] {
  const lines = [
    '',
    `Log-likelihood: ${fmt(r.logLikelihood, 10)}   null: ${fmt(r.nullLogLikelihood, 10)}   rho²: ${r.rhoSquared.toFixed(4)} (adj. ${r.adjustedRhoSquared.toFixed(4)})`,
    `AIC: ${fmt(r.aic, 10)}   BIC: ${fmt(r.bic, 10)}   parameters: ${r.nParameters}`,
    iterationsLine(r, lang, r.fitSeconds, buildSeconds),
  ];
  if (r.model === 'nested-logit') {
    lines.push('', 'Nests (lambda: McFadden log-sum parameter; 0 < lambda <= 1 is consistent with utility maximisation):');
    lines.push(renderTable(r.nests, [
      { header: 'nest', value: (n) => n.name },
      { header: 'alternatives', value: (n) => n.alternatives.length },
      { header: 'lambda', value: (n) => fmt(n.lambda, 4) },
      { header: 'Std. Error', value: (n) => fmt(n.lambdaStandardError, 4) },
      { header: 'consistent', value: (n) => (n.consistentWithUtilityMaximisation ? 'yes' : 'NO') },
    ]));
  }
  return lines;
}

function wtpLines(w: Wtp | null, definition?: string): string[] {
  if (!w || !w.values.length) return [];
  const level = Math.round(w.confidenceLevel * 100);
  return [
    '',
    `Willingness to pay (${w.unit} per unit of each term, against ${w.money}; delta-method ${level}% intervals, ${w.vcovType} covariance):`,
    renderTable(w.values, [
      { header: 'term', value: (v) => v.term },
      { header: w.unit, value: (v) => Math.round(v.value) },
      { header: 'Std. Error', value: (v) => Math.round(v.standardError) },
      { header: `${level}% interval`, value: (v) => `[${Math.round(v.lower).toLocaleString('en-US')}, ${Math.round(v.upper).toLocaleString('en-US')}]` },
    ]),
    ...(definition ? [`(${definition})`] : []),
  ];
}

/** A logit fit's warnings in `lang`, from their codes where they carry them. */
const warningLines = (r: LogitResult, lang: CliLang) => r.warnings.map((w) => warningLine(w.message, w.text ? { ...w.text, message: w.message } : undefined, lang));

/** Summary of a choice model fitted on workspace persons; stop reason, notes and warnings in `lang`. */
export function choiceSummary(r: ChoiceModelResult, lang: CliLang = 'en'): string {
  const cs = r.choiceSet;
  const lines = [
    `${r.model === 'nested-logit' ? 'Nested' : 'Conditional'} logit of destination choice${r.kind === 'synthetic' ? ' -- SYNTHETIC person records' : ''}`,
    `${cs.persons.toLocaleString('en-US')} graduates (${cs.years.join(', ')}) in ${cs.cases.toLocaleString('en-US')} distinct situations, ${cs.alternatives.length} alternatives (${r.spec.level} in ${cs.within}${r.spec.outside === 'option' ? ' + outside' : ''})${r.holdout ? `; fitted on ${r.nPersons.toLocaleString('en-US')}` : ''}`,
    '',
    ...coefficientTable(r),
    ...fitLines(r, r.buildSeconds, lang),
    ...wtpLines(r.wtp, r.wtp?.definition),
  ];
  if (r.holdout) {
    const h = r.holdout;
    lines.push('', `Holdout ${h.years.join(', ')}: ${h.nPersons.toLocaleString('en-US')} graduates, hit rate ${(100 * h.hitRate).toFixed(1)}% (chance ${(100 * h.chanceHitRate).toFixed(1)}%), log-likelihood ${fmt(h.logLikelihood, 8)}, rho² ${h.rhoSquared.toFixed(4)}`);
  }
  const top = r.shares.byAlternative.slice(0, 8);
  // Hidden by the workspace's small-cell rule (src/store/choice/shares.ts); older saved models have no privacy field.
  const hidden = `suppressed (<${r.shares.privacy?.k ?? '?'})`;
  lines.push('', 'Largest destinations, observed vs predicted share:', renderTable(top, [
    { header: 'destination', value: (s) => `${s.name} (${s.alternative})` },
    { header: 'observed', value: (s) => (s.observedShare === null ? hidden : `${(100 * s.observedShare).toFixed(1)}%`) },
    { header: 'predicted', value: (s) => `${(100 * s.predictedShare).toFixed(1)}%` },
  ]));
  if (cs.excluded.length) lines.push('', `Left out: ${cs.excluded.map((e) => `${e.count === null ? hidden : e.count.toLocaleString('en-US')} ${e.reason}`).join('; ')}`);
  if (r.shares.privacy) lines.push(`Counts of 1 to ${r.shares.privacy.k - 1} graduates, and those that would reveal them, are hidden: ${r.shares.privacy.suppressedCells} here (docs/privacy.md)`);
  const notes = cs.messages?.notes.length === cs.notes.length ? cs.messages.notes : undefined;
  cs.notes.forEach((n, i) => lines.push(noteLine(n, notes?.[i], lang)));
  if (r.saved) lines.push(`saved as model "${r.saved}"`);
  lines.push(...warningLines(r, lang));
  return lines.join('\n');
}

/** Summary of a choice model fitted on a long-format file; stop reason, notes and warnings in `lang`. */
export function choiceFileSummary(r: ChoiceFileResult, lang: CliLang = 'en'): string {
  return [
    `${r.model === 'nested-logit' ? 'Nested' : 'Conditional'} logit: ${r.definition}`,
    `${r.fileCases.toLocaleString('en-US')} cases, ${r.fileRows.toLocaleString('en-US')} rows, ${r.alternatives.length} alternatives`,
    '',
    ...coefficientTable(r),
    ...fitLines(r, null, lang),
    ...wtpLines(r.wtp),
    ...r.notes.map((n, i) => noteLine(n, r.messages?.notes[i], lang)),
    ...warningLines(r, lang),
  ].join('\n');
}
