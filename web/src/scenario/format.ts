import { currencyWord as productCurrencyWord } from '../../../src/core/currency.ts';
import { fmt, lang, t } from '../i18n/index.ts';
import { moneyAmount } from '../i18n/numbers.ts';
import { indicatorText, modelTermLabel } from '../models/indicator-label.ts';
import type { Interval } from './api.ts';

/**
 * How the scenario tab writes its numbers: intervals that show both ends or say why one has
 * none, money with its currency, and the label of a stored run (what it was run with).
 */

/**
 * An amount of money as a reader of the page's language writes it, to the three significant
 * digits an estimate supports: Chinese in 万 and 亿 from ten thousand up (19.6万, 4.39亿, 3,050万),
 * English in full with grouping, rounded alike (195,918 -> 196,000; 439,277,432 -> 439,000,000:
 * the cards showed nine digits of a model's estimate).
 */
export function moneyNumber(v: number | null): string {
  if (v === null) return '–';
  const a = Math.abs(v);
  const rounded = a >= 1000 ? Math.sign(v) * Number(a.toPrecision(3)) : Math.round(v);
  // Chinese steps after rounding: 30,455,920 -> 3,050万 (was 3,045.6万), 16,092,936,033 -> 161亿.
  return lang() === 'zh' ? moneyAmount(rounded, 'zh') : fmt(rounded);
}

/** Chinese writes a Chinese unit straight after the number (19.6万元, 1,000元); English with a space. */
export function unitSpace(unit: string): string {
  return lang() === 'zh' && /^[\u4e00-\u9fff]/u.test(unit) ? '' : ' ';
}

/** The currency's word in the page's language ("yuan" / "元", "won" / "韩元"), as the notes and the CLI write it; yuan when none is named. */
export function currencyWord(currency: string | null | undefined): string {
  return productCurrencyWord(currency || 'CNY', lang());
}

/**
 * "1,622 – 2,205", or "773,509 – no upper bound: 12 of 100 draws retain no additional graduate"
 * when the draws leave an end open (a cost per retained graduate is infinite in a draw that
 * retains no one more, so its upper percentile is too).
 */
export function intervalText(i: Interval, open: { withoutGain: number; draws: number }, unit = '', num: (v: number) => string = fmt): string {
  const end = (v: number | null) => (v === null ? null : `${num(v)}${unit ? `${unitSpace(unit)}${unit}` : ''}`);
  const lo = end(i.p05) ?? t('scenario.noLower');
  const hi = end(i.p95) ?? t('scenario.noUpper', { k: open.withoutGain, n: open.draws });
  return `${lo} – ${hi}`;
}

/** Settings of a stored run (GET /api/scenarios, src/store/scenarios.ts RunSettings). */
export interface RunSettings {
  amountPerYear: number | null; currency: string | null; benefitYears: number | null;
  targets: string[]; eligibility: string[]; cohorts: { from: number; to: number } | null;
}

/** "Liaoning", "Busan, Daegu, Gwangju … (+11)": target names, at most three spelled out. */
export function targetsText(codes: readonly string[], name: (code: string) => string): string {
  const names = codes.map(name);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} … (+${names.length - 3})` : names.join(', ');
}

/**
 * A model term as a reader names it: "destination_gdp_per_capita" -> "destination: GDP per
 * capita" / "迁入地：人均地区生产总值", the model's own terms (distance) by their label; the id is
 * what the API and the CLI use, not what a person reads in a note.
 */
export function termText(term: string): string {
  const own = modelTermLabel(term);
  if (own) return own;
  const m = /^(origin|destination)_(.+)$/.exec(term);
  if (!m) return term;
  return `${t(m[1] === 'origin' ? 'scenario.termOrigin' : 'scenario.termDestination')}${lang() === 'zh' ? '：' : ': '}${indicatorText(m[2], null)}`;
}

/** Who is paid, in a few words ("stayers + arrivals"). */
export function eligibilityText(eligibility: readonly string[]): string {
  return eligibility.map((e) => t(e === 'arrivals' ? 'scenario.eligibleShort.arrivals' : 'scenario.eligibleShort.stayers')).join(' + ');
}
