import type { LogitResult, Wtp } from '../models/index.ts';
import type { ChoiceFileResult } from '../store/choice/choice-file.ts';
import type { ChoiceModelResult } from '../store/choice/fit-choice.ts';
import { coded, type CodedMessage } from '../core/messages/index.ts';
import { said, type CliLang } from './lang.ts';
import { fmt, iterationsLine, noteLine, stars, warningLine } from './model-summary.ts';
import { renderTable } from './output.ts';
import { choiceWords } from './choice-words.ts';
import { summaryWords } from './summary-words.ts';
import { alternativesOffered } from '../store/choice/alternatives-offered.ts';

/** The coefficient table of a conditional or nested logit, laid out like R's summary(clogit). */
function coefficientTable(r: LogitResult, lang: CliLang): string[] {
  const level = Math.round(r.confidenceLevel * 100);
  const w = summaryWords(lang);
  return [
    w.coefficients,
    renderTable([...r.terms], [
      { header: '', value: (t) => t },
      { header: w.estimate, value: (t) => fmt(r.coefficients[t]) },
      { header: w.standardError, value: (t) => fmt(r.standardErrors[t], 4) },
      { header: w.zValue, value: (t) => r.zValues[t].toFixed(2) },
      { header: w.pValue, value: (t) => (r.pValues[t] < 2e-16 ? '<2e-16' : fmt(r.pValues[t], 3)) },
      { header: w.interval(level), value: (t) => `[${fmt(r.confidenceIntervals[t][0], 4)}, ${fmt(r.confidenceIntervals[t][1], 4)}]` },
      { header: '', value: (t) => stars(r.pValues[t]) },
    ]),
    w.signif(choiceWords(lang).vcov(r.vcovType, r.nClusters !== null && r.vcovType === 'clustered' ? r.nClusters : null)),
  ];
}

/**
 * `homeRest`: the nests are home against the rest, where each graduate's own home region is
 * relabelled 'home': the rest nest lists every region, but holds one fewer for each graduate.
 */
function fitLines(r: LogitResult, buildSeconds: number | null, lang: CliLang, homeRest = false): string[] {
  const c = choiceWords(lang);
  const lines = [
    '',
    c.fit(fmt(r.logLikelihood, 10), fmt(r.nullLogLikelihood, 10), r.rhoSquared.toFixed(4), r.adjustedRhoSquared.toFixed(4)),
    c.criteria(fmt(r.aic, 10), fmt(r.bic, 10), r.nParameters),
    iterationsLine(r, lang, r.fitSeconds, buildSeconds),
  ];
  if (r.model === 'nested-logit') {
    const [nest, alternatives, lambda, consistent] = c.nestHeads;
    lines.push('', c.nestsTitle);
    lines.push(renderTable(r.nests, [
      { header: nest, value: (n) => n.name },
      { header: alternatives, value: (n) => n.alternatives.length - (homeRest && n.name === 'rest' ? 1 : 0) },
      { header: lambda, value: (n) => fmt(n.lambda, 4) },
      { header: summaryWords(lang).standardError, value: (n) => fmt(n.lambdaStandardError, 4) },
      { header: consistent, value: (n) => c.consistent(n.consistentWithUtilityMaximisation) },
    ]));
  }
  return lines;
}

/** Willingness to pay, its definition (coded where the result carries it) in `lang`. */
function wtpLines(w: Wtp | null, lang: CliLang, definition?: { text: string; coded?: CodedMessage }): string[] {
  if (!w || !w.values.length) return [];
  const level = Math.round(w.confidenceLevel * 100);
  const c = choiceWords(lang);
  const sw = summaryWords(lang);
  const unit = c.unit(w.unit);
  return [
    '',
    c.wtpTitle(unit, w.money, level, w.vcovType),
    renderTable(w.values, [
      { header: c.term, value: (v) => v.term },
      { header: unit, value: (v) => Math.round(v.value) },
      { header: sw.standardError, value: (v) => Math.round(v.standardError) },
      { header: sw.interval(level), value: (v) => `[${Math.round(v.lower).toLocaleString('en-US')}, ${Math.round(v.upper).toLocaleString('en-US')}]` },
    ]),
    ...(definition ? [lang === 'zh' ? `（${said(definition.text, definition.coded, lang)}）` : `(${definition.text})`] : []),
  ];
}

