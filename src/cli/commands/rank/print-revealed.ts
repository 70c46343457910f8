import type { CodedMessage } from '../../../core/messages/index.ts';
import type { RevealedRanking } from '../../../store/revealed/index.ts';
import { said, type CliLang } from '../../lang.ts';
import { spoken } from '../../message-names.ts';
import { noteLine, warningLine } from '../../model-summary.ts';
import { printTable, renderTable, type Column, type Out } from '../../output.ts';
import type { RegionNamer } from '../../region-names.ts';
import { chooseTermHeaders, printTermKey, termHeader, type TermHeaders } from '../../table-fit.ts';
import { revealedWords } from './revealed-words.ts';
import { rankWords } from './words.ts';

type Row = RevealedRanking['index']['rows'][number];
const num = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The coded form of each English text where a result carries one for every element. */
const codedOf = (english: readonly string[], coded: readonly CodedMessage[] | undefined): (CodedMessage | undefined)[] =>
  english.map((_, i) => (coded?.length === english.length ? coded[i] : undefined));

/**
 * Revealed-preference ranking, the declared index's rank beside it, then the held-out validation
 * of both; every line in `lang` (the library's texts from their codes where the result carries
 * them). `name`: the command's namer (--lang's, or each region in its own language without it).
 */
export function printRevealed(out: Out, r: RevealedRanking, top: number | undefined, opts: { wide?: boolean; lang?: CliLang; name?: RegionNamer } = {}): void {
  const ix = r.index;
  const lang = opts.lang ?? 'en';
  const w = revealedWords(lang);
  const rw = rankWords(lang);
  // The area by name as the rows are named (中国 or China, not CN); its code where it has none.
  const within = opts.name?.(r.within) ?? r.within;
  out.write(w.title(r.model, r.level, within, r.year));
  out.write(w.model(spoken(r.model.definition, r.model.messages?.definition ?? undefined, lang, opts.name), said(r.model.source, r.model.messages?.source ?? undefined, lang)));
  out.write(w.utility(said(ix.definition, ix.messages?.definition, lang)));
  const terms = ix.terms.map((t) => t.term);
  const rows = opts.name ? ix.rows.map((x) => ({ ...x, name: opts.name!(x.code) ?? x.name })) : ix.rows;
  const build = (h: TermHeaders): Column<Row>[] => [
    { header: rw.rank, value: (x) => x.rank }, { header: rw.code, value: (x) => x.code }, { header: rw.name, value: (x) => x.name },
    { header: w.utilityHead(Math.round(100 * ix.confidenceLevel)), value: (x) => `${num(x.utility, 3)} [${num(x.lower, 3)}, ${num(x.upper, 3)}]` },
    ...(ix.draws ? [{ header: w.rankHead(Math.round(100 * ix.rankCoverage)), value: (x: Row) => (x.rankInterval ? `${x.rankInterval[0]}-${x.rankInterval[1]}` : null) }] : []),
    ...(ix.moneyUnit ? [{ header: w.moneyHead(ix.moneyUnit), value: (x: Row) => `${num(x.money!, 0)}${x.moneyInterval ? ` [${num(x.moneyInterval[0], 0)}, ${num(x.moneyInterval[1], 0)}]` : ''}` }] : []),
    ...(h === 'none' ? [] : terms.map((t, i) => ({ header: termHeader(h, t, i), value: (x: Row) => x.contributions[t], digits: 3 }))),
    { header: w.declaredRank, value: (x) => x.declaredRank },
  ];
  const h = chooseTermHeaders(rows.slice(0, top ?? 40), build, opts.wide ?? false);
  if (h === 'keys') printTermKey(out, h, terms, `[n]${lang === 'zh' ? '：' : ': '}${w.contributions}`, lang);
  printTable(out, rows, build(h), { limit: top ?? 40, what: 'regions', lang, more: '--top N' });
  if (h === 'none') printTermKey(out, h, terms, lang === 'zh' ? w.contributions : `the ${w.contributions}`, lang);
  out.write(w.after(h === 'full', ix.draws ? { n: ix.draws, seed: ix.seed } : null));
  out.write(w.correlation(said(r.declared.description, r.declared.messages?.description ?? undefined, lang), num(r.rankCorrelation, 3)));
  const v = r.validation;
  out.write('');
  out.write(w.validation(said(v.split, v.messages?.split, lang), num(v.fitPersons, 0), num(v.heldOutPersons, 0), said(v.definition, v.messages?.definition, lang)));
  out.write(renderTable(v.rows, [
    { header: w.heads.model, value: (x) => w.modelName(x.model) },
    { header: w.heads.logLikelihood, value: (x) => num(x.logLikelihood, 1) },
    { header: w.heads.perGraduate, value: (x) => num(x.logLikelihoodPerPerson, 4) },
    { header: w.heads.rho2, value: (x) => num(x.rhoSquared, 4) },
    { header: w.heads.hitRate, value: (x) => `${num(100 * x.hitRate, 1)}%` },
    { header: w.heads.scale, value: (x) => (x.scale ? `${num(x.scale.estimate, 3)} (${num(x.scale.standardError, 3)})` : '') },
    { header: w.heads.parameters, value: (x) => x.terms.length },
  ]));
  out.write(w.gain(num(v.logLikelihoodGain, 1), v.logLikelihoodGain > 0));
  const notes = codedOf(r.notes, r.messages?.notes);
  r.notes.forEach((n, i) => out.write(noteLine(n, notes[i], lang)));
  // The index's and the validation's warnings, each once.
  const warnings = new Map<string, CodedMessage | undefined>();
  for (const [english, coded] of [[ix.warnings, ix.messages?.warnings], [v.warnings, v.messages?.warnings]] as const) {
    const c = codedOf(english, coded);
    english.forEach((text, i) => warnings.set(text, warnings.get(text) ?? c[i]));
  }
  for (const [text, coded] of warnings) out.error(warningLine(text, coded, lang));
}
