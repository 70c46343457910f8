import type { MessageCode, MessageFormat } from '../../../src/core/messages/index.ts';
import { GRADUATE_MESSAGES_ZH } from '../../../src/core/messages/graduates-zh.ts';
import { LEVEL_ZH } from '../../../src/core/messages/level-zh.ts';
import { NORTHEAST_UNIVERSITIES } from '../../../src/sim/synthetic/presets.ts';
import type { Templates } from './messages-zh.ts';

/**
 * Chinese for the catalogue's analysis messages (src/core/messages measure.ts, analysis.ts,
 * graduates.ts; the Chinese of rank.ts and fit.ts is the library's, rank-zh.ts and fit-zh.ts) and for the errors any request can meet (request.ts: a value the
 * workspace lacks, a model or job that is not there). Part of ZH_MESSAGES (messages-zh.ts),
 * which checks that every code has its template. Pure: imports nothing of the page.
 */
const places = (f: MessageFormat, ps: readonly { code: string }[], max?: number) => f.list(ps.map(f.place), max);

/** Levels of regions as the workspace names them. */
export const LEVEL = LEVEL_ZH;
const level = (l: string) => LEVEL[l] ?? l;

/** Measures by their API name. */
const MEASURE: Record<string, string> = {
  net: '净迁移（迁入减迁出）', in: '迁入', out: '迁出', gross: '总迁移', concentration: '集中度', change: '变化', rates: '迁移率', summary: '汇总', efficiency: '迁移效率', intensity: '迁移强度', retention: '留存', corridors: '迁移通道',
};

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
/** A university by its Chinese name where the page knows it (the Northeast's universities), else as stored. */
export const universityZh = (u: string) => NORTHEAST_UNIVERSITIES.find((x) => x.id === u || x.name === u)?.name_zh ?? u;

/** "in this workspace", "of the 2020 graduates of X", "in the person records", "of X". */
function whereZh(where: string): string {
  if (where === 'in this workspace') return '本工作区';
  if (where === 'in the person records') return '毕业生记录中';
  const grads = /^of the (\d+) graduates(?: of (.+))?$/.exec(where);
  if (grads) return `${grads[2] ? `${universityZh(grads[2])} ` : ''}${grads[1]} 届毕业生中`;
  const of = /^of (.+)$/.exec(where);
  return of ? `${universityZh(of[1])} ` : where;
}
const HINT: Record<string, string> = {
  'import regions first (talentflow import regions FILE) or run talentflow demo': '请先导入地区（talentflow import regions FILE）或运行 talentflow demo',
  'see them with: talentflow indicators': '可用 talentflow indicators 查看',
};

/** The codes whose Chinese is here. */
export type AnalysisCode = Extract<MessageCode, `measure.${string}` | `graduates.${string}` | `value.${string}` | `model.${string}` | `job.${string}`>;

export const ZH_ANALYSIS: Pick<Templates, AnalysisCode> = {
  // The flows' Chinese sources where the server sent them (a result saved before they existed has none).
  'measure.definition': (p, f) => `${MEASURE[p.measure] ?? p.measure}，基于${f.source(p.flowsZh ?? p.flows)}`,
  'measure.changeDefinition': (p, f) => `${MEASURE[p.of] ?? p.of}从 ${p.from}（${f.source(p.fromFlowsZh ?? p.fromFlows)}）到 ${p.to}（${f.source(p.toFlowsZh ?? p.toFlows)}）的变化`,
  'measure.census.definition': (p) => `${p.from}–${p.to} 年人口普查余量法净迁移：人口变化减去假定的自然增长（估计）`,
  'measure.census.popChangeDefinition': (p) => `${p.from} 年与 ${p.to} 年两次人口普查之间的人口变化（未扣除自然增长：不是净迁移）`,
  'measure.census.fallback': (p) => `所选范围和时期没有存储的流动：${p.from}–${p.to} 年净迁移由两次人口普查估计`,
  'measure.census.skipped': (p, f) => `${f.number(p.count)} 个地区因缺少人口或自然增长数据被跳过：${places(f, p.regions.slice(0, 10))}${p.count > 10 ? ' 等' : ''}`,
  'measure.census.naturalIgnored': () => '未扣除自然增长（年增长率为 0）：净迁移即全部人口变化',
  'measure.noFlowsAtLevel': (p) => `${p.period ? `${p.period} ` : ''}在此层级或选择下没有流动：所有数值未知（空），不是 0`,
  'measure.onePeriodOnly': (p, f) => `只在一个时期出现的地区：${places(f, p.regions.slice(0, 10))}`,
  'measure.periodsSummed': (p, f) => `未指定时期：${f.number(p.periods)} 个时期（${p.first} … ${p.last}）的流动已相加`,
  'measure.noAncestor': (p, f) => `${f.number(p.rows)} 行存储的流动有一端在${level(p.level)}没有上级地区，未纳入`,
  'measure.groupOneUnit': (p, f) => `${f.place(p.group)}作为一个整体：其成员之间的 ${f.number(p.internal)} 人次迁移属于内部迁移，未计入`,
  'measure.noPopulation': (p, f) => `${f.number(p.count)} 个地区没有可用的人口数（缺失、为零或为负），其迁移率为空：${f.list(p.regions.map((r, i) => `${f.place(r)}（${p.populations[i] === 'NaN' ? '缺失' : p.populations[i]}）`))}${p.count > 10 ? ' 等' : ''}`,
  'measure.noRegionsInside': (p) => `${p.ref} 内没有${p.level ? level(p.level) : ''}地区${p.levels.length ? `；${p.ref} 内的层级：${p.levels.map(level).join('、')}` : ''}`,
  'measure.retention.noStayers': () => '表中没有迁出地 = 迁入地的行，因此没有留居者：留存率需要包含对角线的队列表',

  // Shared with the printable report (src/report), which cannot import the page.
  ...GRADUATE_MESSAGES_ZH,

  'value.unknown': (p, f) => {
    const what = VALUE[p.what] ?? p.what;
    const plural = VALUES[p.plural] ?? what;
    const head = `没有${what}“${p.given}”${p.near.length ? `；是否指 ${p.near.map((n) => `“${n}”`).join(' 或 ')}？` : '。'}`;
    const where = whereZh(p.where);
    const exists = !p.count ? `${where}没有任何${plural}` : !p.list ? `${where}共有 ${f.number(p.count)} 个${plural}` : `${where}的${plural}：${f.list(p.valid)}${p.count > p.valid.length ? ` 等 ${f.number(p.count)} 个` : ''}`;
    return `${head}${exists}${p.hint ? `。${HINT[p.hint] ?? p.hint}` : ''}`;
  },
  'value.notPeriod': (p) => `时期“${p.period}”不是年份或年份区间（如 2019 或 2010-2020）`,
  'model.notFound': (p) => `没有名为“${p.name}”的模型${p.saved.length ? `（已保存：${p.saved.join('、')}）` : '（尚未保存任何模型）'}`,
  'model.exists': (p) => `已有名为“${p.name}”的模型；请换一个名称或替换它`,
  'job.notFound': (p) => `没有任务 ${p.id}（服务器可能已重启）`,
  'job.readingFlows': () => '正在读取流动数据',
  'job.buildingChoiceSet': () => '正在构建选择集',
  'job.fitting': () => '正在拟合',
  'job.estimating': (p) => `正在估计（${p.method}）`,
  'job.draw': (p) => `抽样 ${p.done}/${p.total}`,
};
