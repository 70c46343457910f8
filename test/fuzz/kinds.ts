import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Rng } from '../../src/numeric/index.ts';
import {
  importFlows, importGeometry, importGroups, importIndicators, importPersons, importRegions, importStocks, type Workspace,
} from '../../src/store/index.ts';
import { encodeGb18030 } from './gb18030.ts';
import { chance, mutateBytes, mutateJson, mutateTable, nastyValue, pick, randomStyle, toCsv, type Table } from './mutate.ts';
import { sheetXml, xlsxParts, zip, type XCell, type ZipPart } from './zip-writer.ts';

/**
 * The import kinds of the fuzz suite. Each builds a valid file from the bundled China registry
 * (names in Chinese, English or as codes, as yearbooks write them), damages it with the mutation
 * operators (none for about one input in ten, so the valid path is exercised too) and names the
 * importer call that reads it. Every input is a function of (seed, kind, index) alone.
 */
export interface FuzzInput {
  /** File name; its extension picks the reader. */
  name: string;
  bytes: Buffer;
  options: Record<string, unknown>;
  /** No mutation was applied: the file is valid data and must be accepted. */
  valid: boolean;
}

export interface ImportKind {
  name: string;
  generate(rng: Rng): FuzzInput;
  run(ws: Workspace, path: string, options: Record<string, unknown>): Promise<unknown>;
}

export const REPO = new URL('../..', import.meta.url).pathname;

interface Place { code: string; zh: string; en: string; level: string; parent: string }
let places: Place[] | null = null;
/** The bundled registry's provinces and cities. */
export function chinaPlaces(): Place[] {
  if (places) return places;
  const lines = readFileSync(join(REPO, 'data/china/regions.csv'), 'utf8').trim().split('\n').slice(1);
  places = lines.map((l) => l.split(',')).filter((c) => c[3] === 'city' || c[3] === 'province').map((c) => ({ code: c[0], zh: c[1], en: c[2], level: c[3], parent: c[4] }));
  return places;
}
const provinces = () => chinaPlaces().filter((p) => p.level === 'province');

/** `n` distinct places (provinces only when `level` says so). */
function places_(rng: Rng, n: number, level?: string): Place[] {
  const pool = level ? chinaPlaces().filter((p) => p.level === level) : chinaPlaces();
  const out = new Set<Place>();
  while (out.size < Math.min(n, pool.length)) out.add(pick(rng, pool));
  return [...out];
}

const year = (rng: Rng) => String(2000 + rng.int(21));
const count = (rng: Rng) => String(chance(rng, 0.9) ? rng.int(5000) : rng.int(1000) * 1000);

/**
 * One input being generated: its generator, each place's spelling (fixed per file, so one region
 * is never two keys), and whether any damage was done (an undamaged input must be accepted).
 */
class Gen {
  damaged = false;
  private spellings = new Map<Place, string>();
  constructor(readonly rng: Rng) {}

  /** How many rounds of damage: none for about one input in ten. */
  rounds(): number {
    const n = chance(this.rng, 0.1) ? 0 : 1 + this.rng.int(chance(this.rng, 0.8) ? 3 : 8);
    if (n) this.damaged = true;
    return n;
  }

  /** A value that is usually right and sometimes nasty (then the input counts as damaged). */
  maybe(p: number, good: () => string): string {
    if (!chance(this.rng, p)) return good();
    this.damaged = true;
    return nastyValue(this.rng);
  }

  /** A region as a table writes it: its code, Chinese name or English name, where that name is unique. */
  spell(p: Place): string {
    let s = this.spellings.get(p);
    if (s === undefined) {
      const r = this.rng.uniform();
      s = r < 0.4 || (r < 0.8 ? ambiguous().zh.has(p.zh) : ambiguous().en.has(p.en.toLowerCase())) ? p.code : r < 0.8 ? p.zh : p.en;
      this.spellings.set(p, s);
    }
    return s;
  }

  /** A table through cell and shape damage, then CSV serialisation, then (sometimes) byte damage. */
  csv(t: Table, encode: (s: string) => Buffer = (s) => Buffer.from(s, 'utf8')): Buffer {
    mutateTable(this.rng, t, this.rounds());
    return this.bytes(encode(toCsv(this.rng, t, randomStyle(this.rng))));
  }

  json(doc: unknown): Buffer {
    const mutated = mutateJson(this.rng, doc as never, this.rounds());
    return this.bytes(Buffer.from(chance(this.rng, 0.5) ? JSON.stringify(mutated) : JSON.stringify(mutated, null, 2), 'utf8'));
  }

