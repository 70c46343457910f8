import { distance } from 'fastest-levenshtein';

/**
 * Recognises regions from what people write in tables: codes ("210100", aliases such as "21" or
 * "CN-LN"), official Chinese names with or without their administrative suffix (沈阳 / 沈阳市,
 * 辽宁 / 辽宁省, 内蒙古 / 内蒙古自治区), and English names in any case ("Shenyang",
 * "Liaoning Province"). Matching goes in tiers, the first tier with a hit wins:
 *   1. exact code or alias;   2. exact name (zh or en);   3. name with its suffix stripped.
 * When a tier has several candidates (吉林 is a province and a city) the ambiguity is resolved by
 * a preferred level (the level most other names in the same column resolve to) or reported.
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

const ZH_SUFFIXES = [
  '维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '省', '市', '盟', '县', '区',
];
const EN_SUFFIXES = [' province', ' city', ' county', ' prefecture', ' municipality', ' region', ' autonomous region', ' sar', ' state'];

export function normaliseName(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function stripSuffix(s: string): string {
  const n = normaliseName(s);
  for (const suf of ZH_SUFFIXES) if (n.length > suf.length + 1 && n.endsWith(suf)) return n.slice(0, -suf.length);
  for (const suf of EN_SUFFIXES) if (n.length > suf.length + 2 && n.endsWith(suf)) return n.slice(0, -suf.length);
  return n;
}

export class RegionMatcher {
  private readonly tiers: Map<string, MatchableRegion[]>[] = [new Map(), new Map(), new Map()];
  private readonly all: MatchableRegion[];

  constructor(regions: Iterable<MatchableRegion>, options: { levels?: readonly string[] } = {}) {
    const keep = options.levels?.length ? new Set(options.levels) : null;
    this.all = [...regions].filter((r) => !keep || keep.has(r.level));
    for (const r of this.all) {
      add(this.tiers[0], normaliseName(r.code), r);
      for (const a of r.aliases) add(this.tiers[0], normaliseName(a), r);
      for (const nm of [r.name_zh, r.name_en]) if (nm) add(this.tiers[1], normaliseName(nm), r);
      for (const nm of [r.name_zh, r.name_en, ...r.aliases]) if (nm) add(this.tiers[2], stripSuffix(nm), r);
    }
  }

  get size(): number {
    return this.all.length;
  }

  match(input: string, preferLevel?: string): MatchResult {
    const key = normaliseName(input);
    if (!key) return { kind: 'unknown', suggestions: [] };
    const keys = [key, key, stripSuffix(key)];
    for (let t = 0; t < 3; t++) {
      const hits = this.tiers[t].get(keys[t]);
      if (!hits?.length) continue;
      if (hits.length === 1) return { kind: 'match', code: hits[0].code };
      const preferred = preferLevel ? hits.filter((h) => h.level === preferLevel) : [];
      if (preferred.length === 1) return { kind: 'match', code: preferred[0].code };
      return { kind: 'ambiguous', candidates: hits };
    }
    return { kind: 'unknown', suggestions: this.closest(input, 3) };
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
    const key = stripSuffix(input);
    const scored = this.all.map((r) => {
      const names = [r.code, r.name_zh, r.name_en, ...r.aliases].filter((x): x is string => !!x);
      const d = Math.min(...names.map((n) => distance(key, stripSuffix(n)) / Math.max(key.length, stripSuffix(n).length, 1)));
      return { r, d };
    });
    scored.sort((a, b) => a.d - b.d || a.r.code.localeCompare(b.r.code));
    return scored.slice(0, k).map((s) => s.r);
  }
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
