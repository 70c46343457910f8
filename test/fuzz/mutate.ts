import type { Rng } from '../../src/numeric/index.ts';

/**
 * Mutation operators of the fuzz suite, each a function of a seeded generator: values a careless
 * user or an attacker puts in a cell, damage to a table's shape, to its serialisation (line
 * endings, byte-order marks, quotes) and to its bytes, and to a JSON tree.
 */

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];
export const chance = (rng: Rng, p: number): boolean => rng.uniform() < p;

/** Cell values that have broken parsers somewhere. */
const NASTY: readonly string[] = [
  '', ' ', '  \t ', '"', '""', "'", ',', ';', '\t', '|', '\\', '\\"', '\u0000', 'NULL', 'null', 'NA', 'N/A', '-', '—', '?',
  '0', '-0', '-1', '1.5', '1e308', '-1e308', '1e400', '1e-400', '9'.repeat(40), '0x1F', '1_000', '1,234', '1 234', '١٢٣', '１２３',
  'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '+Inf', '1e10', '10000000001', '4294967296', '9007199254740993',
  '2016', '-2016', '1899', '2101', '0000', '2010-2020', '2020-2010', '2010–2020', '2010至2020年', '2010-', '20100-2020', '2016.0', '2016.5',
  'true', 'false', '是', '=cmd|\'/c calc\'!A1', '=HYPERLINK("http://x")', '+1', '@SUM(A1)',
  '沈阳', '沈阳市', 'Shenyang', 'SHENYANG', '吉林', 'Atlantis', '999999', '210100', ' 210100 ', 'CN', '中国', '\u202e210100', '210100\u200b',
  '𠀀', '😀', '\ud800', '\udc00x', 'e\u0301', 'Ａ', '\ufeff', '\r', '\n', '\r\n', 'a\nb', 'a"b', '"a"b"',
  'POLYGON((0 0, 1 0, 1 1, 0 0))', 'POLYGON((0 0, 1 0, 1 1))', 'POINT(1 2)', 'POLYGON EMPTY', 'MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))',
  '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}', '{"type":"Point"}', '{', '[[[[[[[[[[', '{"a":'.repeat(80),
];

/** A value to put in a cell. */
export function nastyValue(rng: Rng): string {
  const r = rng.uniform();
  if (r < 0.7) return pick(rng, NASTY);
  if (r < 0.8) return randomText(rng, 1 + rng.int(12));
  if (r < 0.9) return String((rng.uniform() - 0.3) * 10 ** rng.int(25));
  if (r < 0.97) return pick(rng, ['x', '沈', '"', ',', '[', '9']).repeat(1 + rng.int(rng.uniform() < 0.9 ? 200 : 20000));
  return '(' .repeat(rng.int(2000)) + 'POLYGON';
}

/** Text from a mix of scripts, controls and lone surrogates. */
export function randomText(rng: Rng, n: number): string {
  const ranges: [number, number][] = [[0x20, 0x7e], [0x00, 0x1f], [0x4e00, 0x9fa5], [0xd800, 0xdfff], [0x80, 0x2ff], [0x1f600, 0x1f64f], [0x3000, 0x303f]];
  let s = '';
  for (let i = 0; i < n; i++) {
    const [a, b] = ranges[rng.uniform() < 0.6 ? 0 : rng.int(ranges.length)];
    s += String.fromCodePoint(a + rng.int(b - a + 1));
  }
  return s;
}

export type Table = string[][];

/** Shape damage: rows and columns removed, repeated, swapped, cells replaced. Mutates and returns the table. */
export function mutateTable(rng: Rng, t: Table, rounds: number): Table {
  for (let k = 0; k < rounds; k++) {
    if (!t.length) t.push(['']);
    const r = rng.int(t.length);
    const width = Math.max(1, t[0]?.length ?? 1);
    const c = rng.int(width);
    switch (rng.int(12)) {
      case 0: case 1: case 2: case 3:
        if (t[r]) t[r][c] = nastyValue(rng);
        break;
      case 4: // a header cell: blank, repeated, another case, a role synonym
        if (t[0]) t[0][c] = pick(rng, ['', t[0][rng.int(width)], (t[0][c] ?? '').toUpperCase(), '_row', 'count', 'origin', 'year', 'Count', '人数', '迁出地', nastyValue(rng)]);
        break;
      case 5:
        if (t.length > 1) t.splice(1 + rng.int(t.length - 1), 1);
        break;
      case 6:
        if (t[r]) t.splice(r, 0, [...t[r]]);
        break;
      case 7:
        for (const row of t) row.splice(c, 1);
        break;
      case 8:
        for (const row of t) row.splice(c, 0, rng.uniform() < 0.5 ? '' : nastyValue(rng));
        break;
      case 9:
        if (t[r]) t[r] = t[r].slice(0, rng.int(t[r].length + 1));
        break;
      case 10:
        if (t[r]) t[r].push(...Array.from({ length: 1 + rng.int(3) }, () => nastyValue(rng)));
        break;
      default: {
        const c2 = rng.int(width);
        for (const row of t) [row[c], row[c2]] = [row[c2], row[c]];
      }
    }
  }
  return t;
}

export interface CsvStyle {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r' | 'mixed';
  quoteAll: boolean;
  bom: boolean;
  trailingNewline: boolean;
}

