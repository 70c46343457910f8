/**
 * Finds a bundled data file: data/<set>/raw/<file> in the repo first, then the shared copy in
 * ../shared/data/<sharedSet>/<file> beside the checkout. Missing both is a test failure with a
 * message, never a skip: these data ship with the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Repo set names differ from the shared folder names in one case (ny vs ny-commuting). */
const SHARED_NAME: Record<string, string> = { austria: 'austria', korea: 'korea', ny: 'ny-commuting', china: 'china-regions' };

export function shippedDataPath(set: DataSet, file: string): string {
  const candidates = [join(repo, 'data', set, 'raw', file), join(repo, '..', 'shared', 'data', SHARED_NAME[set], file)];
  for (const p of candidates) if (existsSync(p)) return p;
  throw new Error(`data file ${file} of set "${set}" not found; looked in:\n  ${candidates.join('\n  ')}`);
}

export type DataSet = 'austria' | 'korea' | 'ny' | 'china';

export type CsvRow = Record<string, string>;

/** Minimal CSV reader for the reference files (comma separated, optional double quotes, no embedded newlines). */
export function readCsv(path: string): CsvRow[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((l) => {
    const cells = split(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

export function readShippedCsv(set: DataSet, file: string): CsvRow[] {
  return readCsv(shippedDataPath(set, file));
}

export function readShippedJson(set: DataSet, file: string): unknown {
  return JSON.parse(readFileSync(shippedDataPath(set, file), 'utf8'));
}

/** Relative difference |a - b| / |b| (absolute when b = 0). */
export function relDiff(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
}
