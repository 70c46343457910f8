import type { STOCKS_FLOWS_MESSAGES } from './stocks-flows.ts';
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

export const STOCKS_FLOWS_MESSAGES_ZH: ZhOf<typeof STOCKS_FLOWS_MESSAGES> = {
  'stocks.ipfNotConverged': (p, f) => `IPF 步骤“${STEP[p.step] ?? p.step}”迭代 ${f.number(p.iterations)} 次后停止，单元格仍变化 ${p.change}（大于容差 ${p.tolerance}）`,
  'stocks.seedUnused': () => '未使用给定的先验：stayerAssumption 为 true 时，ffs_demo 在对角线以外拟合均匀先验（与 migest 相同）；要使用它，请设 stayerAssumption: false',
  'stocks.minimumMigration': (p, f) => `stayerAssumption 为 true，估计接近最小迁移：净迁入地区几乎不迁出任何人。${p.regions.length ? `此处 ${p.regions.slice(0, 5).join('、')}${p.regions.length > 5 ? ` 等 ${f.number(p.regions.length)} 个地区` : ''}的迁出不到其迁入的 1%。` : ''}要估计净迁入地区的迁出，请设 stayerAssumption: false 并使用距离或引力先验。`,
  'stocks.tooManyBirths': (p, f) => `地区“${p.region}”出生过多：${f.number(p.births)} 人出生，但期末居住在当地的本地出生者只有 ${f.number(p.natives)} 人；其出生按全部居民的出生地比例扣除（migest birth_mat）。请检查输入数据。`,
  'stocks.totalsNotConverged': (p, f) => `IPF 迭代 ${f.number(p.sweeps)} 轮后停止，相对变化 ${p.change.toExponential(2)}；最大边际误差 ${p.marginError.toExponential(2)}（总量可能无法同时满足，例如某地区迁入多于其他所有地区的迁出之和）`,
  'stocks.regionsSkipped': (p, f) => `${f.number(p.regions.length)} 个地区缺少两次普查的人口，未纳入：${p.regions.slice(0, 12).join('、')}${p.regions.length > 12 ? ' 等' : ''}`,
  'stocks.diagonalFromPopulation': (p) => `${p.date}：居住在出生地区的人取普查人口减去在其他地区出生的居民（表中没有这些人）`,
};
