import { DEGREE_ZH, MAJOR_ZH } from './choice-zh.ts';
import type { MessageFormat } from './message.ts';
import type { REQUEST_MESSAGES } from './request.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for the errors any request or command can meet (request.ts): a value the workspace
 * lacks (core/unknown-value.ts), a saved model or job that is not there. Here rather than with
 * the dashboard's Chinese because the CLI says them with `--lang zh` too and may not import the
 * page. A university is named by the front-end's MessageFormat.university (the demo's
 * universities have Chinese names in src/sim/synthetic, which core may not import).
 */

/** What a value names (core/unknown-value.ts callers), and the producers' English for their lists. */
const VALUE: Record<string, string> = {
  level: '层级', period: '时期', 'census date': '普查日期', indicator: '指标', 'graduation year': '毕业年份', scenario: '情景', degree: '学历', major: '专业',
  cohort: '队列', 'stock table definition': '存量表定义', university: '院校',
};
const VALUES: Record<string, string> = {
  levels: '层级', 'levels and groups': '层级和地区组', 'periods with flows': '有流动数据的时期', 'periods with indicators': '有指标数据的时期',
  'census dates of stock tables': '存量表的普查日期', indicators: '指标', 'graduation years': '毕业年份', 'scenarios with stored runs': '有已保存运行的情景', degrees: '学历', majors: '专业',
  'cohorts of flows': '流动数据的队列', 'definitions of stock tables': '存量表的定义', 'universities of the person records': '毕业生记录中的院校',
};
const HINT: Record<string, string> = {
  'import regions first (talentflow import regions FILE) or run talentflow demo': '请先导入地区（talentflow import regions FILE）或运行 talentflow demo',
  'see them with: talentflow indicators': '可用 talentflow indicators 查看',
};

/** Universities as the front-end names them in Chinese (as stored where it knows no other name); several joined by 、. */
const universities = (f: MessageFormat, text: string) => text.split(', ').map((u) => f.university?.(u) ?? u).join('、');

/** "in this workspace", "of the 2020 graduates of X", "in the person records", "of X". */
function whereZh(where: string, f: MessageFormat): string {
  if (where === 'in this workspace') return '本工作区';
  if (where === 'in the person records' || where === 'of the person records') return '毕业生记录中';
  const grads = /^of the (\d+) graduates(?: of (.+))?$/.exec(where);
  if (grads) return `${grads[2] ? `${universities(f, grads[2])} ` : ''}${grads[1]} 届毕业生中`;
  const of = /^of (.+)$/.exec(where);
  return of ? `${universities(f, of[1])} ` : where;
}

type RequestZh = ZhOf<typeof REQUEST_MESSAGES>;

export const REQUEST_MESSAGES_ZH: Pick<RequestZh, 'value.unknown' | 'value.notPeriod' | 'model.notFound' | 'model.exists' | 'job.notFound'> = {
  'value.unknown': (p, f) => {
    const what = VALUE[p.what] ?? p.what;
    const plural = VALUES[p.plural] ?? what;
    // Universities are stored names: the front-end's names for them where it has them. Degrees
    // and majors are ids the flags take (bachelor, engineering): the Chinese with the id to type.
    const ids = p.what === 'degree' ? DEGREE_ZH : p.what === 'major' ? MAJOR_ZH : null;
    const name = (v: string) => (p.what === 'university' ? f.university?.(v) ?? v : ids && Object.hasOwn(ids, v) ? `${ids[v]}（${v}）` : v);
    const head = `没有${what}“${p.given}”${p.near.length ? `；是否指 ${p.near.map((n) => `“${name(n)}”`).join(' 或 ')}？` : '。'}`;
    const where = whereZh(p.where, f);
    const exists = !p.count ? `${where}没有任何${plural}` : !p.list ? `${where}共有 ${f.number(p.count)} 个${plural}` : `${where}的${plural}：${f.list(p.valid.map(name))}${p.count > p.valid.length ? ` 等 ${f.number(p.count)} 个` : ''}`;
    return `${head}${exists}${p.hint ? `。${HINT[p.hint] ?? p.hint}` : ''}`;
  },
  'value.notPeriod': (p) => `时期“${p.period}”不是年份或年份区间（如 2019 或 2010-2020）`,
  'model.notFound': (p) => `没有名为“${p.name}”的模型${p.saved.length ? `（已保存：${p.saved.join('、')}）` : '（尚未保存任何模型）'}`,
  'model.exists': (p) => `已有名为“${p.name}”的模型；请换一个名称或替换它`,
  'job.notFound': (p) => `没有任务 ${p.id}（服务器可能已重启）`,
};
