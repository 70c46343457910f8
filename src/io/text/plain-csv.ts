import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sha256OfFileBeside } from '../file-hash.ts';
import { packagePath } from '../package-root.ts';

/**
 * Reads chosen columns of a plain CSV file straight into typed arrays, in one pass over its bytes:
 * text columns as dictionary codes (the distinct cells in order of first appearance), number
 * columns as doubles, and the file's SHA-256 on a worker thread meanwhile; a file of 32 MB or more
 * in parts, one worker thread each. For an import of millions of flows this replaces DuckDB's
 * staged read, which kept every cell as a string in a temporary table and then joined the codes to
 * their ids (two passes over the strings, about twice DuckDB's own read of the file). Written by
 * hand because no CSV library gives dictionary codes without a JavaScript string per cell, and
 * the callers need none: only the few distinct cells become strings.
 *
 * "Plain" is the common case, checked as it reads; anything else gives null and the caller takes
 * the careful path (DuckDB's reader, the line scan), which reads the file again and names any fault
 * by row and column. A file is plain when every byte is well-formed UTF-8; after the header line
 * there is no quote and no control byte but the delimiter (a tab), and lines end in LF or CRLF
 * (mixed or not: the cells are the same); every line has the header's number of fields; no line
 * is longer than `maxLineBytes`; every text cell read is non-empty; every number cell read is
 * digits with at most one inner point ("12", "0.5"; not "1e3", "-1", " 5" or "1,000").
 */
export interface PlainCsvSpec {
  /** The delimiter: one byte (`,`, `;`, tab...). */
  delimiter: string;
  /** Fields on every line (the header's). */
  fields: number;
  /** Groups of text columns (0-based field indexes), each group coded with one dictionary (e.g. origin and destination share one). */
  text: readonly (readonly number[])[];
  /** Number columns (0-based field indexes). */
  numbers: readonly number[];
  /** Also take the SHA-256 of the file's bytes. */
  hash?: boolean;
  /** Longest line taken (default 1 MB): DuckDB's reader needs care above its default buffer. */
  maxLineBytes?: number;
  /** Called with the fraction of the file read. */
  onProgress?: (fraction: number) => void;
  /** Threads to read with (default: up to 4 for a file of 32 MB or more, else 1): parts of the file, one worker thread each. */
  threads?: number;
  /**
   * Most rows taken (default: no bound): the columns are held in memory, about 20 bytes a row for
   * a flow file, where DuckDB's reader streams a larger file within its memory limit. A file its
   * first lines say is longer gives null before it is read.
   */
  maxRows?: number;
}

export interface PlainCsvColumns {
  /** Data rows (lines after the header). */
  rows: number;
  /** Per text group: its distinct cells in order of first appearance, and per column of the group each row's index into them. */
  text: { levels: string[]; codes: Int32Array[] }[];
  /** Per number column, each row's value. */
  numbers: Float64Array[];
  /** SHA-256 of the file's bytes (hex), when asked for. */
  sha256?: string;
  /** Threads that read the file (1: this one). */
  threads: number;
}

const CHUNK = 1 << 22;
const LF = 0x0a, CR = 0x0d;
// Byte classes: 0 ordinary, 1 delimiter, 2 line feed, 3 not plain.
const ORDINARY = 0, DELIMITER = 1, LINE_END = 2, NOT_PLAIN = 3;

/** The columns of one range of the file. */
type Part = Omit<PlainCsvColumns, 'sha256' | 'threads'>;

/** Files from this size up are read in parts, one worker thread each: below it, starting threads costs more than it saves. */
const PARALLEL_BYTES = 32 << 20;

export async function readPlainCsv(path: string, spec: PlainCsvSpec): Promise<PlainCsvColumns | null> {
  const delimiter = Buffer.from(spec.delimiter, 'utf8');
  if (delimiter.length !== 1 || delimiter[0] === LF || delimiter[0] === 0x22 || spec.fields < 2) return null;
  const maxLine = spec.maxLineBytes ?? 1_000_000;
  const size = (await stat(path)).size;
  // The hash on another thread, while this one parses; stopped when the file is not plain.
  const stop = new AbortController();
  const hash = spec.hash ? sha256OfFileBeside(path, stop.signal) : undefined;
  hash?.catch(() => undefined);
  const columns = await readColumns(path, spec, size, maxLine);
  if (!columns) {
    stop.abort();
    return null;
  }
  return { ...columns, sha256: await hash };
}