export function randomStyle(rng: Rng): CsvStyle {
  return {
    delimiter: chance(rng, 0.8) ? ',' : pick(rng, ['\t', ';', '|']),
    newline: pick(rng, ['\n', '\n', '\r\n', '\r', 'mixed'] as const),
    quoteAll: chance(rng, 0.15),
    bom: chance(rng, 0.15),
    trailingNewline: chance(rng, 0.85),
  };
}

/** RFC 4180 serialisation with the given style (cells with delimiters, quotes or line breaks quoted). */
export function toCsv(rng: Rng, t: Table, style: CsvStyle): string {
  const cell = (v: string | undefined) => {
    const s = v ?? '';
    return style.quoteAll || /[",\t;|\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const nl = () => (style.newline === 'mixed' ? pick(rng, ['\n', '\r\n']) : style.newline);
  let out = style.bom ? '\ufeff' : '';
  t.forEach((row, i) => {
    out += row.map(cell).join(style.delimiter);
    if (i < t.length - 1 || style.trailingNewline) out += nl();
  });
  return out;
}

/** Byte damage: flips, insertions, deletions, truncation, repeated chunks, stray BOMs and NULs. */
export function mutateBytes(rng: Rng, b: Buffer, rounds: number): Buffer {
  let out = b;
  for (let k = 0; k < rounds && out.length > 0; k++) {
    const at = rng.int(out.length);
    switch (rng.int(8)) {
      case 0: {
        out = Buffer.from(out);
        out[at] ^= 1 << rng.int(8);
        break;
      }
      case 1:
        out = Buffer.from(out);
        out[at] = pick(rng, [0x00, 0x0a, 0x0d, 0x22, 0x2c, 0x5c, 0x7b, 0x5b, 0xff, 0xfe, 0xef, 0x80, 0xc3]);
        break;
      case 2:
        out = out.subarray(0, at);
        break;
      case 3:
        out = Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + rng.int(16)))]);
        break;
      case 4: {
        const len = 1 + rng.int(Math.min(64, out.length - at));
        const piece = out.subarray(at, at + len);
        out = Buffer.concat([out.subarray(0, at), ...Array.from({ length: 1 + rng.int(rng.uniform() < 0.9 ? 4 : 400) }, () => piece), out.subarray(at)]);
        break;
      }
      case 5:
        out = Buffer.concat([out.subarray(0, at), Buffer.from(pick(rng, ['\ufeff', '\u0000', '\r', '\r\n', '"', '\u2028', '\ud800']), 'utf8'), out.subarray(at)]);
        break;
      case 6:
        out = Buffer.concat([pick(rng, [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.alloc(0)]), out]);
        break;
      default: {
        const n = 1 + rng.int(8);
        const junk = Buffer.alloc(n);
        for (let i = 0; i < n; i++) junk[i] = rng.int(256);
        out = Buffer.concat([out.subarray(0, at), junk, out.subarray(at)]);
      }
    }
  }
  return out;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A JSON value that has broken readers: deep nesting, huge or odd numbers, wrong types. */
export function nastyJson(rng: Rng): Json {
  switch (rng.int(10)) {
    case 0: {
      let v: Json = 1;
      for (let i = rng.int(rng.uniform() < 0.5 ? 70 : 3000); i > 0; i--) v = rng.uniform() < 0.5 ? [v] : { a: v };
      return v;
    }
    case 1: return pick(rng, [1e308, -1e308, 0, -0, 1e-320, 2 ** 53 + 1, 500, -200, 91]);
    case 2: return null;
    case 3: return pick(rng, [true, false]);
    case 4: return nastyValue(rng);
    case 5: return [];
    case 6: return {};
    case 7: return Array.from({ length: 1 + rng.int(5) }, () => rng.uniform() * 400 - 200);
    case 8: return { type: pick(rng, ['Point', 'Polygon', 'MultiPolygon', 'Feature', 'FeatureCollection', 'GeometryCollection', 'LineString']), coordinates: nastyJson(rng) };
    default: return randomText(rng, rng.int(10));
  }
}

/** Replaces, deletes or duplicates nodes of a JSON tree in place; returns the (possibly new) root. */
export function mutateJson(rng: Rng, root: Json, rounds: number): Json {
  for (let k = 0; k < rounds; k++) {
    const nodes: { parent: Json[] | { [k: string]: Json }; key: string | number }[] = [];
    const walk = (v: Json, depth: number) => {
      if (depth > 12 || v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) v.forEach((x, i) => { nodes.push({ parent: v, key: i }); walk(x, depth + 1); });
      else for (const key of Object.keys(v)) { nodes.push({ parent: v, key }); walk(v[key], depth + 1); }
    };
    walk(root, 0);
    if (!nodes.length || rng.uniform() < 0.02) return nastyJson(rng);
    const { parent, key } = pick(rng, nodes);
    const get = () => (parent as Record<string | number, Json>)[key];
    const op = rng.int(6);
    if (op === 0 && Array.isArray(parent)) parent.splice(key as number, 1);
    else if (op === 0) delete (parent as Record<string, Json>)[key as string];
    else if (op === 1 && Array.isArray(parent)) parent.splice(key as number, 0, get());
    else if (op === 2 && !Array.isArray(parent)) (parent as Record<string, Json>)[pick(rng, ['type', 'properties', 'geometry', 'coordinates', 'code', 'members', 'features', '__proto__', 'constructor'])] = nastyJson(rng);
    else (parent as Record<string | number, Json>)[key] = nastyJson(rng);
  }
  return root;
}
