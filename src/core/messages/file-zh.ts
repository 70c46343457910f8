import type { FILE_MESSAGES } from './file.ts';
import type { CodedParam, MessageFormat, MessageParams } from './message.ts';
import type { ParamsOf } from './index.ts';
import type { ZhOf } from './zh-of.ts';

/**
 * Chinese for the file readers' problems (file.ts), as `talentflow import … --lang zh`, `fit …
 * --flows FILE --lang zh` and the page's import say them; the location (file, row, column) is
 * written by each front-end. Options (--encoding), encodings and cell text stay as typed; an
 * engine's own words (`detail`) are quoted as they came.
 */
const WHAT: Record<string, string> = {
  'a number': '数字', 'a flow count': '流量（人数）', 'a stock count': '存量（人数）', 'an indicator value': '指标数值', 'a graduation year': '毕业年份',
  'a monthly salary': '月薪', 'a record id': '记录编号', 'a university': '院校', 'an area': '面积', 'a longitude': '经度', 'a latitude': '纬度',
};
const what = (w: string) => WHAT[w] ?? w;
/** The roles of an import's columns (src/store/import/column-roles.ts), each kept as typed after its Chinese. */
const ROLE: Record<string, string> = {
  origin: '迁出地', destination: '迁入地', period: '时期', count: '人数', region: '地区', name: '名称', code: '代码', level: '层级', parent: '上级地区',
  value: '数值', unit: '单位', indicator: '指标', year: '年份', id: '记录编号', university: '院校', degree: '学历', major: '专业',
};
const role = (r: string) => (ROLE[r] ? `${ROLE[r]}（${r}）` : r);
const columnList = (columns: readonly string[], count: number) => `${columns.map((c) => `“${c}”`).join('、')}${count > columns.length ? ` 等 ${count} 列` : ''}`;
/** DuckDB's "Expected Number of Columns: 4 Found: 2" as 应有 4 列，实有 2 列 (its words as they came where they read otherwise). */
const columnCount = (d: string) => {
  const m = /Expected Number of Columns: (\d+) Found: (\d+)/i.exec(d);
  return m ? `应有 ${m[1]} 列，实有 ${m[2]} 列` : d;
};
const CSV_ROW: Record<string, (detail: string) => string> = {
  unicode: () => '不是有效的 UTF-8 文本：请用 --encoding 指定正确的编码（例如 gb18030）',
  missingColumns: (d) => `列数不足（${columnCount(d)}；文件可能在行中被截断）`,
  tooManyColumns: (d) => `列数过多（${columnCount(d)}；值中是否有未加引号的分隔符？）`,
};

/** A row DuckDB's reader refused, by its problem (DuckDB's words kept in brackets). */
const csvRow = (p: { problem: string; detail: string }) => CSV_ROW[p.problem]?.(p.detail) ?? `无法读取该行（${p.detail}）`;

/** A quoted problem of this catalogue in Chinese, else its English. */
function inner(q: CodedParam, english: string, f: MessageFormat): string {
  const zh = (FILE_MESSAGES_ZH as unknown as Record<string, ((p: MessageParams, f: MessageFormat) => string) | undefined>)[q.code];
  return zh ? zh(q.params, f) : english;
}

