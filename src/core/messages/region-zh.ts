import { LEVEL_ZH } from './level-zh.ts';
import type { MessageFormat, Place } from './message.ts';
import type { REGION_MESSAGES } from './region.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for a region or group name that matches none or several (region.ts): here rather than
 * in the page's catalogue because the CLI says them too (`import geometry --lang zh`, filters of
 * any command), as the page does, names through the formatter (the page's language there).
 */
const WHAT: Readonly<Record<string, string>> = { region: '地区', group: '地区组', province: '省份', within: '地区' };
const what = (w: string) => WHAT[w] ?? w;
/** "沈阳市（210100，市级）", as describeRegion writes "沈阳市 / Shenyang (210100, city)". */
export const describePlaceZh = (p: Place, f: MessageFormat): string => `${f.place(p)}（${p.code}，${LEVEL_ZH[p.level ?? ''] ?? p.level ?? ''}）`;

export const REGION_MESSAGES_ZH: ZhOf<typeof REGION_MESSAGES> = {
  'region.unknown': (p, f) => `没有${what(p.what)}“${p.text}”${p.closest.length ? `；最接近的：${f.list(p.closest.map((c) => describePlaceZh(c, f)))}` : ''}${p.groups.length ? `；地区组：${p.groups.join('、')}` : ''}`,
  'region.ambiguous': (p, f) => `${what(p.what)}“${p.text}”有多个可能：${p.candidates.map((c) => describePlaceZh(c, f)).join('或')}；请用代码`,
};
