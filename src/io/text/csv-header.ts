/**
 * Reads the dialect and header of a delimited text file from its first decoded characters:
 * delimiter (comma, tab, semicolon, pipe: the one giving the most consistent column count over
 * the first lines), the header names (RFC 4180 quotes honoured), with blank names filled and
 * duplicates numbered so every column has a unique name.
 */
export interface CsvDialect {
  delimiter: string;
  header: string[];
}

const CANDIDATES = [',', '\t', ';', '|'];

export function sniffCsv(text: string, delimiter?: string): CsvDialect {
  const lines = splitLogicalLines(text, 20);
  if (lines.length === 0 || lines[0].trim() === '') return { delimiter: delimiter ?? ',', header: [] };
  let best = delimiter ?? ',';
  if (!delimiter) {
    let bestScore = -1;
    for (const d of CANDIDATES) {
      const counts = lines.map((l) => splitRecord(l, d).length);
      const n = counts[0];
      if (n < 2) continue;
      const consistent = counts.filter((c) => c === n).length;
      const score = consistent * 1000 + n;
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
  }
  return { delimiter: best, header: uniqueNames(splitRecord(lines[0], best)) };
}

/** Splits one record on the delimiter, honouring double quotes ("" inside quotes is a quote). */
export function splitRecord(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  // Whether the field so far is blank (what field.trim() === '' says), kept as a flag: trimming
  // the field at every quote took quadratic time (a 36 KB line of quotes after text: 10 s).
  let blank = true;
  const add = (ch: string) => {
    field += ch;
    if (blank && ch.trim() !== '') blank = false;
  };
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          add('"');
          i++;
        } else inQuotes = false;
      } else add(ch);
    } else if (ch === '"' && blank) {
      inQuotes = true;
      field = '';
    } else if (ch === delimiter) {
      out.push(field);
      field = '';
      blank = true;
    } else add(ch);
  }
  out.push(field);
  return out.map((f) => f.replace(/\r$/, '').trim());
}

/**
 * Column names made unique: blanks become `columnN`, repeats get `_1`, `_2`... Compared without
 * case, because DuckDB's identifiers ignore it ("count" and "Count" are one column to it), and
 * against `reserved` names the caller adds columns of its own under.
 */
export function uniqueNames(raw: string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return raw.map((name, i) => {
    const base = name.replace(/^\uFEFF/, '').trim() || `column${i + 1}`;
    let n = base;
    for (let k = 1; taken.has(n.toLowerCase()); k++) n = `${base}_${k}`;
    taken.add(n.toLowerCase());
    return n;
  });
}

/**
 * First `max` lines, treating line breaks inside quotes as part of the line. A line ends at LF,
 * CRLF or a lone CR (old Mac files end every line with CR alone; DuckDB reads them, so the header
 * must be cut there too).
 */
function splitLogicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if ((ch === '\n' || ch === '\r') && !inQuotes) {
      out.push(text.slice(start, i));
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (out.length < max && start < text.length) out.push(text.slice(start));
  return out.filter((l, i) => i === 0 || l.trim() !== '');
}
