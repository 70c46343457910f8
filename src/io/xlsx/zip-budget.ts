import { inflateRaw } from 'node:zlib';
import { promisify } from 'node:util';
import { coded, type CodedMessage } from '../../core/messages/index.ts';

/**
 * Bounds what an .xlsx (a zip of XML files) may expand to, checked before exceljs sees it.
 * exceljs (through JSZip) inflates every entry whole into one string: a 5.3 MB workbook of
 * repeated bytes took the server to 1.94 GB, and a larger one fails with "Invalid string length".
 * The central directory is read here with a reader of its own (APPNOTE 6.3.10, §4.3.12-4.3.16 and
 * the ZIP64 records), and every entry is then really inflated with a cap on its output
 * (`maxOutputLength`), because the sizes a directory declares can lie.
 *
 * The same pass refuses a cut-off workbook (no end-of-archive record) and a sheet or
 * shared-strings part whose XML stops before its closing tag (exceljs then fails with "Cannot set
 * properties of undefined").
 */
export interface ZipLimits {
  /** Most bytes all entries may inflate to together. */
  maxTotalBytes: number;
  /** Most entries (files and folders) in the archive. */
  maxEntries: number;
}

/**
 * exceljs needs about 25 times the XML in memory: measured on this repository's reader, a sheet of
 * 230,000 rows x 4 columns (32 MiB of XML) peaked at 0.83 GB resident and took 18 s; 700,000 rows
 * (98 MiB) took 2.1 GB and 70 s. 32 MiB keeps the server under a gigabyte; larger tables belong in
 * CSV, which is streamed. A workbook has a dozen parts; 2,000 leaves room for many sheets and images.
 */
export const XLSX_LIMITS: ZipLimits = { maxTotalBytes: 32 * 2 ** 20, maxEntries: 2000 };

/** `problem` and its parameters name the English of core/messages file.workbookArchive. */
export class ZipLimitError extends Error {
  readonly text: CodedMessage;
  constructor(problem: string, params: { part?: string; method?: number; detail?: string; count?: number; limit?: number } = {}) {
    const text = coded('file.workbookArchive', { problem, part: null, method: null, detail: null, count: null, limit: null, ...params });
    super(text.message);
    this.name = 'ZipLimitError';
    this.text = text;
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50, EOCD64 = 0x06064b50, EOCD64_LOCATOR = 0x07064b50, CENTRAL = 0x02014b50, LOCAL = 0x04034b50;
const inflate = promisify(inflateRaw);

/** Checks a whole .xlsx file held in memory; throws ZipLimitError naming the part and the limit. */
export async function checkXlsxZip(buf: Buffer, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  const entries = centralDirectory(buf, limits);
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.flags & 1) throw new ZipLimitError('passwordProtected');
    if (e.method !== 0 && e.method !== 8) throw new ZipLimitError('method', { part: e.name, method: e.method });
    if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) throw new ZipLimitError('partMissing', { part: e.name });
    const start = e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
    if (start + e.compressedSize > buf.length) throw new ZipLimitError('partCut', { part: e.name });
    const data = buf.subarray(start, start + e.compressedSize);
    const budget = limits.maxTotalBytes - total;
    let out: Buffer;
    if (e.method === 0) out = data;
    else {
      try {
        out = await inflate(data, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw overLimit(limits, e.name);
        throw new ZipLimitError('inflate', { part: e.name, detail: (err as Error).message });
      }
    }
    total += out.length;
    if (total > limits.maxTotalBytes) throw overLimit(limits, e.name);
    if (/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(e.name)) checkClosed(out, e.name);
  }
}

function overLimit(limits: ZipLimits, name: string): ZipLimitError {
  return new ZipLimitError('expands', { part: name, limit: limits.maxTotalBytes / 2 ** 20 });
}

/** The XML of a part must end with the closing tag of its root element (worksheet, sst). */
function checkClosed(xml: Buffer, name: string): void {
  const tail = xml.subarray(Math.max(0, xml.length - 64)).toString('latin1').trimEnd();
  if (!/<\/[\w:]*(worksheet|sst)>$/.test(tail)) throw new ZipLimitError('xmlCut', { part: name });
}

function centralDirectory(buf: Buffer, limits: ZipLimits): Entry[] {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new ZipLimitError(buf.length >= 4 && buf.readUInt32LE(0) === LOCAL ? 'noEnd' : 'notZip');
  }
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== EOCD64_LOCATOR) throw new ZipLimitError('zip64Missing');
    const at = safeNumber(buf.readBigUInt64LE(loc + 8));
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== EOCD64) throw new ZipLimitError('zip64Damaged');
    count = safeNumber(buf.readBigUInt64LE(at + 32));
    size = safeNumber(buf.readBigUInt64LE(at + 40));
    offset = safeNumber(buf.readBigUInt64LE(at + 48));
  }
  if (count > limits.maxEntries) throw new ZipLimitError('tooManyParts', { count, limit: limits.maxEntries });
  if (offset + size > buf.length) throw new ZipLimitError('pastEnd');
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipLimitError('directoryDamaged');
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen > buf.length) throw new ZipLimitError('directoryDamaged');
    const e: Entry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    readZip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), e);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** ZIP64 extended information (header 0x0001): the 64-bit values of fields set to 0xFFFFFFFF, in order. */
function readZip64Extra(extra: Buffer, e: Entry): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q), len = extra.readUInt16LE(q + 2);
    if (id === 1) {
      let r = q + 4;
      const next = () => {
        if (r + 8 > q + 4 + len || r + 8 > extra.length) throw new ZipLimitError('zip64Record', { part: e.name });
        const v = safeNumber(extra.readBigUInt64LE(r));
        r += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    q += 4 + len;
  }
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipLimitError('impossibleSize');
  return Number(v);
}
