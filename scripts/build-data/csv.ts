// RFC 4180 CSV reading and writing for the data build. The inputs are small and well formed, but
// the census file quotes every field and its WKT column holds commas, so quotes are honoured.

/** Parses CSV text (a leading byte-order mark is dropped) into rows of fields. */
export function parseCsvRows(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV text with a header into records keyed by column name; checks the field count. */
export function parseCsv(text: string, file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header) throw new Error(`${file}: empty`);
  return rows.map((r, i) => {
    if (r.length !== header.length) throw new Error(`${file} row ${i + 1}: ${r.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, r[j]]));
  });
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export type Cell = string | number | null | undefined;

/** Writes a header and rows as RFC 4180 CSV with LF line ends; null and undefined become empty. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (r: readonly Cell[]) => r.map((v) => quote(v == null ? '' : String(v))).join(',');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
