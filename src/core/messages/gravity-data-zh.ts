import type { GRAVITY_MESSAGES } from './gravity.ts';
import type { MessageFormat } from './message.ts';
import type { ZhOf } from './zh-of.ts';

/** The codes of a gravity fit's refused values (gravity.ts, gravity.data.*), which the fit raises on any data, a file's too. */
type DataCode = Extract<keyof typeof GRAVITY_MESSAGES, `gravity.data.${string}`>;

/**
 * Chinese for the values a gravity fit cannot take (src/models/gravity/design.ts, predict.ts):
 * here rather than in the page's catalogue because `talentflow fit gravity --flows FILE --lang zh`
 * prints them too. Pairs are named through the formatter (Chinese names first on the CLI).
 */
const pair = (p: { origin: { code: string }; destination: { code: string }; row: number }, f: MessageFormat) =>
  `${f.place(p.origin)} → ${f.place(p.destination)}（第 ${p.row} 行）`;

export const GRAVITY_DATA_MESSAGES_ZH: Pick<ZhOf<typeof GRAVITY_MESSAGES>, DataCode> = {
  'gravity.data.flowBad': (p, f) => `${pair(p, f)}的流量 ${p.value} 不是大于等于 0 的有限数`,
  'gravity.data.costBad': (p, f) => `${pair(p, f)}的成本 ${p.value} ${p.power ? '不是正数；幂函数衰减要取 log(成本)' : '不是有限数'}`,
  'gravity.data.termBad': (p, f) => `${pair(p, f)}的 ${p.term} = ${p.value} ${p.logged ? '不是正数（该项取对数）' : '不是有限数'}`,
  'gravity.data.offsetBad': (p, f) => `${pair(p, f)}的偏移量 ${p.value} 不是有限数`,
  'gravity.data.noRowsLeft': () => '没有可拟合的行（每行都是区域内流动、缺少数值，或所在组的流量全为零）',
  'gravity.data.allZero': () => '所有流量都为零：无可拟合',
  'gravity.data.tooFewRows': () => '至少需要两行数据',
};
