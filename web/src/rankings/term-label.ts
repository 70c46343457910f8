import { indicatorLabel, withUnit } from '../models/indicator-label.ts';
import { t } from '../i18n/index.ts';

/**
 * How the Rankings tab names a term of an index (GET /api/rank's `index.indicators`, written as
 * `talentflow rank` reads them: share_age_15_59@2020, growth(population,2010,2020),
 * change(name,2010,2020), log(population@2020), or a bare name): the indicator by its label in
 * the page's language with its unit (models/indicator-label.ts, the one rule of the Models tab),
 * the operation and years in words. The term as written stays on hover (`id`), as the CLI and
 * the API take it.
 */
export interface TermLabel {
  text: string;
  id: string;
}

/** Unit of an indicator as the case lists it (GET /api/cases), null where unknown. */
export type UnitOf = (name: string) => string | null | undefined;

const CALL = /^(growth|change|log)\((.*)\)$/;
const AT = /^([^@]+)@(.+)$/;

export function rankTermLabel(term: string, unitOf: UnitOf): TermLabel {
  const call = CALL.exec(term);
  if (!call) {
    const at = AT.exec(term);
    if (!at) return { text: indicatorLabel(term, unitOf(term)).text, id: term };
    return { text: t('rank.term.at', { label: indicatorLabel(at[1], unitOf(at[1])).text, period: at[2] }), id: term };
  }
  const args = call[2].split(',').map((a) => a.trim());
  if (call[1] === 'log') {
    const at = AT.exec(args[0]);
    const name = at ? at[1] : args[0];
    return { text: t(at ? 'rank.term.log' : 'rank.term.logAll', { label: indicatorLabel(name, null).text, period: at?.[2] ?? '' }), id: term };
  }
  const [name, from = '', to = ''] = args;
  // Growth is a percent change whatever the indicator's unit; a change keeps the indicator's unit.
  const label = indicatorLabel(name, null).text;
  const text = call[1] === 'growth'
    ? withUnit(t('rank.term.growth', { label, from, to }), 'percent')
    : withUnit(t('rank.term.change', { label, from, to }), unitOf(name));
  return { text, id: term };
}
