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
    (p) => `workspace person records (${p.synthetic ? 'SYNTHETIC' : p.kind}) and indicators ${p.indicators.join(', ') || 'none'}`),
  /** A warning of one of the validation's fits (`terms` its terms): `warning` its English, `text` its code (choice.warn.*) where it has one. */
  'revealed.fitWarning': def({ terms: ['declared_index', 'distance_home'] as readonly string[], warning: 'only 8 clusters: clustered standard errors are biased downward with few clusters (Cameron & Miller 2015, "A practitioner\'s guide to cluster-robust inference")',
    text: { code: 'choice.warn.fewClusters', params: { clusters: 8 } } as CodedParam | null },
    (p) => `${p.terms.join(' + ')}: ${p.warning}`),

  // Errors (SpecError): the request (src/app/rank/spec.ts), the saved model and the split.
  'revealed.spec.noModelName': def({}, () => 'give the saved choice model after choice:, e.g. --weights choice:northeast-choice'),
  'revealed.spec.bothHoldouts': def({}, () => 'give --holdout-years or --holdout-share, not both'),
  'revealed.spec.notYears': def({ value: '2016,x' }, (p) => `"${p.value}" is not a list of years`),
  'revealed.spec.shareOutside': def({ value: '1.5' }, (p) => `${p.value} is not in (0, 1)`),
  'revealed.spec.notYear': def({ value: '2016-2020' }, (p) => `"${p.value}" is not a year: a choice model's attributes are read for one year`),
  'revealed.spec.notApplicable': def({ flag: 'level' }, (p) => `${p.flag} does not apply to weights choice:MODEL (the model's regions are ranked; its coefficient draws give the intervals)`),
  'revealed.spec.notChoiceModel': def({ model: 'china-provinces', kind: 'gravity' },
    (p) => `model "${p.model}" is a ${p.kind} model; a revealed-preference ranking needs a destination-choice model (talentflow fit choice --save)`),
  'revealed.spec.noPlaceAttribute': def({ model: 'm', terms: ['distance_home', 'is_home'] as readonly string[] },
    (p) => `model "${p.model}" has no attribute of the places (only ${p.terms.join(', ')}): nothing to rank by`),
  'revealed.spec.noValue': def({ indicator: 'disposable_income_pc', region: '540000', year: 2016 }, (p) => `indicator "${p.indicator}" has no value for ${p.region} in ${p.year} or an earlier year`),
  /** The first five regions without a declared score, of `count`; `excluded` the index's excluded regions. */
  'revealed.spec.declaredMissing': def({ regions: ['220000'] as readonly string[], count: 1, excluded: ['220000'] as readonly string[] },
    (p) => `the declared index has no score for ${p.regions.join(', ')}${p.count > p.regions.length ? ` and ${p.count - p.regions.length} more` : ''} (excluded: ${p.excluded.join(', ') || 'none'}); give other indicators or --missing impute-mean`),
  'revealed.spec.noGraduates': def({ years: ['1990'] as readonly string[], present: ['2014', '2015', '2016'] as readonly string[] },
    (p) => `no graduate of the model graduated in ${p.years.join(', ')} (years: ${p.present.join(', ')})`),
  'revealed.spec.splitShare': def({ value: '1.5' }, (p) => `must be in (0, 1), got ${p.value}`),
  'revealed.spec.splitEmpty': def({ nothingToFit: true as boolean }, (p) => `the split leaves ${p.nothingToFit ? 'nothing to fit' : 'nobody held out'}`),
};
