import type { FIT_DATA_MESSAGES } from './fit-data.ts';
import type { ZhOf } from './zh-of.ts';

/** Chinese for the rows a gravity fit refuses (fit-data.ts), which `talentflow fit gravity --flows FILE --lang zh` prints. */
const DIMENSION: Record<string, string> = { origin: '迁出地', destination: '迁入地', period: '时期' };
const dimensions = (names: readonly string[]) => names.map((n) => DIMENSION[n] ?? n).join('、');

export const FIT_DATA_MESSAGES_ZH: ZhOf<typeof FIT_DATA_MESSAGES> = {
  'fitdata.missing': (p) => `${p.column} 有缺失值（空单元格或 NA）；缺失值处理设为“drop”（命令行 --na=drop，默认）时会略去这些行`,
  'fitdata.duplicate': (p) => `第 ${p.first} 行和第 ${p.row} 行是同一观测（${dimensions(p.names)}相同：${p.key.join(' / ')}）；请把它们相加（duplicates: 'sum'，命令行 --sum-duplicates），或把区分它们的列作为固定效应加入`,
  'fitdata.duplicateDiffers': (p) => `第 ${p.first} 行和第 ${p.row} 行的键相同（${p.key.join(' / ')}），但 ${p.column} 分别为 ${p.a} 和 ${p.b}：无法相加为一行`,
};
