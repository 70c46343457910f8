import { en, type MessageKey } from '../i18n/en.ts';
import { t } from '../i18n/index.ts';

/**
 * How the Models tab names an indicator: the workspace's standard indicators (share_age_15_59,
 * grdp_pc) by their label in the page's language, the user's own (城镇非私营单位平均工资, read from
 * a yearbook's header) as written, each with its unit; the id stays on hover, since it is what the
 * API, the CLI and saved models use.
 */
export interface IndicatorLabel {
  /** "Share aged 15–59 (%)", "城镇非私营单位平均工资（元）". */
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

export function indicatorLabel(name: string, unit: string | null | undefined): IndicatorLabel {
  const key = `indicator.${name}`;
  const label = known(key) ? t(key) : name;
  const unitKey = `unit.${unit ?? ''}`;
  // Percent is a symbol in both languages.
  const u = unit === 'percent' ? '%' : unit ? (known(unitKey) ? t(unitKey) : unit) : '';
  // Chinese labels take full-width brackets, as the yearbooks print units.
  const cjk = /[\u4e00-\u9fff]$/u.test(label);
  return { text: u ? (cjk ? `${label}（${u}）` : `${label} (${u})`) : label, id: name };
}