const ARCHIVE: Record<string, (p: ParamsOf<'file.workbookArchive'>) => string> = {
  passwordProtected: () => '工作簿有密码保护：请另存一份不带密码的副本',
  method: (p) => `部件 ${p.part} 采用压缩方法 ${p.method}；Excel 只使用存储（0）或 deflate（8）`,
  partMissing: (p) => `压缩包中缺少部件 ${p.part}（文件被截断或损坏）`,
  partCut: (p) => `部件 ${p.part} 被截断`,
  inflate: (p) => `部件 ${p.part} 无法解压（${p.detail}）：文件损坏或被截断`,
  expands: (p) => `工作簿解压后的 XML 超过 ${p.limit} MiB（在部件 ${p.part} 处）：请将工作表另存为 CSV，CSV 以流式读取，没有此限制`,
  xmlCut: (p) => `部件 ${p.part} 的 XML 被截断（没有以结束标签结尾）：文件已损坏`,
  noEnd: () => '工作簿被截断（缺少压缩包结束记录）',
  notZip: () => '不是 .xlsx 工作簿（不是 zip 压缩包）：旧版 .xls 或有密码保护的工作簿需要重新另存为 .xlsx',
  zip64Missing: () => '工作簿缺少 ZIP64 目录',
  zip64Damaged: () => '工作簿的 ZIP64 目录已损坏',
  tooManyParts: (p) => `工作簿有 ${p.count} 个部件，超过可接受的 ${p.limit} 个`,
  pastEnd: () => '工作簿被截断或损坏（其目录指向文件末尾之后）',
  directoryDamaged: () => '工作簿的目录已损坏',
  zip64Record: (p) => `部件 ${p.part} 的 ZIP64 记录已损坏`,
  impossibleSize: () => '工作簿的目录中有不可能的大小或偏移',
};

