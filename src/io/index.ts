export { detectEncoding, normaliseEncodingLabel, EncodingDetectionError, type DetectedEncoding } from './text/detect-encoding.ts';
export { sniffCsv, splitRecord, uniqueNames, type CsvDialect } from './text/csv-header.ts';
export { transcodeToUtf8, TranscodeError } from './text/transcode.ts';
export { readXlsx, XlsxError, type SheetTable } from './xlsx/read-xlsx.ts';
export { wktToGeometry, looksLikeWkt } from './geo/wkt.ts';
export { readGeoJson, GeoJsonError, type GeoRow } from './geo/read-geojson.ts';
export {
  MAX_JSON_DEPTH, JsonDepthScanner, jsonDepthViolation, fileJsonDepthViolation, depthMessage, type DepthViolation,
  MAX_JSON_DOCUMENT_BYTES, JsonLimitError, readJsonDocument,
} from './text/json-depth.ts';
export { makeTempDir, sweepStaleTempDirs } from './temp-dir.ts';
export { sha256, sha256OfFile } from './file-hash.ts';
export { scanLines, mixedLineEndings, MAX_LINE_BYTES, type LineScan } from './text/line-scan.ts';
export { lineOfDuckdbLine, type RecordLines } from './text/record-lines.ts';
export { copyWithLf, LineEndingNormaliser } from './text/line-endings.ts';
export { checkXlsxZip, XLSX_LIMITS, ZipLimitError, type ZipLimits } from './xlsx/zip-budget.ts';
export { boundaryProblem } from './geo/check-boundary.ts';
