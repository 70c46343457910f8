import type { Rng } from '../../src/numeric/index.ts';
import { parsePeriod } from '../../src/core/schema/period.ts';
import { InputError } from '../../src/core/errors.ts';
import { RegionMatcher, type MatchableRegion } from '../../src/core/region-matcher.ts';
import { polygonCentroid, sphericalArea, type AreaGeometry } from '../../src/core/geometry/index.ts';
import {
  boundaryProblem, checkXlsxZip, detectEncoding, EncodingDetectionError, JsonDepthScanner, jsonDepthViolation, LineEndingNormaliser, sniffCsv, wktToGeometry, ZipLimitError,
} from '../../src/io/index.ts';
import { encodeGb18030 } from './gb18030.ts';
import { chinaPlaces } from './kinds.ts';
import { chance, mutateBytes, mutateJson, mutateTable, nastyJson, nastyValue, pick, randomStyle, randomText, toCsv, type Table } from './mutate.ts';
import { sheetXml, xlsxParts, zip } from './zip-writer.ts';

/**
 * Parser-level fuzz targets: the pieces of the import pipeline that run before DuckDB, called
 * directly, thousands of times faster than an import. Each returns a label of what happened ("ok"
 * or "refused: <reason>") and throws on anything else: an unexpected error type, or a broken
 * invariant (InvariantError).
 */
export interface PureKind {
  name: string;
  run(rng: Rng): string | Promise<string>;
}

export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}
const ensure = (ok: boolean, message: string) => {
  if (!ok) throw new InvariantError(message);
};

function smallTable(rng: Rng): Table {
  const ps = chinaPlaces();
  const t: Table = [['origin', 'destination', 'year', 'count']];
  for (let i = 0; i < 1 + rng.int(6); i++) t.push([pick(rng, ps).zh, pick(rng, ps).code, String(2000 + rng.int(20)), String(rng.int(1000))]);
  return mutateTable(rng, t, rng.int(5));
}

const WKT_SEEDS = [
  'POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))', 'POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))',
  'MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))', 'POINT(120 40)', 'POLYGON Z((0 0 1, 1 0 1, 1 1 1, 0 0 1))', 'LINESTRING(0 0, 1 1)',
];

/** Character-level damage to a string: deletions, duplications, insertions of syntax characters. */
function mutateText(rng: Rng, s: string, rounds: number): string {
  let out = s;
  for (let k = 0; k < rounds; k++) {
    const at = rng.int(out.length + 1);
    const r = rng.uniform();
    if (r < 0.3) out = out.slice(0, at) + out.slice(at + 1 + rng.int(4));
    else if (r < 0.55) out = out.slice(0, at) + pick(rng, ['(', ')', ',', ' ', '-', '.', 'e', '9', 'NaN', '1e999', 'EMPTY', '((((']) + out.slice(at);
    else if (r < 0.7) out = out.slice(0, at) + out.slice(at, at + 1 + rng.int(12)).repeat(1 + rng.int(rng.uniform() < 0.95 ? 5 : 500)) + out.slice(at);
    else if (r < 0.8) out = out.slice(0, at);
    else out = out.slice(0, at) + nastyValue(rng) + out.slice(at);
  }
  return out;
}

/** An accepted boundary must give a finite area and centroid, or an InputError. */
function measureAccepted(g: unknown): string {
  const problem = boundaryProblem(g);
  if (problem) return `refused: ${problem.replace(/-?\d[\d.e+-]*/g, 'N').slice(0, 60)}`;
  try {
    const area = sphericalArea(g as AreaGeometry);
    const [x, y] = polygonCentroid(g as AreaGeometry);
    ensure(Number.isFinite(area) && area >= 0, `area ${area} of an accepted boundary`);
    ensure(Number.isFinite(x) && Number.isFinite(y), `centroid ${x} ${y} of an accepted boundary`);
  } catch (e) {
    if (e instanceof InputError) return 'refused: area 0 after holes';
    throw e;
  }
  return 'ok';
}

let matcher: RegionMatcher | null = null;
function regionMatcher(): { m: RegionMatcher; codes: Set<string> } {
  const regions: MatchableRegion[] = chinaPlaces().map((p) => ({ code: p.code, name_zh: p.zh, name_en: p.en, level: p.level, aliases: [] }));
  matcher ??= new RegionMatcher(regions);
  return { m: matcher, codes: new Set(regions.map((r) => r.code)) };
}

