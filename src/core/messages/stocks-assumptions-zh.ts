import type { STOCKS_ASSUMPTION_MESSAGES } from './stocks-assumptions.ts';
import { birthplaceDefinitionZh, residualDefinitionZh } from './flows-zh.ts';
import { CONSTRAINT_ZH } from './stat-zh.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Where a census-residual prior's decay came from, in Chinese: the estimators' own sentences
 * (src/models/stocks/census.ts DEFAULT_CENSUS_DECAY and decayFromGravity, src/app/estimate/run.ts);
 * a source of another version stays as written. Also the value of `parameters.decaySource`.
 */
export function decaySourceZh(text: string): string {
  if (text === 'default: power -1.2, a typical distance elasticity of internal migration') return '默认值：幂函数 -1.2，国内迁移距离弹性的典型值';
  if (text === 'given with the request (decay)') return '请求中给定（decay）';
  if (text === 'user') return '用户给定';
  const fit = /^(\w+) gravity fit \((.+) = (.+)\)$/.exec(text);
  const constraint = fit ? (CONSTRAINT_ZH as Record<string, string>)[fit[1]] : undefined;
  return fit && constraint ? `${constraint}引力模型的拟合（${fit[2]} = ${fit[3]}）` : text;
}

const naturalSourceZh = (growth: boolean, span: string) =>
  growth ? `指标 natural_growth_rate（每年每千人），各地区 ${span} 年的平均值` : `指标 birth_rate 和 death_rate（每年每千人），各地区 ${span} 年的平均值`;
const unitZh = (date: number, rate: number | null) => (rate === null ? `${date} 年：人数` : `${date} 年：抽样人数，抽样比 ${rate}`);
const pct = (rate: number, digits: number) => `${(100 * rate).toFixed(digits)}%`;