  bytes(b: Buffer): Buffer {
    if (!chance(this.rng, 0.25)) return b;
    this.damaged = true;
    return mutateBytes(this.rng, b, 1 + this.rng.int(4));
  }

  input(name: string, bytes: Buffer, options: Record<string, unknown> = {}): FuzzInput {
    return { name, bytes, options, valid: !this.damaged };
  }
}

let names: { zh: Set<string>; en: Set<string> } | null = null;
/** Names that belong to more than one region (北京市 the province and the city; Suzhou twice). */
function ambiguous(): { zh: Set<string>; en: Set<string> } {
  if (names) return names;
  const dup = (xs: string[]) => new Set(xs.filter((x, i) => xs.indexOf(x) !== i));
  names = { zh: dup(chinaPlaces().map((p) => p.zh)), en: dup(chinaPlaces().map((p) => p.en.toLowerCase())) };
  return names;
}

function flowsTable(g: Gen, opts: { chineseHeader?: boolean; period?: boolean } = {}): Table {
  const { rng } = g;
  const ps = places_(rng, 2 + rng.int(8));
  const header = opts.chineseHeader ? ['迁出地', '迁入地', '年份', '人数'] : ['origin', 'destination', 'year', 'count'];
  if (opts.period === false) header.splice(2, 1);
  const t: Table = [header];
  const y = year(rng);
  for (let i = 0; i < ps.length; i++) for (let j = 0; j < ps.length; j++) {
    if (i === j || chance(rng, 0.5)) continue;
    t.push([g.spell(ps[i]), g.spell(ps[j]), ...(opts.period === false ? [] : [y]), count(rng)]);
  }
  if (t.length === 1) t.push([g.spell(ps[0]), g.spell(ps[1]), ...(opts.period === false ? [] : [y]), count(rng)]);
  return t;
}

function square(rng: Rng): number[][] {
  const x = 73 + rng.uniform() * 60, y = 18 + rng.uniform() * 35, d = 0.01 + rng.uniform() * 2;
  return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
}
const wkt = (ring: number[][]) => ring.map(([x, y]) => `${x} ${y}`).join(', ');

function regionsTable(g: Gen, withWkt: boolean): Table {
  const { rng } = g;
  const parent = pick(rng, provinces());
  const header = ['code', 'name', 'level', 'parent', 'centroid_lon', 'centroid_lat', 'area_km2', 'aliases', ...(withWkt ? ['wkt'] : [])];
  const t: Table = [header];
  const n = 1 + rng.int(5);
  const codes = Array.from({ length: n }, (_, i) => `F${rng.int(1e6)}${i}`);
  codes.forEach((code, i) => {
    const ring = square(rng);
    // A parent cycle now and then: the tree check must refuse it.
    const cyclic = chance(rng, 0.05) && n > 1;
    if (cyclic) g.damaged = true;
    const blankCentre = withWkt && chance(rng, 0.5);
    t.push([code, pick(rng, ['新城', '东区', 'New Town', '西湖区', 'Lakeside']) + i, pick(rng, ['city', 'county', '市', '县', 'district']), cyclic ? codes[(i + 1) % n] : parent.code,
      blankCentre ? '' : String(ring[0][0]), blankCentre ? '' : String(ring[0][1]), String(rng.int(20000)), chance(rng, 0.3) ? `a${i}|b${i}` : '',
      ...(withWkt ? [chance(rng, 0.2) ? `MULTIPOLYGON(((${wkt(ring)})),((${wkt(square(rng))})))` : `POLYGON((${wkt(ring)}))`] : [])]);
  });
  return t;
}

function featureCollection(features: unknown[]): unknown {
  return { type: 'FeatureCollection', features };
}

const opt = (rng: Rng, p: number, o: Record<string, unknown>) => (chance(rng, p) ? o : {});