/** readPlainCsv's columns, without the hash. */
async function readColumns(path: string, spec: PlainCsvSpec, size: number, maxLine: number): Promise<Omit<PlainCsvColumns, 'sha256'> | null> {
  const body = await lineAfter(path, 0, maxLine);
  if (body === null) return null;
  // Refused before reading only when clearly longer: the guess is the first lines' mean.
  if (spec.maxRows !== undefined && (await rowsAhead(path, body, size, spec.fields)) > 1.25 * spec.maxRows) return null;
  const threads = spec.threads ?? (size >= PARALLEL_BYTES ? Math.min(availableParallelism(), 4) : 1);
  const split = threads > 1 ? await splitLines(path, body, size, threads, maxLine) : null;
  const read = split ? await readInWorkers(path, spec, split, size) : undefined;
  const columns = read === undefined ? await readRange(path, spec, body, size, (n) => spec.onProgress?.((body + n) / size)) : read;
  if (!columns || columns.rows === 0 || columns.rows > (spec.maxRows ?? Infinity)) return null;
  return { ...columns, threads: read === undefined ? 1 : split!.length };
}

/**
 * Reads the lines in bytes [start, end) of a file: `start` begins a line (after the header), `end`
 * ends one or the file. The file's parts are read with this, in worker threads
 * (plain-csv-worker.ts), or the whole of it in this thread. `onBytes` is told the bytes read so far.
 */
export async function readRange(path: string, spec: PlainCsvSpec, start: number, end: number, onBytes?: (bytes: number) => void): Promise<Part | null> {
  const maxLine = spec.maxLineBytes ?? 1_000_000;
  const lines = new LineParser(spec, Buffer.from(spec.delimiter, 'utf8')[0], maxLine);
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK + maxLine + 1);
    let filled = 0; // bytes in buf
    let at = start; // the file's offset read up to
    let first = true;
    for (;;) {
      const want = Math.min(CHUNK, end - at);
      const { bytesRead } = want > 0 ? await fh.read(buf, filled, want, at) : { bytesRead: 0 };
      const atEnd = bytesRead === 0;
      if (!atEnd) {
        at += bytesRead;
        filled += bytesRead;
        onBytes?.(at - start);
      }
      // Complete lines only: a line cut by the chunk's end waits for the next read (at the file's
      // end, the last line may lack its line feed).
      const stop = atEnd ? filled : buf.lastIndexOf(LF, filled - 1) + 1;
      if (stop === 0 && !atEnd) {
        if (filled > maxLine) return null;
        continue;
      }
      if (first) {
        lines.reserve(rowsGuess(buf, 0, stop, end - start, spec.fields));
        first = false;
      }
      // Lines end in LF, an ASCII byte, so complete lines never cut a character.
      if (!isUtf8(buf.subarray(0, stop))) return null;
      // The file's last line may lack its line feed: one is put after it (not hashed), so every
      // line the parser sees ends in one.
      let parseEnd = stop;
      if (atEnd && stop > 0 && buf[stop - 1] !== LF) buf[parseEnd++] = LF;
      if (!lines.parse(buf, 0, parseEnd)) return null;
      if (atEnd) break;
      buf.copyWithin(0, stop, filled);
      filled -= stop;
      if (filled > maxLine) return null;
    }
    return lines.finish();
  } finally {
    await fh.close();
  }
}

/** The offset just after the line feed that ends the line through `from` (null when none comes within `maxLine` bytes). */
async function lineAfter(path: string, from: number, maxLine: number): Promise<number | null> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(maxLine + 1);
    const { bytesRead } = await fh.read(buf, 0, buf.length, from);
    const nl = buf.subarray(0, bytesRead).indexOf(LF);
    return nl < 0 ? null : from + nl + 1;
  } finally {
    await fh.close();
  }
}

/** The rows of bytes [from, size) of a file guessed from the mean line of its first 64 KiB there. */
async function rowsAhead(path: string, from: number, size: number, fields: number): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(1 << 16, size - from));
    const { bytesRead } = await fh.read(buf, 0, buf.length, from);
    return (size - from) / meanLine(buf, 0, bytesRead, fields);
  } finally {
    await fh.close();
  }
}

