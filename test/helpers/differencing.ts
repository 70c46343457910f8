/**
 * A differencing attack on a published graduate report: every hidden count becomes an unknown
 * (a whole number, at least 1, since zeros are shown), every sum the report implies becomes an
 * equation (headcount = employed + further study + not employed; employed = its provinces = its
 * employer types = stayed + not stayed + unknown region; a province = its cities; this year minus
 * the previous year = the change; share x base = count; salary counts within their province's
 * count), and the intervals of values consistent with all of them are found by propagating bounds
 * until nothing narrows. The attacker also knows what is public about the selection: the
 * provinces its graduates studied in (a university's location), so those who stayed in their study
 * province are counted in those provinces' cells, at most a cell's count in each.
 *
 * Its own propagation, not src/metrics/privacy/intervals.ts, so the library's stay check is
 * attacked by code it does not share.
 */
import type { PersonRecord } from '../../src/core/schema/person.ts';
import { provinceResolver, selectGraduates, type GraduateReport, type GraduateSelection, type ProvinceMap } from '../../src/metrics/index.ts';
import { countYear, type StayCounts } from '../../src/metrics/graduates/summarise.ts';

export interface Unknown {
  name: string;
  truth: number;
  lo: number;
  hi: number;
  /** 'cell': a hidden count of the report's tables; 'derived': a count the report never shows (salary and stay groups). */
  kind: 'cell' | 'derived';
}

export interface AttackResult {
  unknowns: Unknown[];
  consistent: boolean;
  /** Hidden table cells determined exactly (interval width < 1). */
  determinedCells: Unknown[];
  /** Counts of 1 to k - 1 persons determined exactly, of any kind. */
  determinedSmall: Unknown[];
}

/**
 * One year's public side knowledge (the study provinces of the selection's graduates) and the
 * true stay counts (to say whether a determined group is a small one; never given to the attacker).
 */
export interface StayKnowledge {
  studyProvinces: Set<string>;
  study: StayCounts;
  home: StayCounts;
  employed: number;
}

export function stayKnowledge(records: readonly PersonRecord[], provinces: ProvinceMap, selection: GraduateSelection, year: number): StayKnowledge {
  const provinceOf = provinceResolver(provinces);
  const selected = selectGraduates(records, selection, year, provinceOf);
  const c = countYear(selected, provinceOf);
  const studyProvinces = new Set(selected.flatMap((r) => (r.study_region === null ? [] : [provinceOf(r.study_region, r.id, 'study_region')])));
  return { studyProvinces, study: c.stayStudy, home: c.stayHome, employed: c.employed };
}

const BIG = 1e9;

class System {
  readonly u: Unknown[] = [];
  readonly eqs: { terms: [number, number][]; c: number }[] = [];
  /** A published value, or an unknown when hidden. */
  value(shown: number | null, hidden: boolean, name: string, truth: number, kind: Unknown['kind'] = 'cell', lo = 1, hi = BIG): Q {
    if (!hidden && shown !== null) return { c: shown };
    this.u.push({ name, truth, lo, hi, kind });
    return { v: this.u.length - 1 };
  }
  unknown(name: string, truth: number, lo: number, hi: number, kind: Unknown['kind'] = 'derived'): Q {
    this.u.push({ name, truth, lo, hi, kind });
    return { v: this.u.length - 1 };
  }
  /** sum of sign * q = constant */
  eq(items: [number, Q][], constant = 0): void {
    const terms: [number, number][] = [];
    let c = constant;
    for (const [s, q] of items) {
      if ('c' in q) c -= s * q.c;
      else terms.push([q.v, s]);
    }
    if (terms.length) this.eqs.push({ terms, c });
  }
  solve(): boolean {
    for (let round = 0; round < 2000; round++) {
      let changed = false;
      for (const { terms, c } of this.eqs) {
        for (const [v, s] of terms) {
          let min = 0;
          let max = 0;
          for (const [w, t] of terms) {
            if (w === v) continue;
            const a = t * this.u[w].lo;
            const b = t * this.u[w].hi;
            min += Math.min(a, b);
            max += Math.max(a, b);
          }
          const x = [(c - max) / s, (c - min) / s];
          const lo = Math.ceil(Math.min(...x) - 1e-9);
          const hi = Math.floor(Math.max(...x) + 1e-9);
          if (lo > this.u[v].lo) { this.u[v].lo = lo; changed = true; }
          if (hi < this.u[v].hi) { this.u[v].hi = hi; changed = true; }
          if (this.u[v].lo > this.u[v].hi) return false;
        }
      }
      if (!changed) return true;
    }
    return true;
  }
}
type Q = { c: number } | { v: number };

