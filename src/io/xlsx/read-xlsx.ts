import ExcelJS from 'exceljs';

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
  constructor(message: string, row?: number, column?: string) {
    super(message);
    this.name = 'XlsxError';
    this.row = row;
    this.column = column;
  }
}

export async function readXlsx(path: string, sheetName?: string): Promise<SheetTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new XlsxError(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    throw new XlsxError(sheetName ? `no sheet named "${sheetName}" (sheets: ${names})` : 'the workbook has no sheets');
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
        `sheet "${ws.name}" has merged header cells ${range}: unmerge them and give every column its own name (e.g. one destination per column)`,
        headerRow,
        a.replace(/\d+/g, ''),
      );
    }
  }
  const width = ws.columnCount;
  const header = Array.from({ length: width }, (_, i) => cellText(ws.getRow(headerRow).getCell(i + 1).value) ?? '');
  const rows: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n <= headerRow) return;
    const values = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    if (values.every((v) => v === null || v === '')) return;
    rows.push(values);
    rowNumbers.push(n);
  });
  return { sheet: ws.name, header, rows, rowNumbers };
}

function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined || v.result === null ? null : String(v.result);
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return null;
  }
  return String(v);
}
