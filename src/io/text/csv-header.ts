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
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      inQuotes = true;
      field = '';
    } else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.replace(/\r$/, '').trim());
}

export function uniqueNames(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((name, i) => {
    let n = name.replace(/^\uFEFF/, '').trim() || `column${i + 1}`;
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    if (k > 0) n = `${n}_${k}`;
    return n;
  });
}

/** First `max` lines, treating newlines inside quotes as part of the line. */
function splitLogicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (out.length < max && start < text.length) out.push(text.slice(start));
  return out.filter((l, i) => i === 0 || l.trim() !== '');
}
