import type { IMPORT_MESSAGES } from './import.ts';
import { levelZh } from './level-zh.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for what an import says it did (import.ts), here because `talentflow import --lang zh`
 * prints it and may not import the page. Labels, headers and codes stay as the file wrote them.
 */
/** What an import's rows are, with their measure word. */
const KIND: Record<string, string> = { regions: '个地区', flows: '条流动', indicators: '个指标数值', stocks: '个存量单元格', persons: '条毕业生记录', groups: '个地区组', geometry: '个边界' };
const MATRIX_ROWS: Record<string, string> = { origin: '迁出地', birth: '出生地', residence: '现住地' };
const MATRIX_COLUMNS: Record<string, string> = { origin: '迁入地', birth: '现住地', residence: '出生地' };
const quoted = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');
/** What a stock matrix's missing cells read as: NaN is a missing value, not a number. */
const readAs = (fill: string) => (fill === 'NaN' ? '记为缺失值' : `记为 ${fill}`);

export const IMPORT_MESSAGES_ZH: ZhOf<typeof IMPORT_MESSAGES> = {
  'import.totalRows': (p, f) => `跳过 ${f.number(p.count)} 行合计（${p.labels.map((l, i) => `第 ${p.rows[i]} 行“${l}”`).join('、')}${p.count > 5 ? ' 等' : ''}）：合计不是地区`,
  'import.replacedFlows': (p, f) => `替换了 ${f.number(p.count)} 条键相同的已存流动`,
  'import.intraKept': (p, f) => `${f.number(p.count)} 条区域内部流动（迁出地 = 迁入地）已保留并标记为区域内部`,
  'import.duplicatesSummed': (p, f) => `${f.number(p.count)} 行重复行已并入其流动`,
  'import.wideMatrix': (p, f) => `按宽矩阵读取：${f.number(p.columns)} 个${MATRIX_COLUMNS[p.rows] ?? p.rows}列，${MATRIX_ROWS[p.rows] ?? p.rows}在“${p.column}”列`,
  'import.totalColumns': (p) => `忽略合计列 ${quoted(p.columns)}`,
  'import.wideTable': (p, f) => `按宽表读取（${p.layout === 'yearColumn' ? `每行一个地区和年份，时期取自“${p.period}”列` : p.layout === 'yearHeaders' ? '年份取自列名' : `所有数值属于 ${p.period}（--period）`}）：${f.number(p.values)} 个数值，来自 ${f.number(p.columns)} 个指标列（${p.described.join('、')}${p.columns > 6 ? ' 等' : ''}）`,
  'import.columnsWithoutNumbers': (p, f) => `未纳入 ${f.number(p.columns.length)} 个没有数字的列：${quoted(p.columns)}`,
  'import.builtParents': (p, f) => `由其${p.from ? levelZh(p.from) : ''}成员构建了 ${f.number(p.count)} 个${levelZh(p.level)}地区`,
  'import.registryNamed': (p, f) => `${f.number(p.count)} 个地区的英文名称和别名取自内置地区表 data/${p.registry}/regions.csv（代码和名称相同）`,
  'import.createdRoot': (p) => (p.zh || p.en
    ? `从内置地区表创建了 ${p.code}（${[p.zh, p.en].filter(Boolean).join(' / ')}，${levelZh(p.level)}），作为没有上级的地区的上级`
    : `创建了没有名称的国家级地区 ${p.code}，作为没有上级的地区的上级（导入地区文件可为其命名）`),
  'import.groups': (p) => `地区组 ${p.groups.join('、')} 取自 data/${p.registry}/groups.json${p.descriptionZh ? `：${p.descriptionZh}` : ''}`,
  'import.boundaries': (p, f) => `文件未给出边界的 ${f.number(p.count)} 个地区（构建的省份）的边界取自 data/${p.registry}/regions.geojson`,
  'import.yearColumns': (p, f) => `${f.number(p.values)} 个指标数值，来自 ${f.number(p.columns)} 个带年份后缀的列（${p.names.join('、')} 等）`,
  'import.populationSummed': (p, f) => `构建的上级地区的 ${f.number(p.count)} 个人口总数由成员相加得到`,
  'import.stockReplaced': (p) => `替换了已存的 ${p.year} 年存量表（导入 #${p.imports.join('、#')}）`,
  'import.stockTable': (p, f) => `${p.date}：${f.number(p.cells)} 个单元格，${p.samplingRate === null ? `${f.number(p.total)} 人` : `抽样 ${f.number(p.total)} 人，抽样比 ${p.samplingRate}（约 ${f.number(Math.round(p.total / p.samplingRate))} 人）`}`,
  'import.stayers': (p, f) => `${f.number(p.count)} 个单元格出生地 = 现住地（居住在出生地区的人）`,
  'import.noStayers': () => '没有出生地 = 现住地的单元格：表中只有居住在出生地区以外的人，存量矩阵将对角线视为缺失而非零',
  'stocks.matrixDiagonal': (p, f) => `${f.number(p.regions)} 个对角线单元格（居住在出生地区的人）中有 ${f.number(p.missing)} 个不在表中，${readAs(p.fill)}`,
  'stocks.matrixCells': (p, f) => `两地区之间有 ${f.number(p.missing)} 个单元格不在表中，${readAs(p.fill)}`,
  'stocks.matrixOutside': (p, f) => `${f.number(p.cells)} 个已存储的单元格有一端在所选地区之外，未纳入`,
  'import.done': (p, f) => `已从 ${p.file}（${p.format}${p.encoding ? `，${p.encoding}` : ''}）导入 ${f.number(p.rows)} ${KIND[p.kind] ?? p.kind}，导入编号 #${p.importId}，工作区 ${p.workspace}`,
};