/** Bytes [body, size) cut into `parts` ranges of whole lines (fewer when lines are long); null when no cut is found. */
async function splitLines(path: string, body: number, size: number, parts: number, maxLine: number): Promise<[number, number][] | null> {
  const cuts = [body];
  for (let k = 1; k < parts; k++) {
    const target = Math.max(cuts[cuts.length - 1], body + Math.floor(((size - body) * k) / parts) - 1);
    const cut = await lineAfter(path, target, maxLine);
    if (cut === null) return null;
    if (cut < size && cut > cuts[cuts.length - 1]) cuts.push(cut);
  }
  cuts.push(size);
  return cuts.length > 2 ? cuts.slice(1).map((e, i) => [cuts[i], e]) : null;
}

/**
 * The ranges read by worker threads at once and joined in order: each part's levels are appended
 * to the first's where new, its codes renumbered. Null when a part is not plain (the first such
 * part stops the others); undefined when a worker could not start (the caller reads the file itself).
 */
async function readInWorkers(path: string, spec: PlainCsvSpec, ranges: [number, number][], size: number): Promise<Part | null | undefined> {
  const { delimiter, fields, text, numbers, maxLineBytes, maxRows } = spec;
  const done = new Array<number>(ranges.length).fill(0);
  const stop = { all: [] as (() => void)[], now: () => stop.all.forEach((f) => f()) };
  const parts = await Promise.all(ranges.map(([start, end], k) => readInWorker({ path, spec: { delimiter, fields, text, numbers, maxLineBytes, maxRows }, start, end }, (n) => {
    done[k] = n;
    spec.onProgress?.((ranges[0][0] + done.reduce((a, b) => a + b, 0)) / size);
  }, stop)));
  if (parts.some((p) => p === null)) return null;
  if (parts.some((p) => p === undefined)) return undefined;
  return joinParts(parts as Part[]);
}

/** What a worker reads (plain-csv-worker.ts): no functions, which cannot cross threads. */
export interface RangeJob {
  path: string;
  spec: PlainCsvSpec;
  start: number;
  end: number;
}

/** The message a worker ends with; before it, `{ bytes }` messages tell its progress. */
export type RangeReply = { result: Part | null } | { error: string };

