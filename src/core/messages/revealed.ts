import { CHOICE_MESSAGES, type WtpParams } from './choice.ts';
import { def, type CodedParam } from './message.ts';

/**
 * What a revealed-preference ranking says (`talentflow rank --weights choice:MODEL`): the utility
 * it ranks by (src/rank/revealed.ts), the notes on its terms and the declared index beside it
 * (src/store/revealed/revealed-ranking.ts), and the held-out validation of both (validate.ts).
 * Numbers are passed as the English has always written them (`weight` with 4 decimals).
 */
const WTP: WtpParams = {
  unit: 'yuan a month', term: 'log_disposable_income_pc', indicator: 'disposable_income_pc', indicatorUnit: 'yuan per person per year',
  transform: 'log', mean: '22853.1', factor: '', fromSpec: false, baseOf: null,
};

export const REVEALED_MESSAGES = {
  'revealed.utilityDefinition': def({},
    () => 'systematic utility of each alternative revealed by the fitted choice model: sum over the place attributes of coefficient x (value - mean over the alternatives), interactions at the average chooser; distance and home terms left out (a reference graduate to whom every place is equally near and none is home)'),
  'revealed.moneyNotPositive': def({ coefficient: '-0.12' }, (p) => `the money term's coefficient is not positive (${p.coefficient}): values in money are not meaningful`),
  /** An interaction's weight: the share of the fit's graduates in its category. */
  'revealed.interactionWeight': def({ term: 'degree[master]:log_disposable_income_pc', weight: '0.3976', attribute: 'degree', category: 'master' },
    (p) => `${p.term}: weight ${p.weight}, the share of the fit's graduates with ${p.attribute} ${p.category}`),
  /** How the money values read: the willingness-to-pay parameters of choice.wtp.definition. */
  'revealed.moneyValues': def(WTP, (p, f) => `money values: utility / (d utility / d ${p.term}) at the average graduate of the fit, in ${p.unit}; ${CHOICE_MESSAGES['choice.wtp.definition'].en(p, f)}`),
  /** The declared index of `--indicators` (`terms` as given), or by default the model's own place indicators. */
  'revealed.declaredGiven': def({ terms: ['disposable_income_pc:+'] as readonly string[], normalisation: 'min-max', weighting: 'equal' },
    (p) => `declared index: ${p.terms.join(', ')}, ${p.normalisation}, ${p.weighting} weights`),
  'revealed.declaredDefault': def({ indicators: ['disposable_income_pc', 'population_year_end'] as readonly string[], year: 2016, normalisation: 'min-max', weighting: 'equal' },
    (p) => `declared index: the model's place indicators as the ranking reads them (${p.indicators.join(', ')}; ${p.year} or the nearest earlier year), all more-is-better, ${p.normalisation}, ${p.weighting} weights`),
  'revealed.splitYears': def({ years: ['2016'] as readonly string[] }, (p) => `graduation years ${p.years.join(', ')} held out`),
  'revealed.splitShare': def({ percent: '20', seed: 1 }, (p) => `${p.percent}% of the graduates held out at random (seed ${p.seed})`),
  'revealed.validationDefinition': def({},
    () => 'held-out log-likelihood and hit rate (share of graduates whose destination has the highest predicted probability) of logits fitted on the other graduates; higher is better'),
  /** The saved choice model's source, as fit-choice.ts writes it: `kind` of its person records. */
  'revealed.modelSource': def({ kind: 'synthetic', synthetic: true as boolean, indicators: ['disposable_income_pc', 'population_year_end'] as readonly string[] },
    (p) => `workspace person records (${p.kind}${p.synthetic ? ', SYNTHETIC' : ''}) and indicators ${p.indicators.join(', ') || 'none'}`),
  /** A warning of one of the validation's fits (`terms` its terms): `warning` its English, `text` its code (choice.warn.*) where it has one. */
  'revealed.fitWarning': def({ terms: ['declared_index', 'distance_home'] as readonly string[], warning: 'only 8 clusters: clustered standard errors are biased downward with few clusters (Cameron & Miller 2015, "A practitioner\'s guide to cluster-robust inference")',
    text: { code: 'choice.warn.fewClusters', params: { clusters: 8 } } as CodedParam | null },
    (p) => `${p.terms.join(' + ')}: ${p.warning}`),
};
