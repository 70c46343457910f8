import type { RevealedRanking } from '../../../store/revealed/index.ts';
import { printTable, renderTable, type Column, type Out } from '../../output.ts';
import { chooseTermHeaders, printTermKey, termHeader, type TermHeaders } from '../../table-fit.ts';

type Row = RevealedRanking['index']['rows'][number];
const num = (v: number, digits: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Revealed-preference ranking, the declared index's rank beside it, then the held-out validation of both. */
export function printRevealed(out: Out, r: RevealedRanking, top: number | undefined, opts: { wide?: boolean } = {}): void {
  const ix = r.index;
  out.write(`Revealed-preference ranking: model ${r.model.name} (version ${r.model.version}, ${r.model.kind}), regions at level ${r.level} in ${r.within}, attributes of ${r.year}`);
  out.write(`${r.model.definition}; ${r.model.source}`);
  out.write(`utility: ${ix.definition}`);
  const terms = ix.terms.map((t) => t.term);
  const build = (h: TermHeaders): Column<Row>[] => [
    { header: 'rank', value: (x) => x.rank }, { header: 'code', value: (x) => x.code }, { header: 'name', value: (x) => x.name },
    { header: `utility [${Math.round(100 * ix.confidenceLevel)}%]`, value: (x) => `${num(x.utility, 3)} [${num(x.lower, 3)}, ${num(x.upper, 3)}]` },
    ...(ix.draws ? [{ header: `rank ${Math.round(100 * ix.rankCoverage)}%`, value: (x: Row) => (x.rankInterval ? `${x.rankInterval[0]}-${x.rankInterval[1]}` : null) }] : []),
    ...(ix.moneyUnit ? [{ header: `${ix.moneyUnit} vs mean`, value: (x: Row) => `${num(x.money!, 0)}${x.moneyInterval ? ` [${num(x.moneyInterval[0], 0)}, ${num(x.moneyInterval[1], 0)}]` : ''}` }] : []),
    ...(h === 'none' ? [] : terms.map((t, i) => ({ header: termHeader(h, t, i), value: (x: Row) => x.contributions[t], digits: 3 }))),
    { header: 'declared rank', value: (x) => x.declaredRank },
  ];
  const contributions = 'contribution of each term (coefficient x weight x (value - mean); they add up to the utility)';
  const h = chooseTermHeaders(ix.rows.slice(0, top ?? 40), build, opts.wide ?? false);
  if (h === 'keys') printTermKey(out, h, terms, `[n]: ${contributions}`);
  printTable(out, ix.rows, build(h), { limit: top ?? 40, what: 'regions', more: '--top N' });
  if (h === 'none') printTermKey(out, h, terms, `the ${contributions}`);
  out.write(`${h === 'full' ? `columns after the intervals: ${contributions}` : 'utility: the sum of the contributions'}${ix.draws ? `; rank intervals from ${ix.draws} coefficient draws, seed ${ix.seed}` : ''}`);
  out.write(`${r.declared.description}; Spearman rank correlation with the revealed ranking ${num(r.rankCorrelation, 3)}`);
  const v = r.validation;
  out.write('');
  out.write(`Out-of-sample validation: ${v.split}; fitted on ${num(v.fitPersons, 0)} graduates, evaluated on ${num(v.heldOutPersons, 0)} (${v.definition})`);
  out.write(renderTable(v.rows, [
    { header: 'model', value: (x) => x.model },
    { header: 'log-likelihood', value: (x) => num(x.logLikelihood, 1) },
    { header: 'per graduate', value: (x) => num(x.logLikelihoodPerPerson, 4) },
    { header: 'rho² vs equal', value: (x) => num(x.rhoSquared, 4) },
    { header: 'hit rate', value: (x) => `${num(100 * x.hitRate, 1)}%` },
    { header: 'scale (SE)', value: (x) => (x.scale ? `${num(x.scale.estimate, 3)} (${num(x.scale.standardError, 3)})` : '') },
    { header: 'parameters', value: (x) => x.terms.length },
  ]));
  out.write(`held-out log-likelihood, revealed minus declared: ${num(v.logLikelihoodGain, 1)} (${v.logLikelihoodGain > 0 ? 'the revealed ranking predicts where the held-out graduates went better' : 'the declared index predicts as well or better'})`);
  for (const n of r.notes) out.write(`note: ${n}`);
  for (const w of new Set([...ix.warnings, ...v.warnings])) out.error(`warning: ${w}`);
}