export const FILE_MESSAGES_ZH: ZhOf<typeof FILE_MESSAGES> = {
  'file.notFound': () => '找不到文件',
  'file.empty': () => '文件为空',
  'file.noHeader': () => '文件为空（没有表头行）',
  'file.noDataRows': () => '文件只有表头，没有数据行',
  'file.unknownFormat': (p) => `未知格式“${p.format}”（可用：csv、xlsx、parquet、jsonl、geojson）`,
  'file.oldXls': () => '不读取旧版 .xls 工作簿：请将工作表另存为 .xlsx 或 .csv',
  'file.noFormat': (p) => `无法从扩展名“${p.extension}”判断格式：请用 --format 指定 csv|xlsx|parquet|jsonl|geojson`,
  'file.oneColumn': (p) => `表头“${p.header}”中只找到 ${p.columns} 列：分隔符是否正确（--delimiter）？`,
  'file.noColumn': (p) => `没有列${p.columns.map((c) => `“${c}”`).join('、')}：文件中的列为 ${p.header.map((h) => `“${h}”`).join('、')}`,

  'file.mapPair': (p) => `--map 应为以逗号分隔的“角色=列名”，实际为“${p.part}”`,
  'file.mapNoColumn': (p) => `--map ${p.role}=${p.column}：没有列“${p.column}”；文件中的列为 ${columnList(p.columns, p.count)}${p.near ? `；是否指“${p.near}”？` : ''}`,
  'file.missingRole': (p) => `缺少${p.missing.map(role).join('、')}列：文件中的列为 ${columnList(p.columns, p.count)}；${role(p.role)}列可用 ${p.names.join('、')} 等名称识别`
    + `${p.near ? `；“${p.near}”是否拼错了？` : '；'}请用 --map ${p.role}=列名 指定`,

  'file.notUnicodeNorGb': (p) => `既不是有效的 UTF-8（第一个错误字节位于偏移 ${p.offset}），也不是 GB18030/GBK；请用 --encoding 指定编码（例如 big5、shift_jis、utf-16le）`,
  'file.unknownEncoding': (p) => `未知编码“${p.encoding}”（可试 utf-8、gb18030、gbk、big5、utf-16le）`,
  'file.notEncodingStart': (p) => `文件开头不是有效的 ${p.encoding} 编码：请检查 --encoding（文件可能是 UTF-8 或 GB18030）`,
  'file.notEncodingNear': (p) => `第 ${p.from}-${p.to} 字节附近不是有效的 ${p.encoding} 编码：请检查 --encoding`,
  'file.cutCharacter': (p) => `文件在一个 ${p.encoding} 字符的中间结束（文件被截断？）：请检查 --encoding`,
  'file.invalidUnicode': (p) => `不是有效的 UTF-8 文本（第一个错误字节位于偏移 ${p.offset}）：请用 --encoding 指定正确的编码（例如 gb18030）`,

  'file.longLine': (p) => `有一行长 ${p.megabytes} MB，超过表格每行最多 ${p.limit} MB 的限制（引号未闭合，或者不是表格？）`,
  'file.jsonDepth': (p) => `JSON 嵌套${p.over ? `超过 ${p.limit}` : ` ${p.depth}`} 层：数据文件远用不到这么深，解析前已拒绝`,
  'file.noJsonColumns': () => '没有列：每行必须是键相同的 JSON 对象',
  'file.jsonTooLarge': (p) => `${p.megabytes} MiB 超过 JSON 文档最多 ${p.limit} MiB 的限制：请简化几何图形或拆分文件`,
  'file.atLine': (p, f) => `第 ${p.line} 行：${inner(p.inner, p.problem, f)}`,
  'file.notJson': (p) => `不是有效的 JSON（${p.detail}）`,
  'file.notGeoJson': () => '应为 GeoJSON 的 FeatureCollection 或 Feature',
  'file.notFeature': (p) => `第 ${p.feature} 个要素不是 GeoJSON 要素（Feature）`,
  'file.badProperties': (p) => `第 ${p.feature} 个要素：“properties”必须是对象或 null`,
  'file.csvRow': (p) => `${csvRow(p)}：“${p.line}”`,
  'file.csvRowMore': (p) => csvRow(p),
  'file.unclosedQuote': () => '有一个加引号的值没有闭合（文件可能被截断）',
  'file.notUnicode': () => '不是有效的 UTF-8 文本：请用 --encoding 指定正确的编码（例如 gb18030）',
  'file.columnCount': (p) => `应有 ${p.expected} 列，实有 ${p.found} 列${p.found > p.expected ? '（值中是否有未加引号的分隔符？）' : '（文件可能在行中被截断）'}`,
  'file.csvUnreadable': (p) => `无法读取该 CSV 文件（${p.detail}）`,
  'file.unreadable': (p) => `无法读取（${p.detail}）${p.byte !== null ? `，位于该行第 ${p.byte} 字节` : ''}`,

  'file.workbookArchive': (p) => ARCHIVE[p.problem]?.(p) ?? p.problem,
  'file.sheetEmpty': (p) => `工作表“${p.sheet}”为空`,
  'file.workbookTooLarge': (p) => `工作簿超过 ${p.limit} MiB：请将工作表另存为 CSV，CSV 以流式读取，没有此限制`,
  'file.workbookXml': (p) => `工作簿的 XML 在某一部分的第 ${p.line} 行第 ${p.column} 列损坏（${p.detail}）`,
  'file.notWorkbook': (p) => `不是可读的 .xlsx 工作簿（${p.detail}）`,
  'file.noSheet': (p) => `没有名为“${p.sheet}”的工作表（已有工作表：${p.sheets.join('、')}）`,
  'file.noSheets': () => '工作簿中没有工作表',
  'file.mergedHeader': (p) => `工作表“${p.sheet}”的表头单元格 ${p.range} 是合并的：请取消合并，给每一列各自的名称（例如每列一个迁入地）`,
  'file.formulaNoValue': (p) => `单元格 ${p.cell} 含公式“=${p.formula}”但没有计算结果：请在 Excel 中打开并保存该工作簿（或粘贴为数值）`,

  'file.missingValue': (p) => `缺少数值：${what(p.what)}为必填`,
  'file.beyondDouble': (p) => `数字过大，无法表示（超出 ±1.8e308），不能作为${what(p.what)}`,
  'file.negative': (p) => `负值 ${p.value}：${what(p.what)}不能为负`,
  'file.outOfRange': (p, f) => `${p.value} 超出${what(p.what)}的可接受范围：${f.number(p.min)} 至 ${f.number(p.max)}`,
  'file.notWhole': (p) => `“${p.value}”不是整数`,
  'file.tooLarge': (p) => `“${p.value}”过大，无法表示（超出 ±1.8e308）：不是${what(p.what)}`,
  'file.notA': (p) => `“${p.value}”不是${what(p.what)}`,
  'file.missingPeriod': () => '缺少时期',
  'file.notPeriod': (p) => `“${p.value}”不是时期：请给出年份（2019）或年份区间（2010-2020）`,
};
