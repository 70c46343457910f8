import { def, type CodedParam } from './message.ts';

/**
 * What the file readers say about a file they cannot read or a cell they refuse (src/store/duckdb/
 * stage.ts, src/io: encodings, CSV, xlsx, JSON; src/store/read-columns.ts; src/store/import/
 * checks.ts). The file, row and column ride on the InputError's location, which every front-end
 * writes in its own language; these are the problem. `what` is the English a check was given for
 * the value ("a flow count", "a graduation year"), which a front-end may know; an engine's own
 * words (DuckDB's, exceljs's) are passed as `detail`.
 */
/** The first 12 of `count` columns, quoted, and how many more (column-roles.ts). */
const columnList = (columns: readonly string[], count: number) => `${columns.map((c) => `"${c}"`).join(', ')}${count > columns.length ? ` and ${count - columns.length} more` : ''}`;

interface ArchiveParams { part: string | null; method: number | null; detail: string | null; count: number | null; limit: number | null }
const ARCHIVE: Record<string, (p: ArchiveParams) => string> = {
  passwordProtected: () => 'the workbook is password-protected: save a copy without a password',
  method: (p) => `part ${p.part} is compressed with method ${p.method}; Excel writes only stored (0) or deflate (8)`,
  partMissing: (p) => `part ${p.part} is missing from the archive (cut off or damaged)`,
  partCut: (p) => `part ${p.part} is cut off`,
  inflate: (p) => `part ${p.part} cannot be decompressed (${p.detail}): the file is damaged or cut off`,
  expands: (p) => `the workbook expands to more than ${p.limit} MiB of XML (at part ${p.part}): save the sheet as CSV, which is read in a stream without this limit`,
  xmlCut: (p) => `the XML of part ${p.part} is cut off (it does not end with its closing tag): the file is damaged`,
  noEnd: () => 'the workbook is cut off (its end-of-archive record is missing)',
  notZip: () => 'not an .xlsx workbook (not a zip archive): an old .xls or a password-protected workbook must be saved again as .xlsx',
  zip64Missing: () => "the workbook's ZIP64 directory is missing",
  zip64Damaged: () => "the workbook's ZIP64 directory is damaged",
  tooManyParts: (p) => `the workbook has ${p.count} parts, more than the ${p.limit} accepted`,
  pastEnd: () => 'the workbook is cut off or damaged (its directory points past the end of the file)',
  directoryDamaged: () => "the workbook's directory is damaged",
  zip64Record: (p) => `part ${p.part} has a damaged ZIP64 record`,
  impossibleSize: () => "the workbook's directory holds an impossible size or offset",
};

