import type { MessageCode } from '../../../src/core/messages/index.ts';
import { GRADUATE_MESSAGES_ZH } from '../../../src/core/messages/graduates-zh.ts';
import { LEVEL_ZH } from '../../../src/core/messages/level-zh.ts';
import { MEASURE_MESSAGES_ZH } from '../../../src/core/messages/measure-zh.ts';
import { REQUEST_MESSAGES_ZH } from '../../../src/core/messages/request-zh.ts';
import { NORTHEAST_UNIVERSITIES } from '../../../src/sim/synthetic/presets.ts';
import type { Templates } from './messages-zh.ts';

/**
 * Chinese for the catalogue's analysis messages (src/core/messages measure.ts, analysis.ts,
 * graduates.ts; the Chinese of measures, rank.ts and fit.ts is the library's, measure-zh.ts, rank-zh.ts and fit-zh.ts) and for the errors any request can meet (request.ts: a value the
 * workspace lacks, a model or job that is not there). Part of ZH_MESSAGES (messages-zh.ts),
 * which checks that every code has its template. Pure: imports nothing of the page.
 */
/** Levels of regions as the workspace names them. */
export const LEVEL = LEVEL_ZH;

/** A university by its Chinese name where the page knows it (the Northeast's universities), else as stored. */
export const universityZh = (u: string) => NORTHEAST_UNIVERSITIES.find((x) => x.id === u || x.name === u)?.name_zh ?? u;

/** The codes whose Chinese is here. */
export type AnalysisCode = Extract<MessageCode, `measure.${string}` | `graduates.${string}` | `value.${string}` | `model.${string}` | `job.${string}`>;

export const ZH_ANALYSIS: Pick<Templates, AnalysisCode> = {
  // Shared with the CLI (measures --lang zh), which cannot import the page.
  ...MEASURE_MESSAGES_ZH,

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
