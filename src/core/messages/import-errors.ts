import { NO_PLACE, type BoundaryCheck } from './boundary.ts';
import { def } from './message.ts';

const BOUNDARY_EXAMPLE: BoundaryCheck = { ...NO_PLACE, kind: 'tooFewPositions', ring: 1, count: 3 };

/**
 * What the imports refuse (src/store/import): a regions file (import-regions.ts), a groups,
 * boundaries, flows, indicators or persons file, and the sampling options of `import stocks`
 * (stock-options.ts). The file, row and column ride on the
 * InputError's location; these are the problem. Numbers are passed as the English wrote them.
 */
export const IMPORT_ERROR_MESSAGES = {
  'regions.noLevelColumn': def({}, () => 'no level column: give the level of these regions with --level (e.g. province, city, county)'),
  'regions.missingCode': def({}, () => 'missing region code'),
  'regions.codeTwice': def({ code: '210100', first: 3, row: 7 }, (p) => `region code "${p.code}" appears twice (rows ${p.first} and ${p.row})`),
  'regions.missingLevel': def({}, () => 'missing value: a level is required (or give every region\'s level with --level)'),
  'regions.notLevel': def({ level: '省 级' }, (p) => `"${p.level}" is not a level (use one word such as province, city, county)`),
  /** `start` the cell's first 40 characters. */
  'regions.notGeometry': def({ start: 'POLYGN((1 2, 3 4))' }, (p) => `not a WKT or GeoJSON geometry: "${p.start}..."`),
  'regions.badGeometry': def({ start: 'POLYGON((1 2, 3 4' }, (p) => `cannot parse the geometry "${p.start}..."`),
  /** `problem` the boundary check's English (src/io/geo/check-boundary.ts), the rest its finding (boundary.ts), which a front-end says in its language. */
  'regions.badBoundary': def({ code: '210100', problem: 'ring 1: 3 positions; a closed ring needs at least 4 (the last repeating the first)', ...BOUNDARY_EXAMPLE },
    (p) => `boundary of ${p.code}: ${p.problem}`),
  'regions.holesCover': def({ code: '210100', area: '-12.5' }, (p) => `boundary of ${p.code}: the area on the sphere is ${p.area} km²: the holes cover the exterior ring`),
  /** `name` the cell's first 60 characters. */
  'regions.notChineseName': def({ name: 'Shenyang' }, (p) => `"${p.name}" has no Chinese characters: name_zh holds the Chinese name (put other names in name_en or aliases)`),
  'regions.longitude': def({ value: '200' }, (p) => `longitude ${p.value} is outside -180..180`),
  'regions.latitude': def({ value: '123.4' }, (p) => `latitude ${p.value} is outside -90..90 (are longitude and latitude swapped?)`),
  'regions.inWorkspace': def({ code: '210100' }, (p) => `region ${p.code} is already in the workspace; nothing was written (use --replace to update regions)`),
  'regions.unknownParent': def({ parent: '219900', code: '210100' }, (p) => `parent "${p.parent}" of ${p.code} is not a known region: import the parents first, add a parent-name column, or fix the code`),
  /** `chain` the codes from the region up to the one that repeats. */
  'regions.parentCircle': def({ code: '210100', chain: ['210100', '210000', '210100'] as readonly string[] },
    (p) => `the parents of ${p.code} go round in a circle (${p.chain.join(' -> ')}): a region cannot be its own ancestor`),
  'regions.parentNotAbove': def({ parent: '210200', code: '210100', parentLevel: 'city', level: 'city' },
    (p) => `parent ${p.parent} of ${p.code} is a ${p.parentLevel}, not above a ${p.level}: a parent must sit at a higher level`),

  // The other imports' files (src/store/import: groups, geometry, flows, indicators, persons).
  'imports.groupTwice': def({ code: 'northeast', earlier: 1, row: 3 }, (p) => `group ${p.code} is given twice (groups ${p.earlier} and ${p.row})`),
  /** A group that fails the groups schema: `inner` the path below the group (members.3), the rest zod's issue (schema-issue.ts). */
  'imports.groupField': def({
    inner: 'members', detail: 'Invalid input: expected array, received string', issue: 'invalid_type', expected: 'array', limit: null as number | null,
    values: [] as readonly string[], rule: null as string | null, value: null as string | null, origin: '', inclusive: true as boolean, exact: false as boolean,
  }, (p) => `${p.inner ? p.inner + ': ' : ''}${p.detail}`),
  'imports.unknownMembers': def({ code: 'northeast', missing: ['219900'] as readonly string[] }, (p) => `group ${p.code}: unknown member region(s) ${p.missing.join(', ')}`),
  'imports.groupExists': def({ code: 'northeast' }, (p) => `group ${p.code} already exists; nothing was written (use --replace)`),
  'imports.noKey': def({ properties: ['adcode', 'name'] as readonly string[] }, (p) => `no property to match regions by: give --key (properties are ${p.properties.join(', ')})`),
  'imports.featureNoKey': def({ key: 'adcode' }, (p) => `feature has no "${p.key}"`),
  'imports.boundaryTwice': def({ earlier: 2, feature: 5, code: '210100' }, (p) => `features ${p.earlier} and ${p.feature} are both the boundary of ${p.code}: keep one`),
  'imports.badPeriod': def({ period: '20x0' }, (p) => `--period "${p.period}" is not a year or a range of years`),
  'imports.noCohortColumn': def({ column: 'cohort' }, (p) => `--cohort names a column "${p.column}" that the file does not have`),
  'imports.repeatsKey': def({}, () => 'the file repeats an origin-destination-period key: remove the repeats or import with --sum-duplicates'),
  /** `cohort` empty when the import has none; `rows` the first ten rows of the flow. */
  'imports.duplicateFlow': def({ origin: '210100', destination: '110000', period: '2020', cohort: '', rows: ['3', '5'] as readonly string[] },
    (p) => `duplicate flow ${p.origin} -> ${p.destination}, ${p.period}${p.cohort ? ` (${p.cohort})` : ''} on rows ${p.rows.join(', ')}: remove the repeats or import with --sum-duplicates`),
  /** A further repeated flow after imports.duplicateFlow, at its first row: how many `others` rows repeat it. */
  'imports.flowRepeated': def({ others: 1 }, (p) => `${p.others} more ${p.others === 1 ? 'row repeats' : 'rows repeat'} its flow`),
  /** `file` as the import was given it; `count` the file's flows already stored, one of them named. */
  'imports.flowsInWorkspace': def({ file: 'revised.csv', count: 2, origin: '210100', destination: '210200', period: '2019' },
    (p) => `${p.file}: ${p.count} of these flows are already in the workspace (e.g. ${p.origin} -> ${p.destination}, ${p.period}); nothing was written. Use --replace to overwrite them`),
  /** A blank cell where a flows, indicators or stocks file names a region (src/store/import/region-checks.ts). */
  'imports.regionMissing': def({}, () => 'missing value: a region is required'),
  'imports.noRegions': def({}, () => 'the workspace has no regions yet: import regions first (talentflow import regions FILE) or run talentflow demo'),
  /** After the first five unknown or ambiguous region names (region.unknown, region.ambiguous): how many more. */
  'imports.moreUnknownNames': def({ count: 3 }, (p) => `and ${p.count} more unrecognised names`),
  /** A file whose bytes an earlier import of `kind` read (src/store/workspace.ts guardReimport): that import's id, file, rows and time (ISO). */
  'imports.sameFile': def({ file: 'flows.csv', kind: 'flows', importId: 3, earlier: 'flows-2019.csv', rows: 120, at: '2026-12-02T21:02:03.468Z' },
    (p) => `${p.file}: the same file was already imported as ${p.kind} (import #${p.importId} from ${p.earlier}, ${p.rows} rows, ${p.at}); nothing was written. Use --replace to import it again in its place`),
  /** `count` the file's indicator values already stored, one of them named; as imports.flowsInWorkspace. */
  'imports.valuesInWorkspace': def({ file: 'wages.csv', count: 2, name: 'avg_wage', region: '210100', period: '2020' },
    (p) => `${p.file}: ${p.count} values are already in the workspace (e.g. ${p.name} of ${p.region} for ${p.period}); nothing was written. Use --replace to overwrite them`),
  /** A key the import's own checks let through twice (src/store/import/indicator-keys.ts): refused before anything is stored. */
  'imports.indicatorStoredTwice': def({ name: 'gdp', region: '210100', period: '2020', times: 2 },
    (p) => `indicator "${p.name}" of ${p.region} for ${p.period} would be stored ${p.times} times: nothing was written`),
  'imports.indicatorTwice': def({ name: 'gdp', region: '210100', period: '2020', rows: ['3', '7'] as readonly string[] },
    (p) => `indicator "${p.name}" of ${p.region} for ${p.period} is given twice (rows ${p.rows.join(', ')})`),
  // A wide indicator file (src/store/import/import-wide-indicators.ts, wide-indicators.ts).
  'imports.periodColumnAndFlag': def({ column: '年份' }, (p) => `the file has a period column "${p.column}": --period is only for files without one`),
  'imports.wideNeedsYear': def({},
    () => 'a wide indicator file needs a year column (年份, year), year-suffixed columns (gdp_2019) or --period; a long one needs indicator and value columns'),
  'imports.widePeriodOneYear': def({ period: '2019-2020' }, (p) => `--period "${p.period}" must be one year for a wide file`),
  /** Two headers read as one indicator (`name`), of `year` when the headers name one. */
  'imports.columnsClash': def({ first: 'GDP（亿元）', column: 'GDP(万元)', name: 'gdp', year: null as number | null },
    (p) => `columns "${p.first}" and "${p.column}" are both indicator "${p.name}"${p.year !== null ? ` for ${p.year}` : ''}: rename one of them`),
  'imports.notIndicatorValue': def({ value: '七万' },
    (p) => `"${p.value}" is not an indicator value (the other cells of this column are numbers; leave a cell blank or write NA for no value)`),
  'imports.columnNoYear': def({ column: 'gdp' }, (p) => `column "${p.column}" names no year and the file has no period column: give --period`),
  /**
   * A region on several rows of a wide file: `names` its cells as written, `code` the region,
   * `period` the rows' year (null when the file has no year column: `perYear` false).
   */
  'imports.wideRowTwice': def({ names: ['哈尔滨市', '哈尔滨'] as readonly string[], code: '230100', period: '2020' as string | null, rows: ['2', '4'] as readonly string[], perYear: true as boolean },
    (p) => `${p.names.join(' / ')} (${p.code}) has ${p.rows.length} rows${p.period ? ` for ${p.period}` : ''} (rows ${p.rows.join(', ')}): a wide file holds one row per region${p.perYear ? ' and year' : ''}, so its values would be stored twice; remove or merge the repeated row`),
  /** A wide flows or stocks matrix (src/store/import/wide-matrix.ts) with nothing after its first column. */
  'imports.wideMatrixNoColumns': def({}, () => 'a wide matrix needs one column per destination after the origin column'),
  'imports.recordTwice': def({ id: 'p17', rows: ['3', '7'] as readonly string[] }, (p) => `record id "${p.id}" appears twice (rows ${p.rows.join(', ')})`),
  'imports.recordInWorkspace': def({ id: 'p17' }, (p) => `record ${p.id} is already in the workspace; nothing was written (use --replace)`),

  // `import stocks` sampling options; `what` the option the year came from (--date, sampling-rate date, date).
  'stocks.notYear': def({ what: '--date', text: '2010-11' }, (p) => `${p.what} "${p.text}" is not a year: a stock table is counted at one date, give its census year (e.g. 2010)`),
  'stocks.rateForPersons': def({}, () => 'a sampling rate is only for sample counts (--unit sample); counts in persons need none'),
  'stocks.rateNeeded': def({}, () => 'sample counts need a sampling rate: the fraction of the population the sample covers (--sampling-rate 0.1 for a 10 % long form, or YEAR=RATE pairs such as 2000=0.095,2010=0.1)'),
  'stocks.rateNotFraction': def({ text: '10' }, (p) => `sampling rate "${p.text}" is not a fraction between 0 (excluded) and 1: give e.g. 0.1 for a 10 % sample`),
  'stocks.ratePair': def({ part: '2000:0.1' }, (p) => `--sampling-rate expects one rate or YEAR=RATE pairs separated by commas, got "${p.part}"`),
  'stocks.rateTwice': def({ year: 2010 }, (p) => `sampling rate of ${p.year} is given twice`),
  'stocks.rateMissing': def({ missing: ['2000'] as readonly string[], dates: ['2000', '2010'] as readonly string[] },
    (p) => `no sampling rate for ${p.missing.join(', ')}: give one for every date of the file (${p.dates.join(', ')})`),
  // A stock table's file (src/store/import/import-stocks.ts); `units` the accepted units.
  'stocks.notUnit': def({ unit: 'people', units: ['persons', 'sample'] as readonly string[] }, (p) => `unit "${p.unit}" is not one of ${p.units.join(', ')}`),
  /** `column` the wide table's first column, whose header says neither birth nor residence. */
  'stocks.wideRows': def({ column: '地区' },
    (p) => `a wide stock table must say what its rows are: the first column "${p.column}" names neither birth (出生地) nor residence (现住地); give --rows birth or --rows residence`),
  'stocks.dateRange': def({ text: '2000-2010' }, (p) => `"${p.text}" is a range: a stock table is counted at one date, give the census year`),
  /** `rows` the first ten rows of the cell. */
  'stocks.cellTwice': def({ birth: '210000', residence: '110000', date: 2010, rows: ['3', '7'] as readonly string[] },
    (p) => `stock ${p.birth} -> ${p.residence} of ${p.date} is given twice (rows ${p.rows.join(', ')}): remove the repeats`),
  /** `definition` as the import gives it (--definition, or its default); `importId` and `cells` the stored table's. */
  'stocks.tableStored': def({ file: 'census2010.csv', year: 2010, definition: 'by hukou province', importId: 3, cells: 961 },
    (p) => `${p.file}: a stock table of ${p.year} defined as "${p.definition}" is already stored (import #${p.importId}, ${p.cells} cells); nothing was written. Use --replace to overwrite it, or give another --definition`),
  /**
   * No stored stock table of `date` (src/store/queries/stock-matrix.ts), with the `definition` and
   * `importId` asked for (null: any); `dates` the dates the workspace holds.
   */
  'stocks.noTable': def({ date: '1953', definition: null as string | null, importId: null as number | null, dates: ['2000', '2010'] as readonly string[] },
    (p) => `no stock table of ${p.date}${p.definition ? ` defined as "${p.definition}"` : ''}${p.importId !== null ? ` from import #${p.importId}` : ''}`
      + `; the workspace holds ${p.dates.length ? `stock tables of ${p.dates.join(', ')}` : 'none (import one with talentflow import stocks FILE)'}`),
  /** Several stock tables of `date`: their imports' ids and, in the same order, their definitions. */
  'stocks.tablesOfDate': def({ date: '2004', imports: ['3', '4'] as readonly string[], definitions: ['by birthplace', 'by hukou province'] as readonly string[] },
    (p) => `${p.imports.length} stock tables of ${p.date}: ${p.imports.map((id, i) => `#${id} "${p.definitions[i]}"`).join(', ')}; choose one by definition or import`),
  /** A stock matrix's `regions` naming one region twice (src/store/queries/stock-matrix.ts). */
  'stocks.regionTwice': def({ code: '210000' }, (p) => `region ${p.code} is asked for twice`),
  'stocks.rateExtra': def({ extra: ['2020'] as readonly string[], dates: ['2000', '2010'] as readonly string[] },
    (p) => `a sampling rate is given for ${p.extra.join(', ')}, a date the file does not hold (it holds ${p.dates.join(', ')})`),
};
