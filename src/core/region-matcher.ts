import { distance } from 'fastest-levenshtein';
import { latinKey, pinyinKey, simplified } from './name-keys.ts';
import type { Place } from './messages/message.ts';

/**
 * Recognises regions from what people write in tables, on the command line and in the map's
 * search box: codes ("210100", aliases such as "21" or "CN-LN"), official Chinese names with or
 * without their administrative suffix (沈阳 / 沈阳市, 辽宁 / 辽宁省, 内蒙古 / 内蒙古自治区), in
 * simplified or traditional characters (瀋陽, 黑龍江), English names and pinyin in any case and
 * spacing ("Shenyang", "SHENYANG", "shen yang", "Liaoning Province"). Matching goes in tiers, the
 * first tier with a hit wins:
 *   1. exact code or alias;   2. exact name (zh, its simplified form, or en);
 *   3. name with its suffix stripped;   4. romanisation (English name or pinyin of the Chinese);
 *   5. only when asked (`prefix`): the start of a name or romanisation ("Shen", "沈").
 * When a tier has several candidates (吉林 is a province and a city) the ambiguity is resolved by
 * a preferred level (the level most other names in the same column resolve to) or reported.
 * Imports never match by prefix: a cell "沈" is more likely a typing slip than Shenyang.
 */
export interface MatchableRegion {
  code: string;
  name_zh: string | null;
  name_en: string | null;
  level: string;
  aliases: readonly string[];
}

export type MatchResult =
  | { kind: 'match'; code: string }
  | { kind: 'ambiguous'; candidates: MatchableRegion[] }
  | { kind: 'unknown'; suggestions: MatchableRegion[] };

export interface MatchOptions {
  /** Level to prefer when several regions match equally (e.g. city). */
  preferLevel?: string;
  /** Also match the start of a name or its romanisation (CLI filters, map search). Default false. */
  prefix?: boolean;
}

const ZH_SUFFIXES = [
  '维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '省', '市', '盟', '县', '区',
];
const EN_SUFFIXES = [' province', ' city', ' county', ' prefecture', ' municipality', ' region', ' autonomous region', ' sar', ' state'];
/** Shortest prefix looked up: one Han character, or two Latin letters ("s" would name dozens). */
const MIN_LATIN_PREFIX = 2;
/** Most candidates an ambiguous prefix reports. */
const MAX_CANDIDATES = 12;