/** Chinese of stocks-assumptions.ts, printed by `talentflow estimate flows-from-stocks --lang zh` and shown on the page. */
export const STOCKS_ASSUMPTION_MESSAGES_ZH: ZhOf<typeof STOCKS_ASSUMPTION_MESSAGES> = {
  'ffs.assumption.closed': () => '存量按出生地（行）和现住地（列）计，分别取时期的期初和期末；除出生和死亡外系统是封闭的',
  'ffs.assumption.noGap': () => '存量合计的变化已等于出生减死亡，无需整体调整',
  'ffs.assumption.gapAbsorbed': (p, f) => `存量合计的变化与出生减死亡相差 ${f.number(p.gap)} 人；在扣除出生和死亡之前，由本地出生者单元格吸收，期初与期末各一半，取整到人，舍入余数计入最大的本地出生者单元格（migest nb_scale_global）`,
  'ffs.assumption.gapMoved': (p, f) => `扣除出生和死亡之后，将 ${f.number(p.moved)} 人移入期初本地出生者并移出期末本地出生者，按各地区本地出生者的比例分配，使两张表的合计相等`,
  'ffs.assumption.birthsNative': (p) => `出生者属于其出生地区的本地出生者，且到期末未迁移${p.nonNegative ? '（出生多于期末本地出生者时，按全部居民分配）' : ''}`,
  'ffs.assumption.birthsSpread': () => '出生按现住地区的期末存量比例分配到各出生地群体',
  'ffs.assumption.deathsProportion': () => '各地区的死亡按期初存量比例分配到各出生地群体（本地出生者与迁移者死亡率相同）',
  'ffs.assumption.deathsImplied': () => '按出生地的死亡取存量所隐含的数值（期初 + 出生 - 期末），与按现住地的死亡一并拟合',
  'ffs.assumption.matchRescale': () => '两张表按各地出生人数调整到两者的中间值（Abel 和 Sander 2014）',
  'ffs.assumption.matchOpen': (p) => `在一端缺少的某地出生者视为迁出或迁入系统，按${p.method === 'open' ? '另一张' : '同一张'}表的该行分配（Abel 2013，方法“${p.method}”）`,
  'ffs.assumption.stayers': (p) => `对每个出生地和现住地，min(期初, 期末) 人留居，只有其余的人迁移（准独立模型；接近与存量一致的最小迁移）${p.seedGiven ? '；此路径不使用给定的先验，与 migest 相同' : ''}`,
  'ffs.assumption.independence': (p) => `流动按${p.seedGiven ? '给定的先验' : '均匀先验'}调整到期初和期末存量，包括留居者（独立模型，Azose 和 Raftery 2019）`,
  'ffs.assumption.tolerance': (p) => `每个 IPF 步骤在一次迭代中没有单元格变化超过 ${p.tolerance} 时停止（mipfp 的规则${p.tolerance >= 1e-3 ? '；在 migest 的默认值 1e-3 下各步骤并未收敛，边际误差最大可达 maxMarginError' : ''}）`,
  'stocks.assumption.naturalData': (p) => `自然增长：各地区的出生和死亡取自工作区的${naturalSourceZh(p.growth, p.span)}`,
  'stocks.assumption.naturalRates': (p) => `自然增长：各地区出生率和死亡率均为每年每千名居民 ${p.births} 和 ${p.deaths}${p.range ? `（给定范围的中间情形：低 ${p.lowBirths}/${p.lowDeaths}，高 ${p.highBirths}/${p.highDeaths}；工作区没有按地区的出生和死亡数据）` : ''}`,
  'stocks.assumption.naturalNone': () => '自然增长：无出生、无死亡（明示的简化）',
  'stocks.assumption.sampling': (p) => `抽样人数除以其抽样比（${p.from} 年：${p.fromRate ?? '人数'}；${p.to} 年：${p.toRate ?? '人数'}）`,
  'stocks.assumption.diagonal': () => '居住在出生地区的人 = 普查人口减去表中在其他地区出生的居民',
  'stocks.assumption.prior': (p, f) => `对数线性先验：地区中心点之间的距离^-${p.power}，留居权重 ${p.weight}，校准到 ${f.number(p.target)} 人迁移${p.factor !== null && p.minimum !== null ? `（最小迁移估计 ${f.number(p.minimum)} 人的 ${p.factor} 倍：一项假设）` : '（给定）'}`,
  'stocks.birthplace.definition': (p) => birthplaceDefinitionZh(`${p.from}-${p.to}`, p.stayers),
  'stocks.birthplace.source': (p, f) => `${f.source(p.definitionZh ?? p.definition)}，${p.from} 年和 ${p.to} 年（${f.source(p.sourceZh ?? p.source)}${p.endSource !== null ? `；${f.source(p.endSourceZh ?? p.endSource)}` : ''}），${unitZh(p.from, p.fromRate)}；${unitZh(p.to, p.toRate)}；居住在出生地区的人取自普查人口（指标“${p.population}”）`,
  'census.assumption.closingRate': (p) => `各地区自然增长率均为每年 ${pct(p.rate, 4)}，取使全国净迁移为零的值（封闭系统：全国增长全部为自然增长）`,
  'census.assumption.givenRate': (p) => `各地区自然增长率均为每年 ${pct(p.rate, 4)}（给定）`,
  'census.assumption.ratesPerRegion': () => '按地区给定的自然增长率',
  'census.assumption.residualSpread': (p) => `全国 ${p.residual} 人的余量（国际迁移、普查误差）按第二次普查人口比例分配到各地区，使国内净迁移合计为零`,
  'census.assumption.residual': (p) => `净迁移为 ${p.years} 年间的普查余量：P1 - P0 (1 + r)^${p.years}；返回迁移和继续迁移相互抵消`,
  'census.assumption.minimumMigration': () => '最小迁移：只有净迁出地区迁出、只有净迁入地区迁入（总迁移等于净迁移）；实际总迁移更大',
  'census.assumption.gross': (p) => `各地区在净变化之外双向均有人口 × ${p.grossRate} 的总迁移`,
  'census.assumption.grossDefault': (p) => `净迁移之外的总迁移：每年人口的 ${pct(p.perYear, 1)}（默认值，一项假设：2010 年人口普查五年间有 5500 万省际迁移人口，即每年 13.4 亿人的 0.8%），因此每个地区既迁出也迁入`,
  'census.assumption.priorMasses': () => '先验的规模：两次普查人口的几何平均；距离：中心点之间的大圆距离（haversine，R = 6371 公里）',
  'census.assumption.gravityPrior': (p) => `流动按引力先验 m_i^${p.originExponent} m_j^${p.destinationExponent} ${p.form === 'power' ? `d_ij^${p.parameter}` : `exp(${p.parameter} d_ij)`} 调整到总量（衰减固定的双约束引力模型${p.decaySource ? `，衰减取自${decaySourceZh(p.decaySource)}` : ''}）；不含地区内部迁移`,
  'census.method': (p) => `两次普查（${p.years} 年）的净迁移 -> 迁出/迁入总量 -> 引力先验的 IPF`,
  'census.assumption.naturalData': (p) => `各地区的自然增长取自工作区的${naturalSourceZh(p.growth, p.span)}`,
  'census.assumption.naturalRange': (p) => `自然增长：各地区采用同一年增长率 ${pct(p.rate, 3)}${p.closing ? '（使全国净迁移为零的值）' : ''}；每年低或高 ${(100 * p.spread).toFixed(1)} 个百分点（2010 年代各省自然增长率的范围）时，各地区净迁移的变化见 naturalRange`,
  'census.definition': (p) => residualDefinitionZh(p.period, p.minimum),
  'census.source': (p) => `${p.from} 年和 ${p.to} 年人口普查的人口`,
};
