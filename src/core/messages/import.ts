import { def } from './message.ts';

/**
 * What an import says it did (src/store/import: the notes of `talentflow import` and
 * POST /api/import): totals and repeats left out or summed, wide layouts read, regions built or
 * named from the bundled registry, stock tables stored. Counts are the import's; `registry` is the
 * bundled data set (data/<registry>/...).
 */

/** A count with its noun in the number it takes in English ("1 indicator column", "2 indicator columns"). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How a wide indicator table gives its periods: a year column, year-suffixed headers, or --period. */
type WideLayout = { layout: 'yearColumn' | 'yearHeaders' | 'period'; period: string | null };
const layoutEn = (p: WideLayout) => (p.layout === 'yearColumn' ? `one row per region and year: periods from "${p.period}"` : p.layout === 'yearHeaders' ? 'years from the column headers' : `every value of ${p.period} (--period)`);
/** A wide matrix's rows: origins of flows, or the birth or residence regions of a stock table. */
const matrixRows = (rows: string, columns: number) => (rows === 'origin' ? `${counted(columns, 'destination column')}, origins` : `${counted(columns, `${rows === 'birth' ? 'residence' : 'birth'} column`)}, ${rows} regions`);

export const IMPORT_MESSAGES = {
  /** `labels` the first five total rows' labels and `rows` their file rows. */
  'import.totalRows': def({ count: 2, labels: ['合计', '全国'] as readonly string[], rows: ['16', '2'] as readonly string[] },
    (p) => `skipped ${counted(p.count, 'total row')} (${p.labels.map((l, i) => `${l} row ${p.rows[i]}`).join(', ')}${p.count > 5 ? ', …' : ''}): totals are not regions`),
  'import.replacedFlows': def({ count: 12 }, (p) => `replaced ${counted(p.count, 'stored flow')} with the same keys`),
  'import.intraKept': def({ count: 31 }, (p) => `${counted(p.count, 'intra-regional flow')} (origin = destination) kept and flagged as intra`),
  'import.duplicatesSummed': def({ count: 3 }, (p) => `${counted(p.count, 'repeated row was', 'repeated rows were')} summed into their flows`),
  /** `rows` what the matrix's rows are: origin (flows), birth or residence (stocks). */
  'import.wideMatrix': def({ columns: 31, rows: 'origin', column: '迁出地' }, (p) => `read as a wide matrix: ${matrixRows(p.rows, p.columns)} in "${p.column}"`),
  'import.totalColumns': def({ columns: ['合计'] as readonly string[] }, (p) => `ignored ${p.columns.length === 1 ? 'total column' : 'total columns'} ${p.columns.map((t) => `"${t}"`).join(', ')}`),
  /** `described` the first six indicators, each with its unit where the header gave one. */
  'import.wideTable': def({ layout: 'yearColumn', period: '年份' as string | null, values: 28, columns: 2, described: ['城镇非私营单位平均工资 (元)', 'population'] as readonly string[] },
    (p) => `read as a wide table, ${layoutEn(p as WideLayout)}: ${counted(p.values, 'value')} from ${counted(p.columns, 'indicator column')} (${p.described.join(', ')}${p.columns > 6 ? ', …' : ''})`),
  'import.columnsWithoutNumbers': def({ columns: ['备注'] as readonly string[] }, (p) => `left out ${counted(p.columns.length, 'column')} without numbers: ${p.columns.map((s) => `"${s}"`).join(', ')}`),
  /** `from` the level of the members, '' when the file gave none. */
  'import.builtParents': def({ count: 14, level: 'province', from: 'city' }, (p) => `built ${counted(p.count, `${p.level} region`)} from their ${p.from} members`),
  'import.registryNamed': def({ count: 376, registry: 'china' }, (p) => `${counted(p.count, 'region')} given their English names and aliases from the bundled registry data/${p.registry}/regions.csv (same codes and names)`),
  'import.createdRoot': def({ code: 'CN', zh: '中国' as string | null, en: 'China' as string | null, level: 'country' },
    (p) => (p.zh || p.en
      ? `created ${p.code} (${[p.zh, p.en].filter(Boolean).join(' / ')}, ${p.level}) from the bundled registry, as the parent of regions that had none`
      : `created ${p.code} as a country region without names, as the parent of regions that had none (import a regions file to name it)`)),
  /** `description` the first group's description in data/<registry>/groups.json, `descriptionZh` its Chinese there (null without). */
  'import.groups': def({ groups: ['northeast', 'east'] as readonly string[], registry: 'china', description: 'NBS four economic regions', descriptionZh: '国家统计局四大地区' as string | null },
    (p) => `groups ${p.groups.join(', ')} from data/${p.registry}/groups.json: ${p.description}`),
  'import.boundaries': def({ count: 31, registry: 'china' }, (p) => `${counted(p.count, 'boundary', 'boundaries')} of regions the file gives none for (built provinces) from data/${p.registry}/regions.geojson`),
  /** `names` the first six indicators. */
  'import.yearColumns': def({ values: 1200, columns: 4, names: ['population', 'share_age_65'] as readonly string[] },
    (p) => `${counted(p.values, 'indicator value')} from ${counted(p.columns, 'year-suffixed column')} (${p.names.join(', ')}...)`),
  'import.populationSummed': def({ count: 28 }, (p) => `${counted(p.count, 'population total')} of built parents summed from members`),
  'import.stockReplaced': def({ year: 2010, imports: ['3'] as readonly string[] }, (p) => `replaced the stored stock table of ${p.year} (import #${p.imports.join(', #')})`),
  /** `samplingRate` null: counts of persons; else sample persons at that rate. */
  'import.stockTable': def({ date: 2010, cells: 961, total: 125000, samplingRate: 0.1 as number | null },
    (p) => `${p.date}: ${p.cells.toLocaleString('en-US')} cells, ${p.total.toLocaleString('en-US')} ${p.samplingRate === null ? 'persons' : `sample persons at sampling rate ${p.samplingRate} (about ${Math.round(p.total / p.samplingRate).toLocaleString('en-US')} persons)`}`),
  'import.stayers': def({ count: 31 }, (p) => `${counted(p.count, 'cell')} with birth = residence (people living in their region of birth)`),
  'import.noStayers': def({}, () => 'no cells with birth = residence: the table holds people living outside their region of birth only, and a stock matrix reads the diagonal as missing, not zero'),
  // A stored stock table read as a matrix (src/store/queries/stock-matrix.ts): cells it lacks; `fill` what they read as, as the English wrote it ("NaN" or the number).
  'stocks.matrixDiagonal': def({ missing: 4, regions: 4, fill: '0' },
    (p) => `${p.missing} of ${p.regions} diagonal cells (people living in their region of birth) are not in the table and read as ${p.fill}`),
  'stocks.matrixCells': def({ missing: 9, fill: '0' }, (p) => `${p.missing} cells between two regions are not in the table and read as ${p.fill}`),
  'stocks.matrixOutside': def({ cells: 1 }, (p) => `${p.cells} stored cells have an end outside the regions asked for and are left out`),
  /** The CLI's line after an import; `kind` the import's kind (flows, regions, ...), `encoding` null for UTF-8. */
  'import.done': def({ rows: 930, kind: 'flows', file: 'yearbook.csv', format: 'csv', encoding: 'gb18030' as string | null, importId: 3, workspace: 'my.duckdb' },
    (p) => `Imported ${p.rows.toLocaleString('en-US')} ${p.kind} from ${p.file} (${p.format}${p.encoding ? `, ${p.encoding}` : ''}) as import #${p.importId} into ${p.workspace}`),
};