/** Nesting depth of a parsed JSON value (the reference the byte scanner must agree with), without recursion. */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    for (const k of Array.isArray(v) ? v : Object.values(v as object)) stack.push([k, d + 1]);
  }
  return max;
}

export const PURE_KINDS: readonly PureKind[] = [
  {
    name: 'pure:csv-sniffer',
    run: (rng) => {
      const text = chance(rng, 0.8) ? toCsv(rng, smallTable(rng), randomStyle(rng)) : randomText(rng, rng.int(300));
      const d = sniffCsv(text, chance(rng, 0.1) ? pick(rng, [',', ';', '\t', '|']) : undefined);
      ensure([',', '\t', ';', '|'].includes(d.delimiter), `delimiter ${JSON.stringify(d.delimiter)}`);
      const lower = d.header.map((h) => h.toLowerCase());
      ensure(new Set(lower).size === lower.length, `header names not unique: ${JSON.stringify(d.header)}`);
      ensure(d.header.every((h) => h.trim() !== '' && !h.startsWith('\ufeff')), `blank or BOM header name: ${JSON.stringify(d.header)}`);
      return d.header.length >= 2 ? 'ok' : 'refused: fewer than 2 columns';
    },
  },
  {
    name: 'pure:encoding',
    run: (rng) => {
      const text = toCsv(rng, smallTable(rng), randomStyle(rng));
      let bytes = chance(rng, 0.4) ? encodeGb18030(text, '?') : Buffer.from(text, 'utf8');
      if (chance(rng, 0.5)) bytes = mutateBytes(rng, bytes, 1 + rng.int(4));
      const given = chance(rng, 0.1) ? pick(rng, ['gbk', 'GB2312', 'utf8', 'UTF-8-SIG', 'big5', 'shift_jis', 'latin1', 'nope', '', ' ']) : undefined;
      try {
        const enc = detectEncoding(bytes, given);
        ensure(enc.bomBytes >= 0 && enc.bomBytes <= 3, `bom ${enc.bomBytes}`);
        if (enc.detected === 'valid-utf8') ensure(enc.encoding === 'utf-8', 'valid UTF-8 not called utf-8');
        return `ok: ${enc.detected}`;
      } catch (e) {
        if (e instanceof EncodingDetectionError) return 'refused: encoding';
        throw e;
      }
    },
  },
  {
    name: 'pure:period',
    run: (rng) => {
      const a = 1000 + rng.int(9000), b = 1000 + rng.int(9000);
      const s = chance(rng, 0.5) ? mutateText(rng, pick(rng, [`${a}`, `${a}-${b}`, `${a}–${b}`, `${a}至${b}年`, ` ${a} ~ ${b} `]), rng.int(3)) : nastyValue(rng);
      const p = parsePeriod(s);
      if (!p) return 'refused: not a period';
      ensure(Number.isInteger(p.start) && Number.isInteger(p.end) && p.start <= p.end, `period ${JSON.stringify(p)} from ${JSON.stringify(s)}`);
      ensure(p.text === (p.start === p.end ? String(p.start) : `${p.start}-${p.end}`), `text ${p.text}`);
      return 'ok';
    },
  },
  {
    name: 'pure:wkt',
    run: (rng) => {
      const s = mutateText(rng, pick(rng, WKT_SEEDS), rng.int(4));
      let g: unknown;
      try {
        g = wktToGeometry(s);
      } catch (e) {
        // wellknown throws plain errors on some input; the importer catches any error from it.
        return `refused: wellknown threw ${(e as Error).name}`;
      }
      return g === null ? 'refused: not WKT' : measureAccepted(g);
    },
  },
  {
    name: 'pure:geojson',
    run: (rng) => {
      const ring = [[120, 40], [121, 40], [121, 41], [120, 40]];
      const doc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '210100' }, geometry: { type: chance(rng, 0.5) ? 'Polygon' : 'MultiPolygon', coordinates: [[ring]] } }] };
      if (doc.features[0].geometry.type === 'Polygon') doc.features[0].geometry.coordinates = [ring] as never;
      let text = JSON.stringify(mutateJson(rng, doc as never, rng.int(5)));
      if (chance(rng, 0.3)) text = mutateText(rng, text, 1 + rng.int(3));
      if (jsonDepthViolation(text)) return 'refused: too deep';
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return 'refused: not JSON';
      }
      const features = parsed !== null && typeof parsed === 'object' ? (parsed as { features?: unknown }).features : undefined;
      if (!Array.isArray(features)) return 'refused: no features';
      let label = 'ok';
      for (const f of features) {
        const g = f !== null && typeof f === 'object' ? (f as { geometry?: unknown }).geometry : undefined;
        const r = measureAccepted(g ?? null);
        if (r !== 'ok') label = r;
      }
      return label;
    },
  },
  {
    name: 'pure:json-depth',
    run: (rng) => {
      const v = chance(rng, 0.5) ? nastyJson(rng) : mutateJson(rng, { a: [1, { b: [[2]] }], c: 'x[{"' } as never, rng.int(6));
      const text = JSON.stringify(v) ?? 'null';
      const limit = 1 + rng.int(12);
      const violation = jsonDepthViolation(text, limit);
      const depth = depthOf(v);
      ensure((violation !== null) === (depth > limit), `scanner says ${JSON.stringify(violation)} for depth ${depth} at limit ${limit}: ${text.slice(0, 80)}`);
      // Fed in two chunks it must agree with one pass (a chunk may end inside a string or an escape).
      const bytes = Buffer.from(text, 'utf8');
      const cut = rng.int(bytes.length + 1);
      const scanner = new JsonDepthScanner(limit);
      const chunked = scanner.feed(bytes.subarray(0, cut)) ?? scanner.feed(bytes.subarray(cut));
      ensure(JSON.stringify(chunked) === JSON.stringify(violation), `chunked at ${cut}: ${JSON.stringify(chunked)} vs ${JSON.stringify(violation)}`);
      return violation ? 'refused: too deep' : 'ok';
    },
  },
  {
    name: 'pure:region-matcher',
    run: (rng) => {
      const { m, codes } = regionMatcher();
      const p = pick(rng, chinaPlaces());
      const input = chance(rng, 0.6) ? mutateText(rng, pick(rng, [p.zh, p.en, p.code, p.zh.replace(/市$/, '')]), rng.int(3)) : nastyValue(rng);
      const r = m.match(input);
      if (r.kind === 'match') ensure(codes.has(r.code), `matched unknown code ${r.code}`);
      if (r.kind === 'ambiguous') ensure(r.candidates.length > 1, 'ambiguous with one candidate');
      return r.kind === 'match' ? 'ok' : `refused: ${r.kind}`;
    },
  },
  {
    name: 'pure:line-endings',
    run: async (rng) => {
      const text = toCsv(rng, smallTable(rng), randomStyle(rng)) + (chance(rng, 0.3) ? '\r' : '');
      const bytes = Buffer.from(text, 'utf8');
      const n = new LineEndingNormaliser();
      const out: Buffer[] = [];
      n.on('data', (c: Buffer) => out.push(c));
      const done = new Promise((resolve) => n.on('end', resolve));
      for (let i = 0; i < bytes.length;) {
        const len = 1 + rng.int(8);
        n.write(bytes.subarray(i, i + len));
        i += len;
      }
      n.end();
      await done;
      const got = Buffer.concat(out).toString('utf8');
      // Compared on what UTF-8 can carry (a lone surrogate is written as U+FFFD).
      const want = bytes.toString('utf8').replace(/\r\n?/g, '\n');
      let at = 0;
      while (at < want.length && want[at] === got[at]) at++;
      ensure(got === want, `normalised ${JSON.stringify(want.slice(Math.max(0, at - 20), at + 40))} to ${JSON.stringify(got.slice(Math.max(0, at - 20), at + 40))}`);
      return 'ok';
    },
  },
  {
    name: 'pure:xlsx-zip',
    run: async (rng) => {
      const rows = smallTable(rng);
      const parts = xlsxParts(sheetXml(rows));
      if (chance(rng, 0.1)) parts[4] = { ...parts[4], declaredSize: rng.int(2 ** 32) };
      let bytes = zip(parts);
      if (chance(rng, 0.8)) bytes = mutateBytes(rng, bytes, 1 + rng.int(4));
      try {
        await checkXlsxZip(bytes);
        return 'ok';
      } catch (e) {
        if (e instanceof ZipLimitError) return `refused: ${e.message.replace(/part \S+/, 'part …').replace(/\d+/g, 'N').slice(0, 60)}`;
        throw e;
      }
    },
  },
];