/** One range read by a worker; `stop` is called by the first part found not plain, and stops the others. */
function readInWorker(job: RangeJob, onBytes: (bytes: number) => void, stop: { all: (() => void)[]; now: () => void }): Promise<Part | null | undefined> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = rangeWorker(job);
    } catch {
      resolve(undefined);
      return;
    }
    stop.all.push(() => {
      void worker.terminate();
      resolve(null);
    });
    worker.on('message', (m: { bytes: number } | RangeReply) => {
      if ('bytes' in m) return onBytes(m.bytes);
      void worker.terminate();
      const result = 'result' in m ? m.result : undefined;
      resolve(result);
      if (result === null) stop.now();
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}

/**
 * A worker thread reading one range: the compiled module from dist/ (which the bundled CLI
 * finds there too); from the TypeScript sources (tests, development) the .ts module through tsx.
 */
function rangeWorker(job: RangeJob): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(packagePath('dist', 'io', 'text', 'plain-csv-worker.js'), { workerData: job });
  const tsx = import.meta.resolve('tsx/esm/api');
  const main = new URL('./plain-csv-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(main)}); })`, { eval: true, workerData: job });
}

/** Parts read in order, as one: levels of later parts appended where new, their codes renumbered. */
function joinParts(parts: Part[]): Part {
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const text = parts[0].text.map((group, g) => {
    const levels = [...group.levels];
    const index = new Map(levels.map((v, i) => [v, i]));
    const codes = group.codes.map(() => new Int32Array(rows));
    let offset = 0;
    for (const part of parts) {
      const renumber = Int32Array.from(part.text[g].levels, (v) => {
        let k = index.get(v);
        if (k === undefined) index.set(v, (k = levels.push(v) - 1));
        return k;
      });
      part.text[g].codes.forEach((from, c) => {
        const to = codes[c];
        for (let i = 0; i < from.length; i++) to[offset + i] = renumber[from[i]];
      });
      offset += part.rows;
    }
    return { levels, codes };
  });
  const numbers = parts[0].numbers.map((_, c) => {
    const all = new Float64Array(rows);
    let offset = 0;
    for (const part of parts) {
      all.set(part.numbers[c], offset);
      offset += part.rows;
    }
    return all;
  });
  return { rows, text, numbers };
}

// Field kinds (0: a field not read).
const TEXT = 1, NUMBER = 2;
const FNV_OFFSET = 0x811c9dc5 | 0, FNV_PRIME = 0x01000193;
/** Powers of ten exact as doubles (10^0 .. 10^22). */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The lines' fields into columns, each byte looked at once: a text cell is hashed (FNV-1a) while
 * its end is sought, a number summed while its digits are read. Kept apart from the reads, in a
 * class with typed fields, so that V8 optimises the loop as one function: inside the async reader,
 * a first version ran at 15 ns a byte.
 */
class LineParser {
  private readonly classes = new Uint8Array(256);
  private readonly kinds: Uint8Array;
  private readonly dictionaryOf: Int32Array;
  private readonly lastLevel: Int32Array;
  private readonly dictionaries: Dictionary[];
  private codes: Int32Array[];
  private values: Float64Array[];
  private capacity = 0;
  private rows = 0;

  constructor(private readonly spec: PlainCsvSpec, delimiter: number, private readonly maxLine: number) {
    const c = this.classes;
    for (let b = 0; b < 0x20; b++) c[b] = NOT_PLAIN;
    c[0x22] = NOT_PLAIN;
    c[0x7f] = NOT_PLAIN;
    c[LF] = LINE_END;
    c[delimiter] = DELIMITER;
    const n = spec.fields;
    this.kinds = new Uint8Array(n);
    this.dictionaryOf = new Int32Array(n).fill(-1);
    this.lastLevel = new Int32Array(n).fill(-1);
    this.dictionaries = spec.text.map(() => new Dictionary());
    spec.text.forEach((group, g) => group.forEach((f) => {
      this.kinds[f] = TEXT;
      this.dictionaryOf[f] = g;
    }));
    for (const f of spec.numbers) this.kinds[f] = NUMBER;
    this.codes = Array.from({ length: n }, () => new Int32Array(0));
    this.values = Array.from({ length: n }, () => new Float64Array(0));
  }

  /** Room for `rows` rows (a guess from the first line's length; grown by half when short). */
  reserve(rows: number): void {
    this.capacity = Math.max(rows, Math.ceil(this.capacity * 1.5), 1024);
    for (let f = 0; f < this.spec.fields; f++) {
      if (this.kinds[f] === TEXT) this.codes[f] = copyInto(new Int32Array(this.capacity), this.codes[f]);
      else if (this.kinds[f] === NUMBER) this.values[f] = copyInto(new Float64Array(this.capacity), this.values[f]);
    }
  }

  /** Reads the lines in b[from, to), the last of which ends in LF; false when they are not plain. */
  parse(b: Buffer, from: number, to: number): boolean {
    const classes = this.classes;
    const kinds = this.kinds;
    const fields = this.spec.fields;
    const lastField = fields - 1;
    let row = this.rows;
    let i = from;
    const maxLine = this.maxLine;
    while (i < to) {
      if (row >= this.capacity) {
        if (row >= (this.spec.maxRows ?? Infinity)) return false;
        this.reserve(row + 1);
      }
      const lineStart = i;
      for (let f = 0; f < fields; f++) {
        const start = i;
        const kind = kinds[f];
        let c = b[i];
        if (kind === TEXT) {
          let h = FNV_OFFSET;
          while (classes[c] === ORDINARY) {
            h = Math.imul(h ^ c, FNV_PRIME);
            c = b[++i];
          }
          if (i === start) return false;
          this.codes[f][row] = this.level(f, b, start, i, h);
        } else if (kind === NUMBER) {
          // All digits summed as one integer, the point's place remembered: with at most 15
          // digits the integer is exact and one division by an exact power of ten rounds
          // correctly (Clinger's fast path), as DuckDB's reader rounds; longer cells go through
          // Number(), which rounds correctly too.
          let v = 0;
          while (c >= 0x30 && c <= 0x39) {
            v = v * 10 + (c - 0x30);
            c = b[++i];
          }
          if (i === start) return false;
          let decimals = 0;
          if (c === 0x2e) {
            const point = ++i;
            c = b[i];
            while (c >= 0x30 && c <= 0x39) {
              v = v * 10 + (c - 0x30);
              c = b[++i];
            }
            decimals = i - point;
            if (decimals === 0) return false;
          }
          const digits = i - start - (decimals ? 1 : 0);
          this.values[f][row] = digits > 15 ? Number(b.toString('latin1', start, i)) : decimals ? v / POW10[decimals] : v;
        } else {
          while (classes[c] === ORDINARY) c = b[++i];
        }
        // The cell's end must be the delimiter, or the line's end after the last field (LF, or CRLF).
        if (f === lastField && c === CR && b[i + 1] === LF) c = b[++i];
        if (classes[c] !== (f === lastField ? LINE_END : DELIMITER)) return false;
        i++;
      }
      if (i - lineStart > maxLine) return false;
      row++;
    }
    this.rows = row;
    return true;
  }

  /** The level of text cell b[from, to) (hash h) of field f: its last level when the same, else the dictionary's. */
  private level(f: number, b: Buffer, from: number, to: number, h: number): number {
    const dictionary = this.dictionaries[this.dictionaryOf[f]];
    const hint = this.lastLevel[f];
    if (hint >= 0 && dictionary.is(hint, b, from, to, h)) return hint;
    const level = dictionary.code(b, from, to, h);
    this.lastLevel[f] = level;
    return level;
  }

  finish(): Part {
    const rows = this.rows;
    return {
      rows,
      text: this.spec.text.map((group, g) => ({ levels: this.dictionaries[g].levels(), codes: group.map((f) => this.codes[f].subarray(0, rows)) })),
      numbers: this.spec.numbers.map((f) => this.values[f].subarray(0, rows)),
    };
  }
}

/** The mean length of the first lines in b[from, to) (up to 256), at least `fields` bytes (a line's least); 64 when none ends there. */
function meanLine(b: Buffer, from: number, to: number, fields: number): number {
  let lines = 0;
  let at = from;
  while (lines < 256) {
    const nl = b.indexOf(LF, at);
    if (nl < 0 || nl >= to) break;
    at = nl + 1;
    lines++;
  }
  return Math.max(lines ? (at - from) / lines : 64, fields);
}

/** Room for the rows of a range of `size` bytes starting in b[from, to): a little more than its first lines' mean gives. */
function rowsGuess(b: Buffer, from: number, to: number, size: number, fields: number): number {
  return Math.ceil((size / meanLine(b, from, to, fields)) * 1.05) + 16;
}

function copyInto<T extends Int32Array | Float64Array>(to: T, from: T | undefined): T {
  if (from) to.set(from);
  return to;
}

/**
 * Distinct byte strings numbered in order of first appearance: open addressing over their FNV-1a
 * hashes (computed by the caller as it reads), the strings kept in one growing byte array.
 */
class Dictionary {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private count = 0;
  private slots = new Int32Array(2048).fill(-1);

  /** Whether level k is the bytes b[from, to) with hash h. */
  is(k: number, b: Buffer, from: number, to: number, h: number): boolean {
    if (this.hashes[k] !== h) return false;
    const s = this.starts[k];
    if (this.ends[k] - s !== to - from) return false;
    for (let j = from; j < to; j++) if (this.bytes[s + j - from] !== b[j]) return false;
    return true;
  }

  code(b: Buffer, from: number, to: number, h: number): number {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = this.slots[s];
      if (k < 0) {
        this.slots[s] = this.add(b, from, to, h);
        if (this.count * 2 > this.slots.length) this.rehash();
        return this.count - 1;
      }
      if (this.is(k, b, from, to, h)) return k;
    }
  }

  levels(): string[] {
    const decoder = new TextDecoder();
    return Array.from({ length: this.count }, (_, k) => decoder.decode(this.bytes.subarray(this.starts[k], this.ends[k])));
  }

  private add(b: Buffer, from: number, to: number, h: number): number {
    const len = to - from;
    if (this.used + len > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + len));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    this.bytes.set(b.subarray(from, to), this.used);
    if (this.count === this.starts.length) {
      this.starts = copyInto(new Int32Array(this.count * 2), this.starts);
      this.ends = copyInto(new Int32Array(this.count * 2), this.ends);
      this.hashes = copyInto(new Int32Array(this.count * 2), this.hashes);
    }
    this.starts[this.count] = this.used;
    this.ends[this.count] = this.used + len;
    this.hashes[this.count] = h;
    this.used += len;
    return this.count++;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let s = this.hashes[k] & mask;
      while (this.slots[s] >= 0) s = (s + 1) & mask;
      this.slots[s] = k;
    }
  }
}
