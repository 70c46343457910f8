import type { STOCKS_FLOWS_MESSAGES } from './stocks-flows.ts';
import { levelZh } from './level-zh.ts';
import type { CodedParam, MessageFormat, MessageParams } from './message.ts';
import type { ZhOf } from './zh-of.ts';

/** The IPF steps by what they do; a step of another version keeps its English label. */
const STEP: Record<string, string> = {
  'birth_mat: births spread over end stocks': 'birth_mat：出生按期末存量分配',
  'death_mat: deaths spread over start stocks': 'death_mat：死亡按期初存量分配',
  'death_mat: deaths by birthplace and residence': 'death_mat：按出生地和现住地的死亡',
  'match_birthplace_tot: entering the system': 'match_birthplace_tot：进入系统',
  'ffs_demo: arrivals rescaled to departures by birthplace': 'ffs_demo：按出生地将迁入调整为迁出',
  'ffs_demo: movers (orig x dest x birth)': 'ffs_demo：迁移者（迁出地 × 迁入地 × 出生地）',
  'ffs_demo: flows (orig x dest x birth), independence model': 'ffs_demo：流动（迁出地 × 迁入地 × 出生地），独立模型',
};

/** The Chinese of choiceReason (stocks-flows.ts). */
const choiceReasonZh = (p: { given: string | null; missing: readonly string[]; from: number; to: number }): string =>
  p.given !== null ? `指定了方法 ${p.given}`
    : p.missing.length ? `工作区没有 ${p.missing.join('、')} 年的存量表，因此流动仅由人口变化估计` : `工作区有 ${p.from} 年和 ${p.to} 年的普查存量表`;

/** A warning an estimate stored, in Chinese by its code; a code of another version keeps the English it was stored with. */
function quotedZh(w: CodedParam, english: string, f: MessageFormat): string {
  const zh = (STOCKS_FLOWS_MESSAGES_ZH as unknown as Record<string, ((p: MessageParams, f: MessageFormat) => string) | undefined>)[w.code];
  if (!zh || w.code === 'stocks.estimateWarned') return english;
  try {
    return zh(w.params, f);
  } catch {
    return english;
  }
}

export const STOCKS_FLOWS_MESSAGES_ZH: ZhOf<typeof STOCKS_FLOWS_MESSAGES> = {
  'stocks.ipfNotConverged': (p, f) => `IPF 步骤“${STEP[p.step] ?? p.step}”迭代 ${f.number(p.iterations)} 次后停止，单元格仍变化 ${p.change}（大于容差 ${p.tolerance}）`,
  'stocks.seedUnused': () => '未使用给定的先验：stayerAssumption 为 true 时，ffs_demo 在对角线以外拟合均匀先验（与 migest 相同）；要使用它，请设 stayerAssumption = false',
  'stocks.minimumMigration': (p, f) => `stayerAssumption 为 true，估计接近最小迁移：净迁入地区几乎不迁出任何人。${p.regions.length ? `此处 ${p.regions.slice(0, 5).map((code) => f.place({ code })).join('、')}${p.regions.length > 5 ? ` 等 ${f.number(p.regions.length)} 个地区` : ''}的迁出不到其迁入的 1%。` : ''}要估计净迁入地区的迁出，请设 stayerAssumption = false 并使用距离或引力先验。`,
  'stocks.tooManyBirths': (p, f) => `地区“${f.place({ code: p.region })}”出生过多：${f.number(p.births)} 人出生，但期末居住在当地的本地出生者只有 ${f.number(p.natives)} 人；其出生按全部居民的出生地比例扣除（migest birth_mat）。请检查输入数据。`,
  'stocks.totalsNotConverged': (p, f) => `IPF 迭代 ${f.number(p.sweeps)} 轮后停止，相对变化 ${p.change.toExponential(2)}；最大边际误差 ${p.marginError.toExponential(2)}（总量可能无法同时满足，例如某地区迁入多于其他所有地区的迁出之和）`,
  'stocks.regionsSkipped': (p, f) => `${f.number(p.regions.length)} 个地区缺少两次普查的人口，未纳入：${p.regions.slice(0, 12).map((code) => f.place({ code })).join('、')}${p.regions.length > 12 ? ' 等' : ''}`,
  'stocks.estimateWarned': (p, f) => `这些流动所依据的估计曾给出警告：${p.warnings.map((w, i) => quotedZh(w, p.texts[i] ?? w.code, f)).join('；')}`,
  'stocks.method.unknown': (p) => `“${p.method}”不是估计方法：应为 birthplace（又称 stock-differencing）或 census-residual`,
  'stocks.method.needsTables': (p) => `方法 ${p.method} 需要 ${p.from} 年和 ${p.to} 年的存量表；${p.missing.join('、')} 年没有（工作区${p.held.length ? `有 ${p.held.join('、')} 年的存量表` : '没有存量表：请用 talentflow import stocks FILE 导入'}）`,
  'stocks.method.otherFields': (p) => `${p.fields.join('、')} 只适用于 ${p.method === 'birthplace' ? 'census-residual' : 'birthplace'} 方法，不适用于 ${p.method}（${choiceReasonZh(p)}）`,
  'stocks.cli.badNatural': (p) => `--natural "${p.text}"：应为每年每千人的 出生:死亡（例如 12.5:6.7）、none、range 或 data`,
  'stocks.cli.badDecay': (p) => `--decay "${p.text}"：应为 power:-1.2 或 exponential:-0.002 这样的形式`,
  'stocks.naturalDataMissing': (p) => `由数据取自然增长需要每个地区 ${p.from}–${p.to - 1} 年的 birth_rate 和 death_rate（或 natural_growth_rate）：请将其作为指标导入，或给出出生率和死亡率`,
  'stocks.priorTooFew': (p) => `先验方案需要多于最小迁移估计（${p.minimum}）的迁移人数：请给出更大的总数或大于 1 的倍数`,
  'stocks.priorNoneSoFew': (p) => `没有先验能使迁移人数少到 ${p.target} 人：请给出更大的总数`,
  'stocks.noCentroid': (p, f) => `地区 ${f.place({ code: p.region })} 没有中心点：距离先验需要中心点（请导入其边界或中心点）`,
  'stocks.noPopulation': (p, f) => `${f.place({ code: p.region })} 在 ${p.date} 年没有“${p.indicator}”指标：需要用它求居住在出生地区的人（请用 talentflow import indicators 导入）`,
  'stocks.populationTooSmall': (p, f) => `${f.place({ code: p.region })}，${p.date} 年：人口 ${p.population} 少于在其他地区出生的 ${p.born} 名居民；存量表与人口无法协调`,
  'stocks.tooFewPopulations': (p) => `两次普查 ${p.from} 年和 ${p.to} 年都有人口的${levelZh(p.level)}地区不足两个`,
  'stocks.diagonalFromPopulation': (p) => `${p.date}：居住在出生地区的人取普查人口减去在其他地区出生的居民（表中没有这些人）`,
};
