import type { MessageCode, MessageFormat } from '../../../src/core/messages/index.ts';
import { GRADUATE_MESSAGES_ZH } from '../../../src/core/messages/graduates-zh.ts';
import { LEVEL_ZH } from '../../../src/core/messages/level-zh.ts';
import { REQUEST_MESSAGES_ZH } from '../../../src/core/messages/request-zh.ts';
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

/** A university by its Chinese name where the page knows it (the Northeast's universities), else as stored. */
export const universityZh = (u: string) => NORTHEAST_UNIVERSITIES.find((x) => x.id === u || x.name === u)?.name_zh ?? u;

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

  // Shared with the CLI (--lang zh), which cannot import the page; universities named by the page's format (server-text.ts).
  ...REQUEST_MESSAGES_ZH,
  'job.readingFlows': () => '正在读取流动数据',
  'job.buildingChoiceSet': () => '正在构建选择集',
  'job.fitting': () => '正在拟合',
  'job.estimating': (p) => `正在估计（${p.method}）`,
  'job.draw': (p) => `抽样 ${p.done}/${p.total}`,
};
