import { readFile, stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { checkXlsxZip, XLSX_LIMITS, ZipLimitError } from './zip-budget.ts';

/**
 * Reads one sheet of an .xlsx workbook into a header and rows of strings (exceljs: the maintained
 * open-source xlsx reader on npm). Merged cells in the header row are refused with the range
 * named, because a merged header ("迁入地" spanning the destination columns) leaves the spanned
 * columns without names and any guess would mislabel data.
 */
export interface SheetTable {
  sheet: string;
  header: string[];
  /** Data rows; `rowNumbers[i]` is the Excel row number of rows[i]. */
  rows: (string | null)[][];
  rowNumbers: number[];
}

export class XlsxError extends Error {
  readonly row?: number;
  readonly column?: string;
  /** The message's code and parameters (core/messages file.*) where it has one. */
  readonly text?: CodedMessage;
  constructor(message: string | CodedMessage, row?: number, column?: string) {
    super(typeof message === 'string' ? message : message.message);
    if (typeof message !== 'string') this.text = message;
    this.name = 'XlsxError';
    this.row = row;
    this.column = column;
  }
}

export async function readXlsx(path: string, sheetName?: string): Promise<SheetTable> {
  // Loaded here, not at the top: exceljs takes over half a second to load, which every command
  // importing io would pay without reading a workbook.
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  // Stored parts expand to their own size, so a file larger than the cap would exceed it anyway.
  if ((await stat(path)).size > XLSX_LIMITS.maxTotalBytes) {
    throw new XlsxError(coded('file.workbookTooLarge', { limit: XLSX_LIMITS.maxTotalBytes / 2 ** 20 }));
  }
  const buf = await readFile(path);
  try {
    await checkXlsxZip(buf);
  } catch (e) {
    if (e instanceof ZipLimitError) throw new XlsxError(e.text);
    throw e;
  }
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    // exceljs's XML parser reports "line:column: what".
    const at = /^(\d+):(\d+): (.*)$/.exec((e as Error).message);
    throw new XlsxError(at ? coded('file.workbookXml', { line: at[1], column: at[2], detail: at[3].replace(/\.$/, '') }) : coded('file.notWorkbook', { detail: (e as Error).message }));
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    throw new XlsxError(sheetName ? coded('file.noSheet', { sheet: sheetName, sheets: wb.worksheets.map((w) => w.name) }) : coded('file.noSheets', {}));
  }
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.actualCellCount > 0) headerRow = n;
  });
  if (!headerRow) return { sheet: ws.name, header: [], rows: [], rowNumbers: [] };
  const merges: string[] = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [a, b = a] = range.split(':');
    const r1 = Number(/\d+/.exec(a)?.[0]);
    const r2 = Number(/\d+/.exec(b)?.[0]);
    if (r1 <= headerRow && headerRow <= r2) {
      throw new XlsxError(
        coded('file.mergedHeader', { sheet: ws.name, range }),
        headerRow,
        a.replace(/\d+/g, ''),
      );
    }
  }
  const width = ws.columnCount;
  const header = Array.from({ length: width }, (_, i) => cellText(ws.getRow(headerRow).getCell(i + 1), headerRow, '') ?? '');
  const rows: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n <= headerRow) return;
    const values = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1), n, header[i]));
    if (values.every((v) => v === null || v === '')) return;
    rows.push(values);
    rowNumbers.push(n);
  });
  return { sheet: ws.name, header, rows, rowNumbers };
}

/**
 * The text of a cell. A formula gives its value as last saved by Excel; a workbook written by a
 * program that never calculated it has no value to give (exceljs showed the formula object as
 * "[object Object]"), which is refused with the cell named. Error values (#N/A, #DIV/0!) read as
 * empty cells.
 */
function cellText(cell: ExcelJS.Cell, row: number, column: string): string | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null) {
      throw new XlsxError(coded('file.formulaNoValue', { cell: cell.address, formula: formulaOf(v) }), row, column || cell.address.replace(/\d+/g, ''));
    }
    return plain(result);
  }
  return plain(v);
}

function formulaOf(v: object): string {
  const f = 'formula' in v ? v.formula : 'sharedFormula' in v ? v.sharedFormula : '';
  return String(f).slice(0, 60);
}

function plain(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t: { text?: unknown }) => String(t.text ?? '')).join('').trim();
    if ('text' in v) return plain(v.text);
    if ('error' in v) return null;
    return null;
  }
  return String(v);
}
