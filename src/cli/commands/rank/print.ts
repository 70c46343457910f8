import type { CompositeIndexResult, RankChangeResult, SensitivityResult } from '../../../rank/index.ts';
import type { CodedMessage } from '../../../core/messages/index.ts';
import { said, type CliLang } from '../../lang.ts';
import { spoken } from '../../message-names.ts';
import type { RegionNamer } from '../../region-names.ts';
import { printTable, type Column, type Out } from '../../output.ts';
import { chooseTermHeaders, printTermKey, termHeader, type TermHeaders } from '../../table-fit.ts';
import { rankWords } from './words.ts';

type Row = CompositeIndexResult['rows'][number] & { name: string | null };
interface RankOutput {
  description: string | null;
  /** The description coded, for --lang (absent: the English description). */
  messages?: { description: CodedMessage | null };
  index: Omit<CompositeIndexResult, 'rows'> & { rows: Row[] };
  rankChange?: RankChangeResult & { period: string };
  sensitivity?: SensitivityResult;
}

/** What the columns after the score hold, and how the table says so, in each --lang. */
const CONTRIBUTIONS: Record<CliLang, string> = { en: 'contribution of each indicator to the score (weight x normalised value)', zh: '各指标对得分的贡献（权重 × 归一化值）' };
const AFTER_SCORE: Record<CliLang, (what: string) => string> = {
  en: (what) => `columns after score: ${what}; they add up to the score`,
  zh: (what) => `得分之后各列：${what}；各列之和即为得分`,
};

/**
 * Ranking table: rank, region, score, each indicator's contribution, rank change and sensitivity
 * when asked; fitted to the terminal unless `wide` (see table-fit.ts). `name`: the command's
 * namer (--lang's, or each region in its own language without it), so the warnings call regions
 * what the table calls them (通化市, not 220500); without it they keep the library's codes.
 */
export function printRank(out: Out, r: RankOutput, top: number | undefined, opts: { wide?: boolean; lang?: CliLang; name?: RegionNamer } = {}): void {
  const ix = r.index;
  const lang = opts.lang ?? 'en';
  const w = rankWords(lang);
  if (r.description) out.write(w.index(said(r.description, r.messages?.description ?? undefined, lang)));
  out.write(w.method(ix.normalisation, ix.weighting, ix.indicators.map((k) => `${k} ${ix.directions[k] > 0 ? '+' : '-'} ${ix.weights[k].toFixed(3)}`)));
  const sens = new Map(r.sensitivity?.rows.map((x) => [x.code, x]) ?? []);
  const limit = top ?? 30;
  const build = (h: TermHeaders): Column<Row>[] => [
    { header: w.rank, value: (x) => x.rank }, { header: w.code, value: (x) => x.code }, { header: w.name, value: (x) => x.name },
    { header: w.score, value: (x) => x.score, digits: 3 },
    ...(h === 'none' ? [] : ix.indicators.map((k, i) => ({ header: termHeader(h, k, i), value: (x: Row) => x.contributions[k], digits: 3 }))),
    ...(r.rankChange ? [{ header: w.rankIn(r.rankChange.period), value: (x: Row) => r.rankChange?.byRegion[x.code]?.rankBefore ?? null }, { header: w.change, value: (x: Row) => r.rankChange?.byRegion[x.code]?.change ?? null }] : []),
    ...(r.sensitivity ? [{ header: w.medianRank, value: (x: Row) => sens.get(x.code)?.medianRank ?? null, digits: 0 }, { header: w.interval(90), value: (x: Row) => sens.get(x.code)?.interval90.map((v) => v.toFixed(0)).join('-') ?? null }] : []),
  ];
  const h = chooseTermHeaders(ix.rows.slice(0, limit), build, opts.wide ?? false);
  if (h === 'keys') printTermKey(out, h, ix.indicators, `[n]${lang === 'zh' ? '：' : ': '}${CONTRIBUTIONS[lang]}`, lang);
  printTable(out, ix.rows, build(h), { limit, what: 'regions', lang: opts.lang, more: '--top N' });
  if (h === 'full') out.write(AFTER_SCORE[lang](CONTRIBUTIONS[lang]));
  if (h === 'none') printTermKey(out, h, ix.indicators, lang === 'zh' ? CONTRIBUTIONS.zh : `the ${CONTRIBUTIONS.en}`, lang);
  if (r.sensitivity) out.write(w.sensitivity(r.sensitivity.draws, r.sensitivity.concentration, r.sensitivity.seed));
  // Regions in the warnings by the table's names (the library names them by code).
  for (const [text, c] of warningsOf(r)) out.error(`${lang === 'zh' ? '警告：' : 'warning: '}${spoken(text, c, lang, opts.name)}`);
}

/**
 * The index's, the rank change's and the sensitivity's warnings, each once (the sensitivity
 * repeats the index's), with the coded form where the result carries it (the sensitivity's are
 * the index's, so the index's code serves).
 */
function warningsOf(r: RankOutput): Map<string, CodedMessage | undefined> {
  const seen = new Map<string, CodedMessage | undefined>();
  const add = (english: readonly string[], coded: readonly CodedMessage[] | undefined) => english.forEach((w, i) => {
    if (!seen.get(w)) seen.set(w, coded?.length === english.length ? coded[i] : undefined);
  });
  add(r.index.warnings, r.index.messages?.warnings);
  add(r.rankChange?.warnings ?? [], r.rankChange?.messages?.warnings);
  add(r.sensitivity?.warnings ?? [], undefined);
  return seen;
}
