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
};
