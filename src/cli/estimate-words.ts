import { DECAY_ZH, STAT_ZH } from '../core/messages/stat-zh.ts';
import { decaySourceZh } from '../core/messages/stocks-assumptions-zh.ts';
import type { CliLang } from './lang.ts';

/**
 * The words of `talentflow estimate flows-from-stocks`'s summary in each --lang: the English as
 * the command has always printed it, the Chinese with the page's terms (迁入, 迁出, 净迁移) and
 * statistics (core/messages/stat-zh.ts). Definition, source, method, assumptions and warnings are
 * the library's coded messages and come in their own language.
 */
export interface EstimateWords {
  /** The birthplace estimate's first line: its definition and size. */
  birthplaceTitle(definition: string, regions: number, flows: number, stored: boolean): string;
  /** The census-residual estimate's first line. */
  residualTitle(period: string, regions: number, flows: number, stored: boolean): string;
  source(text: string): string;
  method(text: string): string;
  readonly assumptions: string;
  /** The census-residual estimate's parameters, `name = value` each. */
  parameters(p: Readonly<Record<string, number | string>>): string;
  /** The IPF line; `tolerance` only for the birthplace estimate (whose margin error is in persons). */
  ipf(iterations: number, converged: boolean, maxMarginError: number, tolerance?: number): string;
  /** The table's title; `persons` for the birthplace estimate. */
  netTitle(persons: boolean): string;
  readonly heads: { readonly region: string; readonly in: string; readonly out: string; readonly net: string };
  /** The heads of the low and high natural change columns: birthplace's stated range, or census-residual's rate spread in points. */
  rangeHeads(birthplace: boolean): [string, string];
  warning(text: string): string;
}

const EN: EstimateWords = {
  birthplaceTitle: (definition, regions, flows, stored) => `${definition}: ${regions} regions, ${flows.toLocaleString('en-US')} flows${stored ? ' (stored in the workspace)' : ''}`,
  residualTitle: (period, regions, flows, stored) => `Flows from stocks, ${period}: ${regions} regions, ${flows.toLocaleString('en-US')} estimated flows${stored ? ' (stored in the workspace)' : ''}`,
  source: (text) => `Source: ${text}`,
  method: (text) => `Method: ${text}`,
  assumptions: 'Assumptions:',
  parameters: (p) => `Parameters: ${Object.entries(p).map(([k, v]) => `${k} = ${v}`).join(', ')}`,
  ipf: (iterations, converged, err, tolerance) => tolerance === undefined
    ? `IPF: ${iterations} iterations, ${converged ? 'converged' : 'NOT converged'}, largest margin error ${err.toExponential(2)}\n`
    : `IPF: ${iterations} iterations, ${converged ? 'converged' : 'NOT converged'} at tolerance ${tolerance}, largest margin error ${err.toExponential(2)} persons\n`,
  netTitle: (persons) => `Largest estimated net losses and gains${persons ? ' (persons)' : ''}:`,
  heads: { region: 'region', in: 'in', out: 'out', net: 'net' },
  rangeHeads: (birthplace) => (birthplace ? ['net, low natural change', 'net, high'] : ['net, natural change -0.4 pt', '+0.4 pt']),
  warning: (text) => `warning: ${text}`,
};

/** The census-residual parameters by name, and the values that are words. */
const PARAMETER_ZH: Readonly<Record<string, string>> = {
  originExponent: '迁出地规模指数', destinationExponent: '迁入地规模指数', decayForm: '衰减形式', decayParameter: '衰减参数', decaySource: '衰减来源',
  years: '年数', naturalRate: '自然增长率', grossRate: '总迁移率', unexplainedNationalNet: '全国未解释的净迁移',
};
const valueZh = (k: string, v: number | string): string | number => {
  if (k === 'decayForm') return (DECAY_ZH as Record<string, string>)[v] ?? v;
  if (k === 'decaySource' && typeof v === 'string') return decaySourceZh(v);
  return v === 'per region' ? '按地区' : v;
};

const ZH: EstimateWords = {
  // The definition ends in 单位：人, so a semicolon, not a second colon, leads to the size.
  birthplaceTitle: (definition, regions, flows, stored) => `${definition}；${regions} 个地区，${flows.toLocaleString('zh-CN')} 个流动${stored ? '（已存入工作区）' : ''}`,
  residualTitle: (period, regions, flows, stored) => `由存量估计的流动，${period}：${regions} 个地区，${flows.toLocaleString('zh-CN')} 个估计流动${stored ? '（已存入工作区）' : ''}`,
  source: (text) => `来源：${text}`,
  method: (text) => `方法：${text}`,
  assumptions: '假设：',
  parameters: (p) => `参数：${Object.entries(p).map(([k, v]) => `${PARAMETER_ZH[k] ?? k} = ${valueZh(k, v)}`).join('，')}`,
  ipf: (iterations, converged, err, tolerance) =>
    `IPF：${STAT_ZH.iterations} ${iterations}，${converged ? STAT_ZH.converged : '未收敛'}${tolerance === undefined ? '' : `（容差 ${tolerance}）`}，最大边际误差 ${err.toExponential(2)}${tolerance === undefined ? '' : ' 人'}\n`,
  netTitle: (persons) => `估计净迁出与净迁入最多的地区${persons ? '（人）' : ''}：`,
  heads: { region: '地区', in: '迁入', out: '迁出', net: '净迁移' },
  rangeHeads: (birthplace) => (birthplace ? ['净迁移（自然增长取低值）', '净迁移（取高值）'] : ['净迁移（自然增长率低 0.4 个百分点）', '高 0.4 个百分点']),
  warning: (text) => `警告：${text}`,
};

export const estimateWords = (lang: CliLang): EstimateWords => (lang === 'zh' ? ZH : EN);