/** A logit fit's warnings in `lang`, from their codes where they carry them. */
const warningLines = (r: LogitResult, lang: CliLang) => r.warnings.map((w) => warningLine(w.message, w.text ? { ...w.text, message: w.message } : undefined, lang));

/** Summary of a choice model fitted on workspace persons; stop reason, notes and warnings in `lang`. */
export function choiceSummary(r: ChoiceModelResult, lang: CliLang = 'en'): string {
  const cs = r.choiceSet;
  const c = choiceWords(lang);
  const lines = [
    c.title(r.model === 'nested-logit', r.kind === 'synthetic'),
    c.persons({
      persons: cs.persons.toLocaleString('en-US'), years: cs.years, cases: cs.cases.toLocaleString('en-US'), alternatives: alternativesOffered(cs.alternatives, r.spec),
      // The area by its Chinese name under zh (中国, 东北地区), as typed in English; models saved before it was carried keep the code.
      level: r.spec.level, within: (lang === 'zh' ? cs.withinPlace?.zh : null) ?? cs.within, outside: r.spec.outside === 'option', fitted: r.holdout ? r.nPersons.toLocaleString('en-US') : null,
    }),
    '',
    ...coefficientTable(r, lang),
    ...fitLines(r, r.buildSeconds, lang, r.spec.nests?.includes('home-rest') ?? false),
    ...wtpLines(r.wtp, lang, r.wtp ? { text: r.wtp.definition, coded: r.wtp.messages?.definition } : undefined),
  ];
  if (r.holdout) {
    const h = r.holdout;
    lines.push('', c.holdout(h.years, h.nPersons.toLocaleString('en-US'), (100 * h.hitRate).toFixed(1), (100 * h.chanceHitRate).toFixed(1), fmt(h.logLikelihood, 8), h.rhoSquared.toFixed(4)));
  }
  const top = r.shares.byAlternative.slice(0, 8);
  // Hidden by the workspace's small-cell rule (src/store/choice/shares.ts); older saved models have no privacy field.
  const hidden = c.hidden(r.shares.privacy?.k ?? '?');
  const [destination, observed, predicted] = c.shareHeads;
  lines.push('', c.sharesTitle, renderTable(top, [
    { header: destination, value: (s) => `${s.name} (${s.alternative})` },
    { header: observed, value: (s) => (s.observedShare === null ? hidden : `${(100 * s.observedShare).toFixed(1)}%`) },
    { header: predicted, value: (s) => `${(100 * s.predictedShare).toFixed(1)}%` },
  ]));
  if (cs.excluded.length) lines.push('', c.leftOutLine(cs.excluded.map((e) => c.leftOut(e.count === null ? hidden : e.count.toLocaleString('en-US'), said(e.reason, e.text, lang)))));
  if (r.shares.privacy) lines.push(c.privacy(r.shares.privacy.k, r.shares.privacy.suppressedCells));
  const notes = cs.messages?.notes.length === cs.notes.length ? cs.messages.notes : undefined;
  cs.notes.forEach((n, i) => lines.push(noteLine(n, notes?.[i], lang)));
  if (r.saved) {
    const saved = coded('fit.savedAs', { name: r.saved, workspace: null });
    lines.push(lang === 'zh' ? noteLine(saved.message, saved, lang) : saved.message);
  }
  lines.push(...warningLines(r, lang));
  return lines.join('\n');
}

/** Summary of a choice model fitted on a long-format file; stop reason, notes and warnings in `lang`. */
export function choiceFileSummary(r: ChoiceFileResult, lang: CliLang = 'en'): string {
  const c = choiceWords(lang);
  return [
    c.fileTitle(r.model === 'nested-logit', r.definition),
    c.fileSize(r.fileCases.toLocaleString('en-US'), r.fileRows.toLocaleString('en-US'), r.alternatives.length),
    '',
    ...coefficientTable(r, lang),
    ...fitLines(r, null, lang),
    ...wtpLines(r.wtp, lang),
    ...r.notes.map((n, i) => noteLine(n, r.messages?.notes[i], lang)),
    ...warningLines(r, lang),
  ].join('\n');
}
