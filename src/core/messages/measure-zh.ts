import type { ANALYSIS_MESSAGES } from './analysis.ts';
import type { MEASURE_MESSAGES } from './measure.ts';
import type { MEASURE_ERROR_MESSAGES } from './measure-errors.ts';
import type { MEASURE_METHOD_MESSAGES } from './measure-method.ts';
import type { MessageFormat } from './message.ts';
import { levelZh } from './level-zh.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a measure's definition, method, assumptions and warnings (analysis.ts, measure.ts,
 * measure-method.ts), here rather than with the dashboard's Chinese because `talentflow measures
 * --lang zh` prints them too and may not import the page.
 */
const places = (f: MessageFormat, ps: readonly { code: string }[], max?: number) => f.list(ps.map(f.place), max);

/** Measures by their API name, as a definition and the CLI's first line name them. */
export const MEASURE_ZH: Readonly<Record<string, string>> = {
  net: '净迁移（迁入减迁出）', in: '迁入', out: '迁出', gross: '总迁移', concentration: '集中度', change: '变化', rates: '迁移率', summary: '汇总', efficiency: '迁移效率', intensity: '迁移强度', retention: '留存', corridors: '迁移通道', 'census-net': '人口普查净迁移',
};

const FLOW_METHOD_ZH: Readonly<Record<string, (p: { years: number; per: number; k: number }) => string>> = {
  summary: (p) => `迁入、迁出、净迁移 = 迁入 - 迁出、总迁移 = 迁入 + 迁出、迁移效率 = 净迁移 / 总迁移；迁移率为 ${p.years} 年间每年每 1,000 名居民的人数`,
  in: () => '迁入：来自表中其他地区的迁入人数',
  out: () => '迁出：迁往表中其他地区的迁出人数',
  net: () => '净迁移 = 迁入 - 迁出，基于存储的流动',
  gross: () => '总迁移（周转量）= 迁入 + 迁出',
  efficiency: () => '迁移效率 = 净迁移 / 总迁移，取值在 [-1, 1]',
  rates: (p) => `粗迁移率：${p.years} 年间每年每 ${p.per} 名居民的人数`,
  retention: () => '留存率 = 留居者（迁出地 = 迁入地）/ 队列（留居者 + 迁出）',
  corridors: () => '最大的迁出地–迁入地流动及其占不同地区之间全部流动的比例',
  concentration: (p) => `各迁出地的迁出流向其他地区的集中度：前 ${p.k} 位占比、基尼系数、归一化熵`,
  intensity: () => 'Bell 等（2002）：CMI = 100 M / P，MEI = 100 Σ|净迁移| / Σ总迁移，ANMR = 50 Σ|净迁移| / P',
};

type MeasureCatalogue = typeof ANALYSIS_MESSAGES & typeof MEASURE_MESSAGES & typeof MEASURE_METHOD_MESSAGES & typeof MEASURE_ERROR_MESSAGES;

export const MEASURE_MESSAGES_ZH: ZhOf<MeasureCatalogue> = {
  // The flows' Chinese sources where the server sent them (a result saved before they existed has none).
  'measure.definition': (p, f) => `${MEASURE_ZH[p.measure] ?? p.measure}，基于${f.source(p.flowsZh ?? p.flows)}`,
  'measure.changeDefinition': (p, f) => `${MEASURE_ZH[p.of] ?? p.of}从 ${p.from}（${f.source(p.fromFlowsZh ?? p.fromFlows)}）到 ${p.to}（${f.source(p.toFlowsZh ?? p.toFlows)}）的变化`,
  'measure.census.definition': (p) => `${p.from}–${p.to} 年人口普查余量法净迁移：人口变化减去假定的自然增长（估计）`,
  'measure.census.popChangeDefinition': (p) => `${p.from} 年与 ${p.to} 年两次人口普查之间的人口变化（未扣除自然增长：不是净迁移）`,
  'measure.census.fallback': (p) => `所选范围和时期没有存储的流动：${p.from}–${p.to} 年净迁移由两次人口普查估计`,
  'measure.census.skipped': (p, f) => `${f.number(p.count)} 个地区因缺少人口或自然增长数据被跳过：${places(f, p.regions.slice(0, 10))}${p.count > 10 ? ' 等' : ''}`,
  'measure.census.naturalIgnored': () => '未扣除自然增长（年增长率为 0）：净迁移即全部人口变化',
  'measure.noFlowsAtLevel': (p) => `${p.period ? `${p.period} ` : ''}在此层级或选择下没有流动：所有数值未知（空），不是 0`,
  'measure.onePeriodOnly': (p, f) => `只在一个时期出现的地区：${places(f, p.regions.slice(0, 10))}`,
  'measure.periodsSummed': (p, f) => `未指定时期：${f.number(p.periods)} 个时期（${p.first} … ${p.last}）的流动已相加`,
  'measure.noAncestor': (p, f) => `${f.number(p.rows)} 行存储的流动有一端在${levelZh(p.level)}没有上级地区，未纳入`,
  'measure.groupOneUnit': (p, f) => `${f.place(p.group)}作为一个整体：其成员之间的 ${f.number(p.internal)} 人次迁移属于内部迁移，未计入`,
  'measure.noPopulation': (p, f) => `${f.number(p.count)} 个地区没有可用的人口数（缺失、为零或为负），其迁移率为空：${f.list(p.regions.map((r, i) => `${f.place(r)}（${p.populations[i] === 'NaN' ? '缺失' : p.populations[i]}）`))}${p.count > 10 ? ' 等' : ''}`,
  'measure.noRegionsInside': (p) => `${p.ref} 内没有${p.level ? levelZh(p.level) : ''}地区${p.levels.length ? `；${p.ref} 内的层级：${p.levels.map(levelZh).join('、')}` : ''}`,
  'measure.retention.noStayers': () => '表中没有迁出地 = 迁入地的行，因此没有留居者：留存率需要包含对角线的队列表',
  'measure.method': (p) => `${FLOW_METHOD_ZH[p.measure]?.(p) ?? p.measure}${p.estimated ? '（估计的流动）' : ''}`,
  'measure.method.change': (p) => `${MEASURE_ZH[p.of] ?? p.of}（${p.field}）从 ${p.from} 到 ${p.to} 的变化：差值与变化百分比`,
  'measure.method.census': (p) => `${p.from}–${p.to} 年人口普查净迁移：${p.to} 年人口 - ${p.from} 年人口 - 自然增长（余量法，联合国手册 VI）`,
  'measure.assumption.estimatedRows': (p, f) => `${p.estimated === p.rows ? '全部' : `${f.number(p.rows)} 行中的 ${f.number(p.estimated)} 行`}流动是模型估计值（由 \`talentflow estimate\` 存储），不是观测到的迁移`,
  'measure.assumption.populations': (p) => `人口：${p.year ?? '无年份'}${p.year ? ' 年' : ''}的“population”指标`,
  'measure.assumption.naturalIndicator': (p) => `各地区的自然增长取自指标“${p.indicator}”（${p.from}–${p.to}）`,
  'measure.assumption.naturalIgnored': (p) => `未扣除自然增长（年增长率为 0${p.byDefault ? '，默认值' : ''}）：净迁移即 ${p.from}–${p.to} 年的全部人口变化；在死亡多于出生的地区（2010 年代后期东北大部分地区）会高估迁出`,
  'measure.unknown': (p) => `没有度量“${p.measure}”${p.measures.length ? `；可用：${p.measures.join('、')}` : ''}`,
  'measure.losingAndGaining': () => '--losing 和 --gaining 只能给出一个',
  'measure.oneSelection': () => '--group、--within、--region 只能给出一个',
  'measure.census.needsYears': () => 'census-net 需要两个人口普查年份：--from 2010 --to 2020（或 --period 2010-2020）',
  'measure.census.badYears': (p) => `--from 和 --to 应为人口普查年份且 --to 较晚，实为 ${p.from} 和 ${p.to}`,
  'measure.census.noNatural': (p) => `指标“${p.indicator}”没有时期 ${p.from}-${p.to} 的数值（应为该时期内以人计的自然增长）`,
  'measure.census.needsNatural': () => '人口普查净迁移需要自然增长：--natural-rate R（每人每年，例如 -0.001；0 表示不扣除自然增长）或 --natural-indicator 指标名',
  'measure.change.needsPeriods': () => 'change 需要两个时期：--from P1 --to P2（例如 --from 2015 --to 2020）',
  'measure.change.notPerRegion': (p) => `change 比较的是按地区计算的流动度量（net、in、out、gross、efficiency、rates），实为“${p.of}”`,
  'measure.intensity.needsPopulation': () => 'intensity 需要表中每个地区的人口（时期首年的“population”指标，或用 --population-year 指定年份）',
  'measure.assumption.naturalRate': (p) => `自然增长 = ${p.from} 年人口 ×（(1 + ${p.rate})^${p.to - p.from} - 1），各地区采用相同的年增长率`,
};