export function normaliseName(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function stripSuffix(s: string): string {
  const n = normaliseName(s);
  for (const suf of ZH_SUFFIXES) if (n.length > suf.length + 1 && n.endsWith(suf)) return n.slice(0, -suf.length);
  for (const suf of EN_SUFFIXES) if (n.length > suf.length + 2 && n.endsWith(suf)) return n.slice(0, -suf.length);
  return n;
}

/** A name as written and in simplified characters (the same text twice when it has no traditional ones). */
function spellings(s: string): string[] {
  const n = normaliseName(s);
  const simple = simplified(n);
  return simple === n ? [n] : [n, simple];
}

export class RegionMatcher {
  private readonly tiers: Map<string, MatchableRegion[]>[] = [new Map(), new Map(), new Map()];
  /** Romanisation keys (English names, pinyin of Chinese ones), built when first needed. */
  private latin: Map<string, MatchableRegion[]> | null = null;
  private readonly all: MatchableRegion[];

  constructor(regions: Iterable<MatchableRegion>, options: { levels?: readonly string[] } = {}) {
    const keep = options.levels?.length ? new Set(options.levels) : null;
    this.all = [...regions].filter((r) => !keep || keep.has(r.level));
    for (const r of this.all) {
      add(this.tiers[0], normaliseName(r.code), r);
      for (const a of r.aliases) add(this.tiers[0], normaliseName(a), r);
      for (const nm of [r.name_zh, r.name_en]) if (nm) for (const s of spellings(nm)) add(this.tiers[1], s, r);
      for (const nm of [r.name_zh, r.name_en, ...r.aliases]) if (nm) for (const s of spellings(nm)) add(this.tiers[2], stripSuffix(s), r);
    }
  }

  get size(): number {
    return this.all.length;
  }

  match(input: string, preferLevel?: string, options: MatchOptions = {}): MatchResult {
    const prefer = preferLevel ?? options.preferLevel;
    const key = normaliseName(input);
    if (!key) return { kind: 'unknown', suggestions: [] };
    const forms = spellings(key);
    const lookups: [Map<string, MatchableRegion[]>, string[]][] = [
      [this.tiers[0], [key]],
      [this.tiers[1], forms],
      [this.tiers[2], forms.map(stripSuffix)],
    ];
    const latin = latinKey(key);
    if (latin && latinKey(stripSuffix(key))) lookups.push([this.latinKeys(), [latin, latinKey(stripSuffix(key))]]);
    for (const [tier, keys] of lookups) {
      const hits = unique(keys.flatMap((k) => tier.get(k) ?? []));
      if (hits.length) return this.decide(hits, prefer);
    }
    if (options.prefix) {
      const hits = this.startingWith(key);
      if (hits.length) return this.decide(hits, prefer);
    }
    return { kind: 'unknown', suggestions: this.closest(input, 3) };
  }

  /**
   * Regions for a search box: exact matches first (any tier), then those whose name or
   * romanisation starts with the text, then those whose Chinese or English name contains it;
   * within each group the preferred level first, then by code. At most `limit` (default 10).
   */
  search(input: string, options: { limit?: number; preferLevel?: string } = {}): MatchableRegion[] {
    const key = normaliseName(input);
    if (!key) return [];
    const out: MatchableRegion[] = [];
    const exact = this.match(input, options.preferLevel);
    if (exact.kind === 'match') out.push(this.all.find((r) => r.code === exact.code)!);
    else if (exact.kind === 'ambiguous') out.push(...exact.candidates);
    const order = (rs: MatchableRegion[]) => rs.sort((a, b) => Number(b.level === options.preferLevel) - Number(a.level === options.preferLevel) || a.code.localeCompare(b.code));
    out.push(...order(this.startingWith(key)));
    const forms = spellings(key);
    out.push(...order(this.all.filter((r) => [r.name_zh, r.name_en].some((n) => n && forms.some((f) => spellings(n).some((s) => s.includes(f)))))));
    return unique(out).slice(0, options.limit ?? 10);
  }

  /**
   * Matches every distinct value of a column at once, breaking ties with the level most of the
   * column's unambiguous values have (a column of provinces stays a column of provinces).
   */
  matchAll(values: Iterable<string>): Map<string, MatchResult> {
    const first = new Map<string, MatchResult>();
    const levelCount = new Map<string, number>();
    const byCode = new Map(this.all.map((r) => [r.code, r]));
    for (const v of values) {
      const m = this.match(v);
      first.set(v, m);
      if (m.kind === 'match') {
        const lvl = byCode.get(m.code)!.level;
        levelCount.set(lvl, (levelCount.get(lvl) ?? 0) + 1);
      }
    }
    const dominant = [...levelCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!dominant) return first;
    for (const [v, m] of first) if (m.kind === 'ambiguous') first.set(v, this.match(v, dominant));
    return first;
  }

  /** The known regions whose names are closest to `input` by edit distance (for error messages). */
  closest(input: string, k: number): MatchableRegion[] {
    const key = stripSuffix(simplified(input));
    const scored = this.all.map((r) => {
      const names = [r.code, r.name_zh, r.name_en, ...r.aliases].filter((x): x is string => !!x);
      const d = Math.min(...names.map((n) => distance(key, stripSuffix(n)) / Math.max(key.length, stripSuffix(n).length, 1)));
      return { r, d };
    });
    scored.sort((a, b) => a.d - b.d || a.r.code.localeCompare(b.r.code));
    return scored.slice(0, k).map((s) => s.r);
  }

  private decide(hits: MatchableRegion[], preferLevel: string | undefined): MatchResult {
    if (hits.length === 1) return { kind: 'match', code: hits[0].code };
    const preferred = preferLevel ? hits.filter((h) => h.level === preferLevel) : [];
    if (preferred.length === 1) return { kind: 'match', code: preferred[0].code };
    return { kind: 'ambiguous', candidates: hits.slice(0, MAX_CANDIDATES) };
  }

  private latinKeys(): Map<string, MatchableRegion[]> {
    if (this.latin) return this.latin;
    const map = new Map<string, MatchableRegion[]>();
    for (const r of this.all) {
      for (const nm of [r.name_zh, r.name_en, ...r.aliases]) {
        if (!nm) continue;
        for (const s of [nm, stripSuffix(nm)]) add(map, pinyinKey(s) || latinKey(s), r);
      }
    }
    return (this.latin = map);
  }

  /** Regions one of whose names (as written, simplified, stripped or romanised) starts with `key`. */
  private startingWith(key: string): MatchableRegion[] {
    const han = /\p{Script=Han}/u.test(key);
    const latin = latinKey(key);
    if (!han && latin.length < MIN_LATIN_PREFIX) return [];
    const hits: MatchableRegion[] = [];
    const scan = (map: Map<string, MatchableRegion[]>, prefixes: string[]) => {
      for (const [k, rs] of map) if (prefixes.some((p) => k.startsWith(p))) hits.push(...rs);
    };
    if (han) {
      scan(this.tiers[1], spellings(key));
      scan(this.tiers[2], spellings(key));
    } else {
      scan(this.latinKeys(), [latin]);
    }
    return unique(hits).sort((a, b) => a.code.localeCompare(b.code));
  }
}

function unique(rs: MatchableRegion[]): MatchableRegion[] {
  return [...new Set(rs)];
}

function add(map: Map<string, MatchableRegion[]>, key: string, r: MatchableRegion): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [r]);
  else if (!list.includes(r)) list.push(r);
}

export function describeRegion(r: MatchableRegion): string {
  const names = [r.name_zh, r.name_en].filter(Boolean).join(' / ');
  return `${names || r.code} (${r.code}, ${r.level})`;
}

/** A region as a coded message names it (region.unknown, region.ambiguous), which writes it as describeRegion does in English. */
export function regionPlace(r: MatchableRegion): Place {
  return { code: r.code, zh: r.name_zh ?? null, en: r.name_en ?? null, level: r.level };
}