export const FILE_MESSAGES = {
  'file.notFound': def({}, () => 'file not found'),
  'file.empty': def({}, () => 'the file is empty'),
  'file.noHeader': def({}, () => 'the file is empty (no header row)'),
  'file.noDataRows': def({}, () => 'the file has a header but no data rows'),
  'file.unknownFormat': def({ format: 'xls' }, (p) => `unknown format "${p.format}" (csv, xlsx, parquet, jsonl, geojson)`),
  'file.oldXls': def({}, () => 'old .xls workbooks are not read: save the sheet as .xlsx or .csv'),
  'file.noFormat': def({ extension: '.dat' }, (p) => `cannot tell the format from the extension "${p.extension}": give --format csv|xlsx|parquet|jsonl|geojson`),
  /** `header` the header line's first 80 characters. */
  'file.oneColumn': def({ columns: 1, header: 'origin;destination;flow' }, (p) => `found ${p.columns} column in the header "${p.header}": is the delimiter right (--delimiter)?`),
  'file.noColumn': def({ columns: ['migrants'] as readonly string[], header: ['orig', 'dest', 'flow'] as readonly string[] },
    (p) => `no column ${p.columns.map((c) => `"${c}"`).join(', ')}: the file has ${p.header.map((h) => `"${h}"`).join(', ')}`),

  // Which column plays which role in an import (src/store/import/column-roles.ts); `columns` the
  // file's first 12 of `count`.
  'file.mapPair': def({ part: 'origin' }, (p) => `--map expects role=column pairs separated by commas, got "${p.part}"`),
  'file.mapNoColumn': def({ role: 'origin', column: 'orgin', columns: ['origin', 'dest', 'flow'] as readonly string[], count: 3, near: 'origin' as string | null },
    (p) => `--map ${p.role}=${p.column}: no column "${p.column}"; columns are ${columnList(p.columns, p.count)}${p.near ? `; did you mean "${p.near}"?` : ''}`),
  /** `names` the first six header names that `role` (the first missing) is recognised by; `near` a header that may be one misspelt. */
  'file.missingRole': def({ missing: ['origin', 'count'] as readonly string[], columns: ['from', 'dest', 'flow'] as readonly string[], count: 3, role: 'origin', names: ['origin', 'from_region', '迁出地'] as readonly string[], near: null as string | null },
    (p) => `missing ${p.missing.join(', ')} column${p.missing.length > 1 ? 's' : ''}: found ${columnList(p.columns, p.count)}; a ${p.role} column is recognised by names such as ${p.names.join(', ')}`
      + `${p.near ? `; is "${p.near}" misspelt? ` : '; '}name it with --map ${p.role}=COLUMN`),

  // Encodings.
  'file.notUnicodeNorGb': def({ offset: 1024 },
    (p) => `not valid UTF-8 (first bad byte at offset ${p.offset}) nor GB18030/GBK; give the encoding with --encoding (e.g. big5, shift_jis, utf-16le)`),
  'file.unknownEncoding': def({ encoding: 'gbk2' }, (p) => `unknown encoding "${p.encoding}" (try utf-8, gb18030, gbk, big5, utf-16le)`),
  'file.notEncodingStart': def({ encoding: 'big5' }, (p) => `not valid ${p.encoding} in its first bytes: check --encoding (the file may be UTF-8 or GB18030)`),
  /** Bytes `from`-`to` of the file hold the first sequence that is not `encoding`. */
  'file.notEncodingNear': def({ encoding: 'gb18030', from: 65536, to: 131072 }, (p) => `not valid ${p.encoding} near byte ${p.from}-${p.to}: check --encoding`),
  'file.cutCharacter': def({ encoding: 'gb18030' }, (p) => `file ends inside a ${p.encoding} character (cut off?): check --encoding`),
  'file.invalidUnicode': def({ offset: 2048 }, (p) => `invalid UTF-8 text (first bad byte at offset ${p.offset}): give the right --encoding (e.g. gb18030)`),

  // CSV and JSON structure.
  /** `megabytes` the longest line, to one decimal. */
  'file.longLine': def({ megabytes: '20.5', limit: 16 }, (p) => `a line of ${p.megabytes} MB, over the ${p.limit} MB a line of a table may have (a quote never closed, or not a table?)`),
  'file.jsonDepth': def({ depth: 1000, limit: 512, over: true as boolean },
    (p) => `JSON nested ${p.over ? `more than ${p.limit}` : p.depth} levels deep: data files need far less; refused before parsing`),
  'file.noJsonColumns': def({}, () => 'no columns: each line must be a JSON object of the same keys'),
  'file.jsonTooLarge': def({ megabytes: '300', limit: 128 }, (p) => `${p.megabytes} MiB is over the ${p.limit} MiB a JSON document may have: simplify the geometries or split the file`),
  /** A problem of a JSON document at its line: `problem` its English, `inner` its code (file.*) and parameters. */
  'file.atLine': def({ line: 3, problem: 'JSON nested more than 512 levels deep: data files need far less; refused before parsing', inner: { code: 'file.jsonDepth', params: { depth: 1000, limit: 512, over: true } } as CodedParam },
    (p) => `line ${p.line}: ${p.problem}`),
  'file.notJson': def({ detail: 'Unexpected token } in JSON at position 12' }, (p) => `not valid JSON (${p.detail})`),
  'file.notGeoJson': def({}, () => 'expected a GeoJSON FeatureCollection or Feature'),
  'file.notFeature': def({ feature: 3 }, (p) => `feature ${p.feature} is not a GeoJSON Feature`),
  'file.badProperties': def({ feature: 3 }, (p) => `feature ${p.feature}: "properties" must be an object or null`),
  /**
   * A row DuckDB's CSV reader refused: `problem` unicode, missingColumns, tooManyColumns or other
   * (then `detail` is DuckDB's message); `detail` DuckDB's words, `line` the row's text (120 characters).
   */
  'file.csvRow': def({ problem: 'missingColumns', detail: 'Expected Number of Columns: 3 Found: 2', line: '210100,110000' },
    (p) => `${p.problem === 'unicode' ? 'invalid UTF-8 text: give the right --encoding (e.g. gb18030)'
      : p.problem === 'missingColumns' ? `${p.detail.toLowerCase()} (the file may be cut off mid-row)`
        : p.problem === 'tooManyColumns' ? `${p.detail.toLowerCase()} (an unquoted delimiter inside a value?)` : p.detail}: "${p.line}"`),
  /** A further row DuckDB's CSV reader refused (after file.csvRow): `problem` and `detail` as there, the English DuckDB's words. */
  'file.csvRowMore': def({ problem: 'tooManyColumns', detail: 'Expected Number of Columns: 3 Found: 4' }, (p) => p.detail),
  'file.unclosedQuote': def({}, () => 'a quoted value is never closed (the file may be cut off)'),
  'file.notUnicode': def({}, () => 'invalid UTF-8 text: give the right --encoding (e.g. gb18030)'),
  'file.columnCount': def({ expected: 3, found: 4 },
    (p) => `expected ${p.expected} columns, found ${p.found}${p.found > p.expected ? ' (an unquoted delimiter inside a value?)' : ' (the file may be cut off mid-row)'}`),
  'file.csvUnreadable': def({ detail: 'Could not convert string' }, (p) => `cannot read this CSV (${p.detail})`),
  /** DuckDB's JSON or Parquet reader refused the file; `byte` within the line where it says. */
  'file.unreadable': def({ detail: 'malformed JSON', byte: '12' as string | null }, (p) => `cannot read: ${p.detail}${p.byte !== null ? ` (at byte ${p.byte} of the line)` : ''}`),

  // Workbooks (src/io/xlsx/read-xlsx.ts).
  'file.sheetEmpty': def({ sheet: 'Sheet1' }, (p) => `sheet "${p.sheet}" is empty`),
  'file.workbookTooLarge': def({ limit: 256 }, (p) => `the workbook is larger than ${p.limit} MiB: save the sheet as CSV, which is read in a stream without this limit`),
  'file.workbookXml': def({ line: '2', column: '14', detail: 'Unexpected close tag' },
    (p) => `the workbook's XML is damaged at line ${p.line}, column ${p.column} of a part (${p.detail})`),
  'file.notWorkbook': def({ detail: 'End of data reached (data length = 12, asked index = 30). Corrupted zip ?' }, (p) => `not a readable .xlsx workbook (${p.detail})`),
  'file.noSheet': def({ sheet: '2020', sheets: ['Sheet1', '2019'] as readonly string[] }, (p) => `no sheet named "${p.sheet}" (sheets: ${p.sheets.join(', ')})`),
  'file.noSheets': def({}, () => 'the workbook has no sheets'),
  'file.mergedHeader': def({ sheet: 'Sheet1', range: 'B1:D1' },
    (p) => `sheet "${p.sheet}" has merged header cells ${p.range}: unmerge them and give every column its own name (e.g. one destination per column)`),
  'file.formulaNoValue': def({ cell: 'C7', formula: 'SUM(A7:B7)' },
    (p) => `cell ${p.cell} holds the formula "=${p.formula}" without a calculated value: open and save the workbook in Excel (or paste values)`),

  /**
   * A workbook's archive that is damaged, protected or over the limits (src/io/xlsx/zip-budget.ts),
   * by `problem`; `part` the archive's part, `limit` the MiB or parts accepted, `detail` zlib's words.
   */
  'file.workbookArchive': def({ problem: 'expands', part: 'xl/worksheets/sheet1.xml' as string | null, method: null as number | null, detail: null as string | null, count: null as number | null, limit: 32 as number | null },
    (p) => ARCHIVE[p.problem]?.(p) ?? p.problem),

  // Cells the import checks refuse (src/store/import/checks.ts).
  'file.missingValue': def({ what: 'a flow count' }, (p) => `missing value: ${p.what} is required`),
  'file.beyondDouble': def({ what: 'a flow count' }, (p) => `a number too large to represent (beyond ±1.8e308) is not ${p.what}`),
  'file.negative': def({ value: '-3', what: 'a flow count' }, (p) => `negative value ${p.value}: ${p.what} cannot be negative`),
  /** `range` the range's English (checks.ts RANGES), `min` and `max` its bounds. */
  'file.outOfRange': def({ value: '2999', what: 'a graduation year', range: '1900 to 2100', min: 1900, max: 2100 },
    (p) => `${p.value} is outside the accepted range of ${p.what}: ${p.range}`),
  'file.notWhole': def({ value: '2016.5' }, (p) => `"${p.value}" is not a whole number`),
  'file.tooLarge': def({ value: '1e999', what: 'a number' }, (p) => `"${p.value}" is too large to represent (beyond ±1.8e308): not ${p.what}`),
  'file.notA': def({ value: 'abc', what: 'a number' }, (p) => `"${p.value}" is not ${p.what}`),
  'file.missingPeriod': def({}, () => 'missing period'),
  'file.notPeriod': def({ value: '2019年' }, (p) => `"${p.value}" is not a period: give a year (2019) or a range (2010-2020)`),
};
