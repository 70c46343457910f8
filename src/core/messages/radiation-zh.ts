import type { RADIATION_MESSAGES } from './radiation.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a radiation fit's method and warnings (radiation.ts), here rather than with the
 * dashboard's Chinese because `talentflow fit radiation --lang zh` prints them too and may not
 * import the page.
 */
export const RADIATION_MESSAGES_ZH: ZhOf<typeof RADIATION_MESSAGES> = {
  'radiation.method': (p) => `Simini 等（2012）的辐射模型${p.finiteSize ? '，含有限规模归一化 1 / (1 - m_i / M)' : ''}，迁出总量${p.outflows === 'given' ? '为给定值' : '取实际观测值'}`,
  'radiation.intraLeftOut': (p, f) => `${f.number(p.rows)} 行区域内部流动没有辐射模型预测值，未纳入统计量`,
  'radiation.noInterRegional': () => '没有地区之间的流动行：无统计量',
  'radiation.input.count': (p) => (p.square ? `有 ${p.values} 个数值，应为 ${p.regions} × ${p.regions} 个` : `有 ${p.values} 个数值，而地区有 ${p.regions} 个`),
  'radiation.input.populationBad': (p) => `地区“${p.region}”的人口 ${p.value} 不是正数`,
  'radiation.input.distanceBad': (p) => `“${p.from}”与“${p.to}”之间的距离 ${p.value} 不是大于等于 0 的有限数`,
  'radiation.input.lengths': () => '迁出地、迁入地和流动量的长度不一致',
  'radiation.input.regionIndex': (p) => `地区序号超出 ${p.regions} 个地区的范围`,
  'radiation.input.flowBad': (p) => `流动量 ${p.value} 不是大于等于 0 的有限数`,
  'radiation.input.noDistance': (p) => `${p.from} 与 ${p.to} 之间没有距离：辐射模型需要每一对地区的距离`,
  'radiation.input.onePeriod': () => '辐射模型只取一个时期（--period）',
};