interface Row { code: string; count: number | null; previousCount: number | null; countChange: number | null; suppressed: boolean; previousSuppressed: boolean; share: number | null; previousShare: number | null }

export function attackGraduateReport(published: GraduateReport, truth: GraduateReport, knowledge: { now: StayKnowledge; previous: StayKnowledge | null }, k: number): AttackResult {
  const sys = new System();
  const years = published.previousYear === null ? (['now'] as const) : (['now', 'previous'] as const);
  const truthRow = (rows: readonly Row[], code: string) => rows.find((r) => r.code === code) as Row;
  const pick = (r: Row, y: 'now' | 'previous') => (y === 'now' ? { shown: r.count, hidden: r.suppressed } : { shown: r.previousCount, hidden: r.previousSuppressed });
  const truthOf = (r: Row, y: 'now' | 'previous') => (y === 'now' ? (r.count as number) : (r.previousCount ?? 0));
  const qs: Record<string, Record<string, Q>> = { now: {}, previous: {} };

  for (const y of years) {
    const tag = (what: string) => `${y} ${what}`;
    const cell = (key: string, r: Row, t: Row) => (qs[y][key] = sys.value(pick(r, y).shown, pick(r, y).hidden, tag(key), truthOf(t, y)));
    const h = published.headcount;
    const H = (qs[y].headcount = sys.value(y === 'now' ? h.count : h.previousCount, y === 'now' ? h.suppressed : h.previousSuppressed, tag('headcount'), (y === 'now' ? truth.headcount.count : truth.headcount.previousCount) as number));
    const out = (['employed', 'furtherStudy', 'notEmployed'] as const).map((o) => cell(o, { code: o, ...published.outcomes[o] }, { code: o, ...truth.outcomes[o] }));
    sys.eq([[1, H], [-1, out[0]], [-1, out[1]], [-1, out[2]]]);
    const E = out[0];
    const table = (what: string, rows: readonly Row[], truthRows: readonly Row[]) => rows.map((r) => cell(`${what} ${r.code}`, r, truthRow(truthRows, r.code)));
    const P = table('province', published.byProvince, truth.byProvince);
    sys.eq([[1, E], ...P.map((q) => [-1, q] as [number, Q])]);
    const provinceQ = new Map(published.byProvince.map((r, i) => [r.code, P[i]]));
    const C = table('city', published.byCity, truth.byCity);
    for (const [code, q] of provinceQ) sys.eq([[1, q], ...published.byCity.flatMap((r, i) => (r.province === code ? [[-1, C[i]] as [number, Q]] : []))]);
    const T = table('employer', published.employerTypes, truth.employerTypes);
    sys.eq([[1, E], ...T.map((q) => [-1, q] as [number, Q])]);

    // share x base = count, wherever a share is shown beside a hidden count (it never should be).
    const base = (b: Q) => ('c' in b ? b.c : null);
    const shareAttack = (r: Row, q: Q, b: Q) => {
      const s = y === 'now' ? r.share : r.previousShare;
      if (s !== null && 'v' in q && base(b) !== null) sys.eq([[1, q]], Math.round(s * (base(b) as number)));
    };
    (['employed', 'furtherStudy', 'notEmployed'] as const).forEach((o, i) => shareAttack({ code: o, ...published.outcomes[o] }, out[i], H));
    published.byProvince.forEach((r, i) => shareAttack(r, P[i], E));
    published.byCity.forEach((r, i) => shareAttack(r, C[i], E));
    published.employerTypes.forEach((r, i) => shareAttack(r, T[i], E));

    // Stay shares: stayed + not stayed + region unknown = employed; those who stayed in their study
    // province are in the cells of the study provinces, at most a cell's count in each.
    const know = y === 'now' ? knowledge.now : knowledge.previous;
    for (const [key, which] of [['stayStudyProvince', 'study'], ['stayHomeProvince', 'home']] as const) {
      if (!know) continue;
      const t = know[which];
      const p = published[key];
      let S: Q, NS: Q, U: Q;
      if (y === 'now' && !p.suppressed && 'c' in E) {
        S = { c: p.stayed as number };
        NS = { c: (p.base as number) - (p.stayed as number) };
        U = { c: E.c - (p.base as number) };
      } else if (y === 'previous' && p.previousShare !== null && 'c' in E && t.base === know.employed) {
        // Only a share: with every region known (as the attacker may know) it is stayed / employed.
        S = { c: Math.round(p.previousShare * E.c) };
        NS = { c: E.c - S.c };
        U = { c: 0 };
      } else {
        S = sys.unknown(tag(`${which} stayed`), t.stayed, 0, BIG);
        NS = sys.unknown(tag(`${which} not stayed`), t.base - t.stayed, 0, BIG);
        U = sys.unknown(tag(`${which} region unknown`), know.employed - t.base, 0, BIG);
      }
      sys.eq([[1, E], [-1, S], [-1, NS], [-1, U]]);
      if (which !== 'study') continue;
      const parts = [...know.studyProvinces].filter((code) => provinceQ.has(code)).map((code) => {
        const x = sys.unknown(tag(`stayed in ${code}`), -1, 0, BIG);
        const rest = sys.unknown(tag(`others in ${code}`), -1, 0, BIG);
        sys.eq([[1, provinceQ.get(code) as Q], [-1, x], [-1, rest]]);
        return x;
      });
      sys.eq([[1, S], ...parts.map((x) => [-1, x] as [number, Q])]);
    }

    // Salary counts: n within each province's count; quartiles shown only from at least k salaries.
    const rows = new Map(published.salary.byProvince.map((r) => [r.code, y === 'now' ? r : r.previous]));
    const truthSalary = new Map(truth.salary.byProvince.map((r) => [r.code, y === 'now' ? r : r.previous]));
    const nQ: Q[] = [];
    for (const pr of published.byProvince) {
      const q = provinceQ.get(pr.code) as Q;
      const row = rows.get(pr.code);
      const tn = truthSalary.get(pr.code)?.n ?? (y === 'now' ? 0 : -1);
      let n: Q;
      if (row == null) n = y === 'now' ? { c: 0 } : sys.unknown(tag(`salaries in ${pr.code}`), tn, 0, BIG);
      else if (row.n !== null) n = { c: row.n };
      else if (!row.suppressed && row.q1 === null) n = { c: 0 };
      else n = sys.unknown(tag(`salaries in ${pr.code}`), tn, !row.suppressed ? k : y === 'now' ? 1 : 0, BIG);
      const tP = truthOf(truthRow(truth.byProvince, pr.code), y);
      const w = sys.unknown(tag(`no salary in ${pr.code}`), tn < 0 ? -1 : tP - tn, 0, BIG);
      sys.eq([[1, q], [-1, n], [-1, w]]);
      nQ.push(n);
    }
    const overall = y === 'now' ? published.salary.overall : published.salary.overall.previous;
    const tN = (y === 'now' ? truth.salary.overall.n : truth.salary.overall.previous?.n) ?? -1;
    const N = overall?.n != null ? { c: overall.n } : sys.unknown(tag('salaries'), tN, overall && !overall.suppressed && overall.q1 !== null ? k : 0, BIG);
    sys.eq([[1, N], ...nQ.map((q) => [-1, q] as [number, Q])]);
    const tEmployed = (y === 'now' ? truth.outcomes.employed.count : truth.outcomes.employed.previousCount) as number;
    const W = sys.unknown(tag('no salary'), tN < 0 ? -1 : tEmployed - tN, 0, BIG);
    sys.eq([[1, E], [-1, N], [-1, W]]);
  }

  // Year-on-year changes of counts.
  if (published.previousYear !== null) {
    const change = (key: string, d: number | null) => {
      if (d !== null && qs.now[key] && qs.previous[key]) sys.eq([[1, qs.now[key]], [-1, qs.previous[key]]], d);
    };
    change('headcount', published.headcount.countChange);
    for (const o of ['employed', 'furtherStudy', 'notEmployed'] as const) change(o, published.outcomes[o].countChange);
    for (const [what, rows] of [['province', published.byProvince], ['city', published.byCity], ['employer', published.employerTypes]] as const) {
      for (const r of rows) change(`${what} ${r.code}`, r.countChange);
    }
  }

  const consistent = sys.solve();
  const determined = (x: Unknown) => x.hi - x.lo < 1;
  return {
    unknowns: sys.u,
    consistent,
    determinedCells: sys.u.filter((x) => x.kind === 'cell' && determined(x)),
    determinedSmall: sys.u.filter((x) => x.truth >= 1 && x.truth < k && determined(x)),
  };
}
