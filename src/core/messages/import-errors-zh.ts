import { boundaryCheckZh } from './boundary-zh.ts';
import type { IMPORT_ERROR_MESSAGES } from './import-errors.ts';
import { LEVEL_ZH } from './level-zh.ts';
import { schemaIssueZh } from './schema-issue-zh.ts';
import type { ZhOf } from './zh-of.ts';

/** Chinese for what the imports refuse (import-errors.ts), which `import --lang zh` and the page show. */
const levelZh = (l: string) => LEVEL_ZH[l] ?? l;
const WHAT: Record<string, string> = { 'sampling-rate date': '抽样比例的日期', date: '日期' };
/** What an import reads (imports.kind), as imports.sameFile names it. */
const KIND: Record<string, string> = { regions: '地区', flows: '流动', indicators: '指标', stocks: '存量', persons: '毕业生记录', groups: '地区组', geometry: '边界' };

export const IMPORT_ERROR_MESSAGES_ZH: ZhOf<typeof IMPORT_ERROR_MESSAGES> = {
  'regions.noLevelColumn': () => '没有层级列：请用 --level 给出这些地区的层级（例如 province、city、county）',
  'regions.missingCode': () => '缺少地区代码',
  'regions.codeTwice': (p) => `地区代码“${p.code}”出现了两次（第 ${p.first} 行和第 ${p.row} 行）`,
  'regions.missingLevel': () => '缺少值：需要层级（或用 --level 给出所有地区的层级）',
  'regions.notLevel': (p) => `“${p.level}”不是层级（请用一个词，如 province、city、county）`,
  'regions.notGeometry': (p) => `不是 WKT 或 GeoJSON 几何：“${p.start}…”`,
  'regions.badGeometry': (p) => `无法解析几何“${p.start}…”`,
  'regions.badBoundary': (p) => `${p.code} 的边界：${boundaryCheckZh(p) ?? p.problem}`,
  'regions.holesCover': (p) => `${p.code} 的边界：球面面积为 ${p.area} 平方公里：内环覆盖了外环`,
  'regions.notChineseName': (p) => `“${p.name}”不含汉字：name_zh 列存放中文名称（其他名称请放在 name_en 或 aliases 列）`,
  'regions.longitude': (p) => `经度 ${p.value} 超出 -180 至 180 的范围`,
  'regions.latitude': (p) => `纬度 ${p.value} 超出 -90 至 90 的范围（经度和纬度是否颠倒了？）`,
  'regions.inWorkspace': (p) => `地区 ${p.code} 已在工作区中；未写入任何内容（如需更新地区请用 --replace）`,
  'regions.unknownParent': (p) => `${p.code} 的上级“${p.parent}”不是已知地区：请先导入上级地区、添加上级名称列，或更正代码`,
  'regions.parentCircle': (p) => `${p.code} 的上级形成了循环（${p.chain.join(' → ')}）：地区不能是自己的上级`,
  'regions.parentNotAbove': (p) => `${p.code} 的上级 ${p.parent} 是${levelZh(p.parentLevel)}地区，不高于${levelZh(p.level)}：上级必须位于更高的层级`,

  'imports.groupTwice': (p) => `地区组 ${p.code} 给出了两次（第 ${p.earlier} 组和第 ${p.row} 组）`,
  'imports.groupField': (p) => `${p.inner ? `${p.inner}：` : ''}${schemaIssueZh(p)}`,
  'imports.unknownMembers': (p) => `地区组 ${p.code}：成员地区 ${p.missing.join('、')} 未知`,
  'imports.groupExists': (p) => `地区组 ${p.code} 已存在；未写入任何内容（请用 --replace）`,
  'imports.noKey': (p) => `没有用于匹配地区的属性：请给出 --key（属性有：${p.properties.join('、')}）`,
  'imports.featureNoKey': (p) => `要素没有“${p.key}”`,
  'imports.boundaryTwice': (p) => `要素 ${p.earlier} 和 ${p.feature} 都是 ${p.code} 的边界：请保留一个`,
  'imports.badPeriod': (p) => `--period“${p.period}”不是年份或年份范围`,
  'imports.noCohortColumn': (p) => `--cohort 指定的列“${p.column}”在文件中不存在`,
  'imports.repeatsKey': () => '文件中有重复的迁出地-迁入地-时期键：请删除重复行，或用 --sum-duplicates 导入',
  'imports.duplicateFlow': (p) => `重复的流动 ${p.origin} → ${p.destination}，${p.period}${p.cohort ? `（${p.cohort}）` : ''}，位于第 ${p.rows.join('、')} 行：请删除重复行，或用 --sum-duplicates 导入`,
  'imports.flowRepeated': (p) => `其流动在另外 ${p.others} 行重复出现`,
  'imports.flowsInWorkspace': (p, f) => `${p.file}：其中 ${f.number(p.count)} 条流动已在工作区中（例如 ${p.origin} → ${p.destination}，${p.period}）；未写入任何内容。如需覆盖请用 --replace`,
  'imports.regionMissing': () => '缺少值：需要地区',
  'imports.noRegions': () => '工作区中还没有地区：请先导入地区（talentflow import regions FILE）或运行 talentflow demo',
  'imports.moreUnknownNames': (p, f) => `还有 ${f.number(p.count)} 个名称无法识别`,
  'imports.sameFile': (p, f) => `${p.file}：同一文件已作为${KIND[p.kind] ?? p.kind}导入过（导入 #${p.importId}，来自 ${p.earlier}，${f.number(p.rows)} 行，${p.at}）；未写入任何内容。如需用它替换那次导入请用 --replace`,
  'imports.valuesInWorkspace': (p, f) => `${p.file}：其中 ${f.number(p.count)} 个指标数值已在工作区中（例如 ${p.region} 在 ${p.period} 的“${p.name}”）；未写入任何内容。如需覆盖请用 --replace`,
  'imports.indicatorStoredTwice': (p) => `${p.region} 在 ${p.period} 的指标“${p.name}”将被存储 ${p.times} 次：未写入任何内容`,
  'imports.indicatorTwice': (p) => `${p.region} 在 ${p.period} 的指标“${p.name}”给出了两次（第 ${p.rows.join('、')} 行）`,
  'imports.periodColumnAndFlag': (p) => `文件已有时期列“${p.column}”：--period 只用于没有时期列的文件`,
  'imports.wideNeedsYear': () => '宽格式指标文件需要年份列（年份、year）、带年份后缀的列（gdp_2019）或 --period；长格式文件需要指标列和数值列',
  'imports.widePeriodOneYear': (p) => `宽格式文件的 --period“${p.period}”必须是单个年份`,
  'imports.columnsClash': (p) => `“${p.first}”列和“${p.column}”列都是${p.year !== null ? ` ${p.year} 年的` : ''}指标“${p.name}”：请重命名其中一列`,
  'imports.notIndicatorValue': (p) => `“${p.value}”不是指标数值（该列其他单元格都是数字；没有数值请留空或写 NA）`,
  'imports.columnNoYear': (p) => `“${p.column}”列没有给出年份，文件也没有时期列：请给出 --period`,
  'imports.wideRowTwice': (p) => `${p.names.join(' / ')}（${p.code}）${p.period ? `在 ${p.period} 年` : ''}有 ${p.rows.length} 行（第 ${p.rows.join('、')} 行）：`
    + `宽格式文件每个地区${p.perYear ? '每年' : ''}只占一行，否则其数值会存储两次；请删除或合并重复的行`,
  'imports.wideMatrixNoColumns': () => '宽格式矩阵在迁出地列之后须有每个迁入地各一列',
  'imports.recordTwice': (p) => `记录编号“${p.id}”出现了两次（第 ${p.rows.join('、')} 行）`,
  'imports.recordInWorkspace': (p) => `记录 ${p.id} 已在工作区中；未写入任何内容（请用 --replace）`,

  'stocks.notYear': (p) => `${WHAT[p.what] ?? p.what}“${p.text}”不是年份：存量表按一个时点计数，请给出其普查年份（例如 2010）`,
  'stocks.rateForPersons': () => '抽样比例只用于样本计数（--unit sample）；按人计数不需要它',
  'stocks.rateNeeded': () => '样本计数需要抽样比例，即样本覆盖的人口比例（10% 长表用 --sampling-rate 0.1，或 年份=比例 对，如 2000=0.095,2010=0.1）',
  'stocks.rateNotFraction': (p) => `抽样比例“${p.text}”不是 0（不含）到 1 之间的比例：例如 10% 的样本请给出 0.1`,
  'stocks.ratePair': (p) => `--sampling-rate 应为一个比例，或以逗号分隔的 年份=比例 对，收到的是“${p.part}”`,
  'stocks.rateTwice': (p) => `${p.year} 年的抽样比例给出了两次`,
  'stocks.rateMissing': (p) => `${p.missing.join('、')} 没有抽样比例：请为文件的每个日期给出一个（${p.dates.join('、')}）`,
  'stocks.notUnit': (p) => `单位“${p.unit}”不是 ${p.units.join('、')} 之一`,
  'stocks.wideRows': (p) => `宽格式存量表须说明其各行是什么：第一列“${p.column}”既不是出生地也不是现住地；请给出 --rows birth 或 --rows residence`,
  'stocks.dateRange': (p) => `“${p.text}”是一个区间：存量表按一个时点计数，请给出普查年份`,
  'stocks.cellTwice': (p) => `出生于 ${p.birth}、现住 ${p.residence} 的 ${p.date} 年存量给出了两次（第 ${p.rows.join('、')} 行）：请删除重复行`,
  'stocks.tableStored': (p, f) => `${p.file}：已存有 ${p.year} 年定义为“${p.definition}”的存量表（导入 #${p.importId}，${f.number(p.cells)} 个单元格）；未写入任何内容。如需覆盖请用 --replace，或用 --definition 给出另一个定义`,
  'stocks.noTable': (p) => `没有 ${p.date} 年${p.definition ? `定义为“${p.definition}”` : ''}${p.importId !== null ? `、来自导入 #${p.importId} ` : ''}的存量表；`
    + `工作区中${p.dates.length ? `有 ${p.dates.join('、')} 年的存量表` : '没有存量表（请用 talentflow import stocks FILE 导入）'}`,
  'stocks.tablesOfDate': (p) => `${p.date} 年有 ${p.imports.length} 个存量表：${p.imports.map((id, i) => `#${id}“${p.definitions[i]}”`).join('、')}；请按定义或导入选择其一`,
  'stocks.regionTwice': (p) => `地区 ${p.code} 给出了两次`,
  'stocks.rateExtra': (p) => `给出了 ${p.extra.join('、')} 的抽样比例，但文件中没有这个日期（文件有：${p.dates.join('、')}）`,
};
