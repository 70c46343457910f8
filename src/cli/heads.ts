import type { CliLang } from './lang.ts';
import type { Column } from './output.ts';

/**
 * Table heads and field names of the listing commands (regions, flows, indicators, stocks) and
 * of `measures` in Chinese, for --lang zh; the English is the field's own name as the commands
 * have always printed it. A key without Chinese here keeps its English.
 */
const HEAD_ZH: Readonly<Record<string, string>> = {
  code: '代码', name: '名称', 'name (en)': '英文名称', 'name (zh)': '中文名称', level: '层级', parent: '上级', lon: '经度', lat: '纬度', 'area km²': '面积（平方公里）',
  members: '成员数', 'member codes': '成员代码', origin: '迁出地', destination: '迁入地', period: '时期', cohort: '队列', count: '人数', intra: '地区内部',
  indicator: '指标', unit: '单位', regions: '地区数', periods: '时期', region: '地区', value: '数值',
  birth: '出生地', residence: '居住地', date: '日期', persons: '人数（人）', import: '导入', cells: '单元格数', total: '合计', diagonal: '对角线',
  // measures (src/app/measure): row and system fields
  inflow: '迁入', outflow: '迁出', net: '净迁移', gross: '总迁移', efficiency: '迁移效率',
  population: '人口', inRate: '迁入率', outRate: '迁出率', netRate: '净迁移率', stayers: '留居者', retention: '留存率',
  share: '占比', cumulativeShare: '累计占比', origin_name: '迁出地', destination_name: '迁入地',
  destinations: '迁入地数', topShare: '前几位占比', gini: '基尼系数', entropy: '归一化熵',
  before: '之前', after: '之后', difference: '差值', percentChange: '变化百分比',
  start: '期初人口', end: '期末人口', change: '人口变化', natural: '自然增长', netRatePer1000: '净迁移率（‰）',
  overall: '总体', moves: '迁移人数', cmi: 'CMI', mei: 'MEI', anmr: 'ANMR',
};

/** The head of field `key` in `lang`. */
export const headIn = (key: string, lang: CliLang): string => (lang === 'zh' ? HEAD_ZH[key] ?? key : key);

/** Columns with their heads in `lang`. */
export const headsIn = <T>(columns: readonly Column<T>[], lang: CliLang): Column<T>[] => columns.map((c) => ({ ...c, header: headIn(c.header, lang) }));
