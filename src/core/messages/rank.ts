import { def, type Place } from './message.ts';

/**
 * Warnings and errors of a composite index (src/rank: missing values, normalisation, PCA weights)
 * and of the indicator matrix it is built from (src/store/queries/indicator-matrix.ts). Regions
 * are named by code in English, as the CLI has always printed them; a front-end names them in its
 * language.
 */
const CITIES: readonly Place[] = [{ code: '210100', zh: '沈阳市', en: 'Shenyang' }, { code: '220100', zh: '长春市', en: 'Changchun' }];

export const RANK_MESSAGES = {
  'rank.excludedMissing': def({ count: 12, regions: CITIES },
    (p, f) => `${f.number(p.count)} region(s) excluded for missing values: ${p.regions.slice(0, 10).map(f.place).join(', ')}${p.count > 10 ? ', ...' : ''}`),
  'rank.imputedMean': def({ count: 3 }, (p) => `${p.count} missing value(s) replaced by the indicator mean`),
  'rank.constantIndicator': def({ indicator: 'share_age_65' },
    (p) => `indicator "${p.indicator}" is constant over the regions: it does not affect the index`),
  'rank.pcaNegativeLoading': def({ indicators: ['share_age_65'] },
    (p) => `negative first-component loading for ${p.indicators.join(', ')}: these indicators get negative weights (they run against the common factor)`),
  'rank.pcaNotConverged': def({}, () => 'the eigen solver did not fully converge'),
  'rank.exampleIndex': def({},
    () => "demographic vitality of China's prefecture-level cities from the 2010 and 2020 censuses: population growth 2010-2020 (%), share aged 15-59 in 2020 (%), share aged 65+ in 2020 (%, less is better), log population 2020; min-max, equal weights"),
  // Rank change against an earlier period (rank-change.ts).
  'rank.changeMethodDiffers': def({},
    () => 'the two indices differ in indicators, directions, normalisation or weighting: rank changes mix method and data changes'),
  'rank.changeRegionsDiffer': def({ onlyBefore: 1, onlyAfter: 0, regions: CITIES.slice(0, 1) },
    (p, f) => `the two indices rank different sets of regions (${f.number(p.onlyBefore)} ranked only in the earlier period, ${f.number(p.onlyAfter)} only in the later: ${p.regions.map(f.place).join(', ')}${p.onlyBefore + p.onlyAfter > p.regions.length ? ', ...' : ''}): ranks are not fully comparable`),

  // Errors (SpecError, HTTP 400).
  'rank.tooFewRegions': def({ regions: 1 }, (p) => `an index needs at least 2 complete regions, got ${p.regions}`),
  'rank.indicatorEmpty': def({ indicator: 'gdp' }, (p) => `indicator "${p.indicator}" has no value at all`),
  'rank.noRegions': def({ level: 'city' as string | null, within: 'CN' as string | null },
    (p) => `no regions${p.level ? ` of level ${p.level}` : ''}${p.within ? ` inside ${p.within}` : ''}`),
  'rank.noValuesInPeriod': def({ indicator: 'population', period: '2015' },
    (p) => `no values of indicator "${p.indicator}" in period ${p.period} for these regions (see \`talentflow indicators\`)`),
  'rank.termNeedsPeriod': def({ term: 'population' }, (p) => `"${p.term}" needs a period: give --period or write ${p.term}@YEAR`),
  'rank.indicatorTwice': def({ indicator: 'population' }, (p) => `indicator "${p.indicator}" is given twice`),
  // The request's own options (src/app/rank/spec.ts, run.ts): `value` as the user gave it.
  'rank.spec.unknownNormalisation': def({ value: 'minimax' }, (p) => `unknown normalisation "${p.value}" (minmax, zscore or rank)`),
  'rank.spec.unknownWeighting': def({ value: 'equals' }, (p) => `unknown weighting "${p.value}" (equal, entropy, pca or user)`),
  'rank.spec.weightsNeedUser': def({}, () => '--weights needs --weighting user'),
  'rank.spec.userNeedsWeights': def({}, () => '--weighting user needs --weights (e.g. "1,2,1" or "share_age_65@2020=2")'),
  'rank.spec.notNameWeight': def({ value: 'population' }, (p) => `"${p.value}" is not name=weight`),
  'rank.spec.unknownWeightName': def({ name: 'gdp', indicators: ['population', 'share_age_65@2020'] as readonly string[] },
    (p) => `weight for unknown indicator "${p.name}"; indicators: ${p.indicators.join(', ')}`),
  'rank.spec.noIndicators': def({}, () => 'give indicators or example=china-cities'),
};