export const IMPORT_KINDS: readonly ImportKind[] = [
  {
    name: 'regions-csv',
    generate: (rng) => {
      const g = new Gen(rng);
      return g.input('regions.csv', g.csv(regionsTable(g, false)), { indicators: chance(rng, 0.5), ...opt(rng, 0.1, { level: 'city' }) });
    },
    run: (ws, p, o) => importRegions(ws, p, o),
  },
  {
    name: 'regions-wkt',
    generate: (rng) => {
      const g = new Gen(rng);
      return g.input('regions-wkt.csv', g.csv(regionsTable(g, true)));
    },
    run: (ws, p, o) => importRegions(ws, p, o),
  },
  {
    name: 'regions-geojson',
    generate: (rng) => {
      const g = new Gen(rng);
      const parent = pick(rng, provinces());
      const features = Array.from({ length: 1 + rng.int(4) }, (_, i) => ({
        type: 'Feature', properties: { code: `G${rng.int(1e6)}${i}`, name: `区${i}`, level: 'county', parent: parent.code },
        geometry: chance(rng, 0.8) ? { type: 'Polygon', coordinates: [square(rng)] } : { type: 'MultiPolygon', coordinates: [[square(rng)], [square(rng)]] },
      }));
      return g.input('regions.geojson', g.json(featureCollection(features)));
    },
    run: (ws, p, o) => importRegions(ws, p, o),
  },
  {
    name: 'flows-long',
    generate: (rng) => {
      const g = new Gen(rng);
      const fixed = chance(rng, 0.2);
      const bytes = g.csv(flowsTable(g, { period: !fixed }));
      return g.input('flows.csv', bytes, { ...(fixed ? { period: g.maybe(0.1, () => year(rng)) } : {}), ...opt(rng, 0.15, { sumDuplicates: true }), ...opt(rng, 0.1, { replace: true }) });
    },
    run: (ws, p, o) => importFlows(ws, p, o),
  },
  {
    name: 'flows-wide',
    generate: (rng) => {
      const g = new Gen(rng);
      const ps = places_(rng, 2 + rng.int(6), chance(rng, 0.5) ? 'province' : undefined);
      const total = chance(rng, 0.3);
      const t: Table = [[pick(rng, ['origin', '迁出地', '']), ...ps.map((p) => g.spell(p)), ...(total ? ['合计'] : [])]];
      for (const o of ps) t.push([g.spell(o), ...ps.map(() => count(rng)), ...(total ? [count(rng)] : [])]);
      const bytes = g.csv(t);
      return g.input('matrix.csv', bytes, { period: chance(rng, 0.95) ? year(rng) : '2010-2020', ...opt(rng, 0.7, { wide: true }) });
    },
    run: (ws, p, o) => importFlows(ws, p, o),
  },
  {
    name: 'indicators',
    generate: (rng) => {
      const g = new Gen(rng);
      const ps = places_(rng, 1 + rng.int(6));
      if (chance(rng, 0.5)) {
        const t: Table = [['region', 'year', 'indicator', 'value', 'unit']];
        for (const p of ps) for (const name of ['gdp', 'population']) t.push([g.spell(p), year(rng), name, String(rng.uniform() * 1e6), pick(rng, ['yuan', 'persons', ''])]);
        return g.input('indicators.csv', g.csv(t));
      }
      const t: Table = [['region', 'gdp_2019', 'population_2020']];
      for (const p of ps) t.push([g.spell(p), String(rng.uniform() * 1e6), String(rng.int(1e7))]);
      return g.input('indicators-wide.csv', g.csv(t), opt(rng, 0.2, { unit: 'yuan' }));
    },
    run: (ws, p, o) => importIndicators(ws, p, o),
  },
  {
    name: 'persons',
    generate: (rng) => {
      const g = new Gen(rng);
      return g.input('graduates.csv', g.csv(personsTable(g)), opt(rng, 0.3, { synthetic: true }));
    },
    run: (ws, p, o) => importPersons(ws, p, o),
  },
  {
    name: 'groups',
    generate: (rng) => {
      const g = new Gen(rng);
      const groups = Array.from({ length: 1 + rng.int(3) }, (_, i) => ({
        code: `grp${rng.int(1e6)}-${i}`, name_zh: '组' + i, name_en: `Group ${i}`, members: places_(rng, 1 + rng.int(5)).map((p) => p.code), description: 'fuzz',
      }));
      return g.input('groups.json', g.json(groups));
    },
    run: (ws, p, o) => importGroups(ws, p, o),
  },
  {
    name: 'geometry',
    generate: (rng) => {
      const g = new Gen(rng);
      const features = places_(rng, 1 + rng.int(4)).map((p) => ({
        type: 'Feature', properties: { code: chance(rng, 0.8) ? p.code : g.spell(p) },
        geometry: { type: 'Polygon', coordinates: [square(rng)] },
      }));
      return g.input('boundaries.geojson', g.json(featureCollection(features)));
    },
    run: (ws, p, o) => importGeometry(ws, p, o),
  },
  {
    name: 'stocks',
    generate: (rng) => {
      const g = new Gen(rng);
      const ps = places_(rng, 2 + rng.int(5), 'province');
      const t: Table = [['birth', 'residence', 'date', 'count']];
      const d = pick(rng, ['2000', '2010', '2020']);
      for (const b of ps) for (const r of ps) if (chance(rng, 0.7)) t.push([g.spell(b), g.spell(r), d, count(rng)]);
      if (t.length === 1) t.push([g.spell(ps[0]), g.spell(ps[1]), d, '1']);
      const sample = chance(rng, 0.3);
      const bytes = g.csv(t);
      return g.input('stocks.csv', bytes, { definition: `fuzz ${rng.int(1e9)}`, ...(sample ? { unit: 'sample', samplingRate: g.maybe(0.1, () => '0.1') } : {}) });
    },
    run: (ws, p, o) => importStocks(ws, p, o),
  },
  {
    name: 'jsonl',
    generate: (rng) => {
      const g = new Gen(rng);
      const [header, ...rows] = flowsTable(g);
      const records: unknown[] = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, h === 'count' && chance(rng, 0.8) ? Number(r[i]) : r[i]])));
      const lines = records.map((rec) => {
        if (!chance(rng, 0.15)) return JSON.stringify(rec);
        g.damaged = true;
        return JSON.stringify(mutateJson(rng, rec as never, 1 + rng.int(3)));
      });
      return g.input('flows.jsonl', g.bytes(Buffer.from(lines.join(chance(rng, 0.8) ? '\n' : '\r\n') + (chance(rng, 0.8) ? '\n' : ''), 'utf8')));
    },
    run: (ws, p, o) => importFlows(ws, p, o),
  },
  {
    name: 'xlsx',
    generate: (rng) => {
      const g = new Gen(rng);
      const persons = chance(rng, 0.3);
      const t = persons ? personsTable(g) : flowsTable(g);
      mutateTable(rng, t, g.rounds());
      const cells: XCell[][] = t.map((row, i) => row.map((v) => {
        if (i > 0 && /^\d+$/.test(v) && chance(rng, 0.7)) return Number(v);
        if (i > 0 && chance(rng, 0.01)) {
          g.damaged = true;
          return { formula: 'A1+1', ...(chance(rng, 0.5) ? { value: rng.int(100) } : {}) };
        }
        return v;
      }));
      const parts: ZipPart[] = xlsxParts(sheetXml(cells));
      const sheet = parts.length - 1;
      const damage = (p: number) => chance(rng, p) && (g.damaged = true);
      if (damage(0.05)) parts[sheet] = { ...parts[sheet], data: String(parts[sheet].data).slice(0, rng.int(String(parts[sheet].data).length)) };
      if (damage(0.03)) parts[sheet] = { ...parts[sheet], raw: bomb(), declaredSize: 1000 };
      if (damage(0.05)) parts.splice(rng.int(parts.length), 1);
      return g.input(persons ? 'graduates.xlsx' : 'flows.xlsx', g.bytes(zip(parts)));
    },
    run: (ws, p, o) => (p.includes('graduates') ? importPersons(ws, p, o) : importFlows(ws, p, o)),
  },
  {
    name: 'gb18030',
    generate: (rng) => {
      const g = new Gen(rng);
      const encode = (text: string) => {
        try {
          return encodeGb18030(text);
        } catch {
          g.damaged = true;
          return encodeGb18030(text, '?');
        }
      };
      const bytes = g.csv(flowsTable(g, { chineseHeader: true }), encode);
      const encoding = chance(rng, 0.1) ? pick(rng, ['gbk', 'gb18030', 'GB2312', 'utf-8', 'big5', 'nonsense']) : undefined;
      if (encoding && !['gbk', 'gb18030', 'GB2312'].includes(encoding)) g.damaged = true;
      return g.input('yearbook.csv', bytes, encoding ? { encoding } : {});
    },
    run: (ws, p, o) => importFlows(ws, p, o),
  },
];

function personsTable(g: Gen): Table {
  const { rng } = g;
  const t: Table = [['id', 'year', 'university', 'degree', 'major', 'home_region', 'study_region', 'destination', 'monthly_salary']];
  const n = 1 + rng.int(12);
  for (let i = 0; i < n; i++) {
    t.push([`S${i}`, year(rng), pick(rng, ['东北大学', 'NEU', '大连理工大学']), pick(rng, ['本科', '硕士', '博士', '']), pick(rng, ['计算机', 'math', '']),
      g.spell(pick(rng, chinaPlaces())), g.spell(pick(rng, chinaPlaces())), chance(rng, 0.15) ? pick(rng, ['升学', 'not employed', '待就业']) : g.spell(pick(rng, chinaPlaces())),
      chance(rng, 0.3) ? '' : String(3000 + rng.int(20000))]);
  }
  return t;
}

let bombBytes: Buffer | null = null;
/** 40 MiB of spaces deflated (about 40 KB): over the 32 MiB cap. Built once per process. */
function bomb(): Buffer {
  bombBytes ??= deflateRawSync(Buffer.alloc(40 * 2 ** 20, 0x20), { level: 9 });
  return bombBytes;
}
