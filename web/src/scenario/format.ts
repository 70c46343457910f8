import { fmt, t } from '../i18n/index.ts';
import type { Interval } from './api.ts';

/**
 * How the scenario tab writes its numbers: intervals that show both ends or say why one has
 * none, money with its currency, and the label of a stored run (what it was run with).
 */

/** The currency's word in the page's language ("yuan" / "元", "won" / "韩元"), or its code. */
export function currencyWord(currency: string | null | undefined): string {
  if (!currency || currency === 'CNY') return t('scenario.yuan');
  if (currency === 'KRW') return t('scenario.won');
  return currency;
}

/**
 * "1,622 – 2,205", or "773,509 – no upper bound: 12 of 100 draws retain no additional graduate"
 * when the draws leave an end open (a cost per retained graduate is infinite in a draw that
 * retains no one more, so its upper percentile is too).
 */
export function intervalText(i: Interval, open: { withoutGain: number; draws: number }, unit = ''): string {
  const end = (v: number | null) => (v === null ? null : `${fmt(v)}${unit ? ` ${unit}` : ''}`);
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

/** Who is paid, in a few words ("stayers + arrivals"). */
export function eligibilityText(eligibility: readonly string[]): string {
  return eligibility.map((e) => t(e === 'arrivals' ? 'scenario.eligibleShort.arrivals' : 'scenario.eligibleShort.stayers')).join(' + ');
}
