/**
 * What the map's first screen says in words, computed from the data on screen (never written
 * in): the lists of largest losses and gains, and the facts of the headline sentence (who lost
 * or gained how many people net, and to or from whom). Pure: no DOM, no i18n, so it is tested
 * under Node (test/web/overview.test.ts).
 */
export interface NetEntry {
  code: string;
  net: number;
}

export interface OverviewLists {
  /** Regions with net < 0 (inside the focus when one is given), largest loss first. */
  losses: NetEntry[];
  /** Regions with net > 0, largest gain first. */
  gains: NetEntry[];
}

/**
 * The two lists of the overview panel. Each holds only what its title says: losses are net < 0,
 * gains net > 0 (a region at exactly 0 is in neither), so no region can be in both. With a focus
 * (the members of the case's group, e.g. the Northeast), losses are the focus's own.
 */
export function overviewLists(net: ReadonlyMap<string, number>, options: { focus?: ReadonlySet<string> | null; n?: number } = {}): OverviewLists {
  const n = options.n ?? 10;
  const entries = [...net].filter(([, v]) => Number.isFinite(v)).map(([code, v]) => ({ code, net: v }));
  const losses = entries.filter((e) => e.net < 0 && (!options.focus || options.focus.has(e.code))).sort((a, b) => a.net - b.net || cmp(a.code, b.code));
  const gains = entries.filter((e) => e.net > 0).sort((a, b) => b.net - a.net || cmp(a.code, b.code));
  return { losses: losses.slice(0, n), gains: gains.slice(0, n) };
}

export interface FlowLike {
  origin: string;
  destination: string;
  count: number;
}

export interface HeadlineFacts {
  /** The regions the sentence is about: a group's members, or the one region with the largest loss. */
  focus: string[];
  /** Net migration of the focus with regions outside it (the sum of its members' nets: flows among members cancel). */
  net: number;
  /** Regions outside the focus that took the most people net from it (net < 0), or gave the most (net > 0); persons, positive. */
  partners: NetEntry[];
  /** Whether every flow touching the focus was available to name the partners (false: partners left out). */
  partnersComplete: boolean;
  /** Persons moving across the focus's border, both ways (with partnersComplete; else null): 0 when the data hold only moves within the focus. */
  crossing: number | null;
}

/**
 * The headline's numbers. `net` holds every region's net migration at the level on screen (the
 * map's measure); `flows` every flow with one end in the focus (unfiltered: no minimum, no top-N);
 * `focus` the members (at that level) of the case's group, or null to speak of the region that
 * lost most. Partners rank by the net exchange with the focus, in the direction of its net.
 * Null when there is nothing to say (no data, or no region lost anything).
 */
export function headlineFacts(net: ReadonlyMap<string, number>, flows: readonly FlowLike[] | null, focus: readonly string[] | null, n = 3): HeadlineFacts | null {
  let members = focus ? focus.filter((c) => net.has(c)) : [];
  if (!focus) {
    const worst = overviewLists(net, { n: 1 }).losses[0];
    if (!worst) return null;
    members = [worst.code];
  }
  if (!members.length) return null;
  const inside = new Set(members);
  const total = members.reduce((s, c) => s + (net.get(c) ?? 0), 0);
  if (!flows) return { focus: members, net: total, partners: [], partnersComplete: false, crossing: null };
  // exchange[d] > 0: the focus sent d more people than it received from d.
  const exchange = new Map<string, number>();
  let crossing = 0;
  for (const f of flows) {
    const out = inside.has(f.origin) && !inside.has(f.destination);
    const inn = inside.has(f.destination) && !inside.has(f.origin);
    if (out || inn) crossing += f.count;
    if (out) exchange.set(f.destination, (exchange.get(f.destination) ?? 0) + f.count);
    else if (inn) exchange.set(f.origin, (exchange.get(f.origin) ?? 0) - f.count);
  }
  const sign = total < 0 ? 1 : -1;
  const partners = [...exchange].map(([code, v]) => ({ code, net: sign * v })).filter((e) => e.net > 0)
    .sort((a, b) => b.net - a.net || cmp(a.code, b.code)).slice(0, n);
  return { focus: members, net: total, partners, partnersComplete: true, crossing };
}

/**
 * A count of people for a sentence, as a reader says it: "2.63 million" / "263万" (three
 * significant digits: estimates carry no more). `exact` keeps observed counts under a million
 * whole ("64,850").
 */
export function peopleInWords(n: number, lang: 'zh' | 'en', exact = false): string {
  const a = Math.abs(n);
  if (exact && a < 1e6) return Math.round(a).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const sig = (x: number) => Number(x.toPrecision(3));
  if (lang === 'zh') {
    if (a >= 1e8) return `${sig(a / 1e8)}亿`;
    if (a >= 1e4) return `${sig(a / 1e4)}万`;
    return Math.round(a).toLocaleString('zh-CN');
  }
  if (a >= 1e9) return `${sig(a / 1e9)} billion`;
  if (a >= 1e6) return `${sig(a / 1e6)} million`;
  return sig(a) >= 1000 ? sig(a).toLocaleString('en-US') : String(Math.round(a));
}

const SUFFIX_ZH = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/u;

/** A region's name without its administrative suffix, for map labels and sentences (沈阳市 -> 沈阳). */
export function shortName(name: string): string {
  const s = name.replace(SUFFIX_ZH, '');
  return s.length ? s : name;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
