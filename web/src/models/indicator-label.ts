import { en, type MessageKey } from '../i18n/en.ts';
import { lang, t } from '../i18n/index.ts';

/**
 * How the page names an indicator (Models tab, scenario editor): the workspace's standard
 * indicators (share_age_15_59, grdp_pc) by their label in the page's language, the user's own
 * (城镇非私营单位平均工资, read from a yearbook's header) as written, each with its unit in the page's
 * language; the id stays on hover, since it is what the API, the CLI and saved models use.
 */
export interface IndicatorLabel {
  /** "Share aged 15–59 (%)", "城镇非私营单位平均工资（元）" in Chinese, "城镇非私营单位平均工资 (元)" in English. */
  text: string;
  /** The indicator's id, for a title attribute. */
  id: string;
}

const known = (key: string): key is MessageKey => key in en;

/**
 * A model term that is not an indicator (the gravity model's intercept and distance, the choice
 * model's distance from home, home region, outside option) in the page's language; null for others.
 */
export function modelTermLabel(term: string): string | null {
  const key = `term.${term}`;
  return known(key) ? t(key) : null;
}

/**
 * The one rule for a label and its unit: the unit in the page's language (percent is a symbol in
 * both), in brackets of the page's language: full-width in Chinese, as the yearbooks print units
 * ("年末常住人口（万人）"), with a space in English ("年末常住人口 (万人)"), whatever script the label is in.
 */
export function withUnit(label: string, unit: string | null | undefined): string {
  const unitKey = `unit.${unit ?? ''}`;
  const u = unit === 'percent' ? '%' : unit ? (known(unitKey) ? t(unitKey) : unit) : '';
  if (!u) return label;
  return lang() === 'zh' ? `${label}（${u}）` : `${label} (${u})`;
}

export function indicatorLabel(name: string, unit: string | null | undefined): IndicatorLabel {
  const key = `indicator.${name}`;
  return { text: withUnit(known(key) ? t(key) : name, unit), id: name };
}

/** An indicator with its unit, as text (the scenario editor's options and basis line). */
export const indicatorText = (name: string, unit: string | null | undefined): string => indicatorLabel(name, unit).text;
