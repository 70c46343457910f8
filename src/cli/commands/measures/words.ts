import { MEASURE_ZH } from '../../../core/messages/measure-zh.ts';
import type { CliLang } from '../../lang.ts';

/**
 * The words of `talentflow measures`' first line, table heads and system lines in each --lang:
 * the English is the result's own field names, as the command has always printed them; the
 * Chinese names each as the measures' definitions do (core/messages/measure-zh.ts).
 */
const KIND_ZH: Readonly<Record<string, string>> = { observed: '观测', estimated: '估计', mixed: '观测与估计' };

/** Row and system fields of every measure (src/app/measure, src/metrics) in Chinese; a field not here keeps its name. */
const FIELD_ZH: Readonly<Record<string, string>> = {
  code: '代码', name: '名称', inflow: '迁入', outflow: '迁出', net: '净迁移', gross: '总迁移', efficiency: '迁移效率', intra: '地区内部迁移',
  population: '人口', inRate: '迁入率', outRate: '迁出率', netRate: '净迁移率', stayers: '留居者', cohort: '队列', retention: '留存率',
  count: '人数', share: '占比', cumulativeShare: '累计占比', origin_name: '迁出地', destination_name: '迁入地',
  total: '合计', destinations: '迁入地数', topShare: '前几位占比', gini: '基尼系数', entropy: '归一化熵',
  before: '之前', after: '之后', difference: '差值', percentChange: '变化百分比',
  start: '期初人口', end: '期末人口', change: '人口变化', natural: '自然增长', netRatePer1000: '净迁移率（‰）',
  overall: '总体', moves: '迁移人数', cmi: 'CMI', mei: 'MEI', anmr: 'ANMR', regions: '地区数',
};

export interface MeasureWords {
  /** The first line: the measure, its kind and its definition (already in the language). */
  title(measure: string, kind: string, definition: string): string;
  method(text: string): string;
  assumption(text: string): string;
  warning(text: string): string;
  /** A row or system field's head. */
  field(key: string): string;
  /** A system figure's line. */
  system(key: string, value: string): string;
}

const ENGLISH: MeasureWords = {
  title: (measure, kind, definition) => `${measure} (${kind}): ${definition}`,
  method: (text) => `method: ${text}`,
  assumption: (text) => `assumption: ${text}`,
  warning: (text) => `warning: ${text}`,
  field: (key) => key,
  system: (key, value) => `${key}: ${value}`,
};

const CHINESE: MeasureWords = {
  // The measure's short name: the definition after it says what it is.
  title: (measure, kind, definition) => `${(MEASURE_ZH[measure] ?? measure).replace(/（.*）$/, '')}（${KIND_ZH[kind] ?? kind}）：${definition}`,
  method: (text) => `方法：${text}`,
  assumption: (text) => `假设：${text}`,
  warning: (text) => `警告：${text}`,
  field: (key) => FIELD_ZH[key] ?? key,
  system: (key, value) => `${FIELD_ZH[key] ?? key}：${value}`,
};

export const measureWords = (lang: CliLang): MeasureWords => (lang === 'zh' ? CHINESE : ENGLISH);
