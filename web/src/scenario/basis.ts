import { lang, t } from '../i18n/index.ts';
import { indicatorText } from '../models/indicator-label.ts';
import type { Counterfactual, ScenarioModelOptions } from './api.ts';

/** "2019, 2020, 2021" / "2019、2020、2021". */
export const listText = (xs: readonly string[]): string => xs.join(lang() === 'zh' ? '、' : ', ');

/**
 * What a result was computed from, in one line under the result cards: the model (its kind,
 * periods and regions), where the cohorts and the stay shares came from with the
 * indicator the server actually used (a population indicator found by its name included), and
 * whether each is observed, estimated, assumed or synthetic.
 */
export function basisText(cf: Counterfactual, options: ScenarioModelOptions | null): string {
  const m = options?.model;
  const kind = (k: string) => t(k === 'synthetic' ? 'scenario.kind.synthetic' : k === 'observed' ? 'scenario.kind.observed' : k === 'assumed' ? 'scenario.kind.assumed' : 'scenario.kind.estimated');
  // The model's version (a content hash) is for the record, not the reader: the printed summary and exports carry it.
  const about = m && { model: cf.model.name, kind: t(m.kind === 'choice' ? 'scenario.kindChoice' : 'scenario.kindGravity'), n: options!.regions.length };
  const parts = [about && m.name === cf.model.name
    ? (m.periods.length ? t('scenario.basisModelAbout', { ...about, periods: listText(m.periods) }) : t('scenario.basisModelAboutNoPeriods', about))
    : t('scenario.basisModel', { model: cf.model.name })];
  const c = cf.basis.cohort;
  parts.push(c.source === 'indicator'
    ? t('scenario.basisCohortIndicator', { indicator: indicatorText(c.indicator, c.unit), period: c.period, rate: `${Number((100 * c.rate).toPrecision(4))}%`, kind: kind(c.kind) })
    : t(c.source === 'persons' ? 'scenario.basisCohortPersons' : 'scenario.basisCohortFixed', { kind: kind(c.kind) }));
  const s = cf.basis.stayShare;
  parts.push(s.source === 'flows'
    ? t('scenario.basisStayFlows', { population: indicatorText(s.population, s.unit), period: s.period, kind: kind(s.kind) })
    : t(s.source === 'persons' ? 'scenario.basisStayPersons' : s.source === 'model' ? 'scenario.basisStayModel' : 'scenario.basisStayFixed', { kind: kind(s.kind) }));
  return parts.join(' · ');
}
