// The Chinese source line written beside each English one in data/<set>/indicators.csv
// (`source_zh`), so the dashboard's footer and exports cite the bundled data in Chinese on the
// Chinese page. Built from the same parts the builders compose the English from (china.ts,
// china-extra.ts, china-census-2000.ts, korea.ts, ny.ts): a source the table does not know is an
// error here, never an English line in the Chinese column.

/** Whole source texts and their Chinese, as the sets' SOURCE.md describe them. */
const WHOLE: Record<string, string> = {
  '2010 and 2020 censuses via leiii/census (MIT)': '2010 年与 2020 年人口普查，经 leiii/census 整理（MIT 许可）',
  'NBS annual data by province via xolarvill/KWL (MIT)': '国家统计局分省年度数据，经 xolarvill/KWL 整理（MIT 许可）',
  'ISD-Lite station means via xolarvill/KWL (MIT); not NBS': 'ISD-Lite 气象站均值，经 xolarvill/KWL 整理（MIT 许可）；非国家统计局数据',
  'Communiqué on Major Figures of the 2000 Population Census (No. 2), NBS 2001-04-02 (quick count at 2000-11-01, rounded to 10,000); = China Statistical Yearbook 2001 table 4-10':
    '2000年第五次全国人口普查主要数据公报（第二号），国家统计局 2001-04-02 发布（2000-11-01 快速汇总，取整到万人）；同《中国统计年鉴 2001》表 4-10',
  'Source: Statistics Korea, KOSIS, resident registration population': '来源：韩国统计厅 KOSIS，居民登记人口',
  'Source: Statistics Korea, KOSIS, Regional Income table DT_1C86 (per capita, current prices)': '来源：韩国统计厅 KOSIS，地区收入表 DT_1C86（人均，现价）',
  'scikit-mobility examples/NY_counties_2011.geojson (US Census county population; vintage not documented, 2011-era estimates)':
    'scikit-mobility examples/NY_counties_2011.geojson（美国人口普查局县人口；数据年份版本未注明，约为 2011 年估计）',
};

/** Prefixes and notes the builders add to a whole source (china.ts's province roll-ups, china-extra.ts's inferred units). */
const PREFIXES: [string, string][] = [
  ['sum of city figures, ', '各市数字之和，'],
  ['population-weighted mean of city shares, ', '各市比例的人口加权平均，'],
];

export function sourceZh(source: string): string {
  let rest = source;
  let notes = '';
  const excludes = /; excludes (.+) \(no figure\)$/.exec(rest);
  if (excludes) {
    notes += `；不含${excludes[1].split(', ').join('、')}（无数据）`;
    rest = rest.slice(0, excludes.index);
  }
  if (rest.endsWith('; unit inferred')) {
    notes = `；单位为推断${notes}`;
    rest = rest.slice(0, -'; unit inferred'.length);
  }
  const prefix = PREFIXES.find(([en]) => rest.startsWith(en));
  if (prefix) rest = rest.slice(prefix[0].length);
  const zh = WHOLE[rest];
  if (zh === undefined) throw new Error(`build-data: no Chinese for the source "${source}": add it to scripts/build-data/source-zh.ts`);
  return `${prefix?.[1] ?? ''}${zh}${notes}`;
}
