/**
 * Short numbers for legends and axes, as a reader of each language writes them: Chinese groups
 * by ten thousands (万, 亿 = 10^8), English by thousands (k, M, B). Pure: the language is a
 * parameter, so the rules are tested without a page.
 *
 * Digits: one decimal below ten units of the suffix ("1.5万", "2.3M"), none above ("35万",
 * "120k"); under the first suffix the number is whole with grouping ("9,999"). A value whose
 * whole number reaches a suffix takes it ("9,999.6" -> "1万", not "10,000").
 */
export type NumberLang = 'zh' | 'en';

/**
 * The one table of each language's steps, largest first. `moneyDigits`: decimals of an amount of
 * money in that step (moneyAmount: 19.6万, 4.39亿); English writes money in full, without steps.
 */
interface Step { size: number; suffix: string; moneyDigits?: number }
const STEPS: Record<NumberLang, readonly Step[]> = {
  zh: [{ size: 1e8, suffix: '亿', moneyDigits: 2 }, { size: 1e4, suffix: '万', moneyDigits: 1 }],
  en: [{ size: 1e9, suffix: 'B' }, { size: 1e6, suffix: 'M' }, { size: 1e3, suffix: 'k' }],
};

const formats = new Map<string, Intl.NumberFormat>();
function format(n: number, lang: NumberLang, digits: number): string {
  const key = `${lang}:${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits })));
  return f.format(n);
}

/** One decimal below ten, none above; 9.96 rounds to 10 and then shows no decimal. */
function roundForSuffix(x: number): number {
  return Number(x.toFixed(x < 10 ? 1 : 0));
}

export function compactNumber(n: number, lang: NumberLang): string {
  if (!Number.isFinite(n)) return '–';
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const steps = STEPS[lang];
  // The whole number decides, so 9,999.6 reads "1万" rather than "10,000".
  let i = steps.findIndex((s) => Math.round(a) >= s.size);
  if (i >= 0) {
    let rounded = roundForSuffix(a / steps[i].size);
    // 99,999,999 rounds to 10,000万: one step up it is 1亿.
    if (i > 0 && rounded * steps[i].size >= steps[i - 1].size) rounded = roundForSuffix(a / steps[--i].size);
    return `${sign}${format(rounded, lang, rounded < 10 ? 1 : 0)}${steps[i].suffix}`;
  }
  const whole = Math.round(a);
  return whole === 0 ? '0' : `${sign}${format(whole, lang, 0)}`;
}

/** A change in percentage points: "+1.2 pp" / "+1.2 个百分点". */
export function percentagePoints(pp: number, lang: NumberLang, digits = 1): string {
  if (!Number.isFinite(pp)) return '–';
  const text = `${pp > 0 ? '+' : ''}${format(pp, lang, digits)}`;
  return lang === 'zh' ? `${text} 个百分点` : `${text} pp`;
}

/**
 * An amount of money in full, as a reader writes it in a headline: Chinese in 万 with one decimal
 * from ten thousand up and in 亿 with two from a hundred million (195,918 -> "19.6万",
 * 439,277,432 -> "4.39亿"), English whole with grouping ("195,918").
 */
export function moneyAmount(v: number, lang: NumberLang): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  const steps = STEPS[lang].filter((s) => s.moneyDigits !== undefined);
  if (steps.length && Math.round(a) >= steps.at(-1)!.size) {
    // 99,995,000 is 9,999.5万 but rounds to 1亿 at two decimals: the larger step from the rounded value.
    const step = steps.find((s) => a >= s.size || Number((a / s.size).toFixed(s.moneyDigits)) >= 1)!;
    return `${format(v / step.size, lang, step.moneyDigits!)}${step.suffix}`;
  }
  return format(Math.round(v), lang, 0);
}
