import type { MessageFormat } from './message.ts';
import { levelZh } from './level-zh.ts';
import type { RANK_MESSAGES } from './rank.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a composite index's warnings and errors (rank.ts), here rather than with the
 * dashboard's Chinese because `talentflow rank --lang zh` prints them too and may not import the
 * page. Regions by their Chinese name where the message carries it (the page names the others).
 */
const places = (f: MessageFormat, ps: readonly { code: string }[], max?: number) => f.list(ps.map(f.place), max);

export const RANK_MESSAGES_ZH: ZhOf<typeof RANK_MESSAGES> = {
  'rank.excludedMissing': (p, f) => `${f.number(p.count)} 个地区因缺少数值未参与排名：${places(f, p.regions.slice(0, 10))}${p.count > 10 ? ' 等' : ''}`,
  'rank.imputedMean': (p, f) => `${f.number(p.count)} 个缺失值以该指标的均值代替`,
  'rank.constantIndicator': (p) => `指标“${p.indicator}”在各地区取值相同：不影响指数`,
  'rank.pcaNegativeLoading': (p, f) => `${f.list(p.indicators.map((x) => `“${x}”`))}的第一主成分载荷为负：这些指标的权重为负（与共同因子方向相反）`,
  'rank.pcaNotConverged': () => '特征值求解未完全收敛',
  'rank.exampleIndex': () => '中国地级市人口活力（2010 与 2020 年人口普查）：2010–2020 年人口增长率（%）、2020 年 15–59 岁人口占比（%）、2020 年 65 岁及以上人口占比（%，越小越好）、2020 年人口对数；最小-最大归一化，等权',
  'rank.changeMethodDiffers': () => '两期指数的指标、方向、归一化或赋权方法不同：排名变化混合了方法变化与数据变化',
  'rank.changeRegionsDiffer': (p, f) => `两期指数排名的地区不同（${f.number(p.onlyBefore)} 个只在较早时期参与排名，${f.number(p.onlyAfter)} 个只在较晚时期：${places(f, p.regions)}${p.onlyBefore + p.onlyAfter > p.regions.length ? ' 等' : ''}）：排名不完全可比`,
  'rank.tooFewRegions': (p) => `指数至少需要 2 个数据完整的地区，现有 ${p.regions} 个`,
  'rank.indicatorEmpty': (p) => `指标“${p.indicator}”没有任何数值`,
  'rank.noRegions': (p) => `${p.within ? `${p.within} 内` : ''}没有${p.level ? levelZh(p.level) : ''}地区`,
  'rank.noValuesInPeriod': (p) => `这些地区在 ${p.period} 没有指标“${p.indicator}”的数值`,
  'rank.termNeedsPeriod': (p) => `“${p.term}”需要时期：请选择时期（命令行 --period），或写成 ${p.term}@年份`,
  'rank.indicatorTwice': (p) => `指标“${p.indicator}”重复给出`,
  'rank.spec.unknownNormalisation': (p) => `未知的归一化方法“${p.value}”（minmax、zscore 或 rank）`,
  'rank.spec.unknownWeighting': (p) => `未知的赋权方法“${p.value}”（equal、entropy、pca 或 user）`,
  'rank.spec.weightsNeedUser': () => '--weights 需要 --weighting=user',
  'rank.spec.userNeedsWeights': () => '--weighting=user 需要 --weights（例如 "1,2,1" 或 "share_age_65@2020=2"）',
  'rank.spec.notNameWeight': (p) => `“${p.value}”不是 名称=权重 的形式`,
  'rank.spec.unknownWeightName': (p) => `未知指标“${p.name}”的权重；指标为：${p.indicators.join('、')}`,
  'rank.spec.noIndicators': () => '请给出指标（--indicators）或示例（--example=china-cities）',
};
