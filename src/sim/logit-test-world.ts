import { fitConditionalLogit, fitNestedLogit, type ChoiceData, type LogitResult } from '../models/logit/index.ts';
import { createRng } from '../numeric/index.ts';
import type { LogitChoiceInput, LogitPersonGroup } from './logit-choice.ts';

/**
 * A small synthetic world for the logit adapter's tests: 8 regions on a 2,000 km square with
 * incomes, graduates of two universities (regions 0 and 1) with homes anywhere and a degree, and
 * destinations drawn from a known conditional logit (ln income 1.5, master x ln income 0.5,
 * distance from home -0.3 per 100 km, home 2, study region 0.5), or from a nested logit whose
 * home region stands alone and every other region is in nest 'rest' (lambda 0.6). The data are
 * one case per situation (study, home, degree) with counts, as the workspace builds them.
 */
export interface LogitWorld {
  readonly regions: string[];
  readonly income: Float64Array;
  /** 100 km, row-major. */
  readonly distance: Float64Array;
  readonly data: ChoiceData;
  /** Per case: origin (study region), home, degree. */
  readonly cases: { study: number; home: number; degree: string; persons: number }[];
  readonly result: LogitResult;
  /** The adapter's input for the fitted model (groups = the cases, weighted by persons). */
  readonly input: LogitChoiceInput;
}

export const TRUE_LOGIT = { log_income: 1.5, 'degree[master]:log_income': 0.5, distance_home: -0.3, is_home: 2, is_study: 0.5 } as const;

export function logitWorld(options: { persons?: number; seed?: number; homeRest?: boolean } = {}): LogitWorld {
  const n = 8;
  const rng = createRng(options.seed ?? 11);
  const regions = Array.from({ length: n }, (_, i) => `R${i}`);
  const x = Float64Array.from({ length: n }, () => rng.uniform() * 20);
  const y = Float64Array.from({ length: n }, () => rng.uniform() * 20);
  const income = Float64Array.from({ length: n }, () => 20000 + rng.uniform() * 40000);
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) distance[i * n + j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
  const b = TRUE_LOGIT;
  const lambda = options.homeRest ? 0.6 : 1;
  const utility = (study: number, home: number, degree: string, j: number) =>
    (b.log_income + (degree === 'master' ? b['degree[master]:log_income'] : 0)) * Math.log(income[j]) + b.distance_home * distance[home * n + j] + b.is_home * (j === home ? 1 : 0) + b.is_study * (j === study ? 1 : 0);
  const counts = new Map<string, { study: number; home: number; degree: string; chosen: Float64Array }>();
  for (let k = 0; k < (options.persons ?? 4000); k++) {
    const study = rng.uniform() < 0.6 ? 0 : 1;
    const home = rng.uniform() < 0.4 ? study : rng.int(n);
    const degree = rng.uniform() < 0.4 ? 'master' : 'bachelor';
    // Nested: home alone, the rest in one nest; P(rest) from its log-sum.
    const v = Array.from({ length: n }, (_, j) => utility(study, home, degree, j));
    const rest = Math.log(v.reduce((s, u, j) => (j === home ? s : s + Math.exp(u / lambda)), 0));
    const pHome = Math.exp(v[home]) / (Math.exp(v[home]) + Math.exp(lambda * rest));
    const w = v.map((u, j) => (j === home ? pHome : (1 - pHome) * Math.exp(u / lambda - rest)));
    let u = rng.uniform();
    let j = 0;
    while (j < n - 1 && (u -= w[j]) > 0) j++;
    const key = `${study}|${home}|${degree}`;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { study, home, degree, chosen: new Float64Array(n) }));
    c.chosen[j]++;
  }
  const cases = [...counts.values()].sort((a, b2) => a.study - b2.study || a.home - b2.home || (a.degree < b2.degree ? -1 : 1));
  // Home-rest data: label 0 = 'home' (the case's home region), labels 1..n = regions 0..n-1 elsewhere.
  const labels = options.homeRest ? ['home', ...regions] : regions;
  const caseIndex: number[] = [];
  const altIndex: number[] = [];
  const chosen: number[] = [];
  const cols: Record<string, number[]> = { log_income: [], 'degree[master]:log_income': [], distance_home: [], is_home: [], is_study: [] };
  cases.forEach((c, ci) => {
    const order = options.homeRest ? [c.home, ...regions.keys()].filter((j, k) => k === 0 || j !== c.home) : [...regions.keys()];
    for (const j of order) {
      caseIndex.push(ci);
      altIndex.push(options.homeRest ? (j === c.home ? 0 : j + 1) : j);
      chosen.push(c.chosen[j]);
      cols.log_income.push(Math.log(income[j]));
      cols['degree[master]:log_income'].push(c.degree === 'master' ? Math.log(income[j]) : 0);
      cols.distance_home.push(distance[c.home * n + j]);
      cols.is_home.push(j === c.home ? 1 : 0);
      cols.is_study.push(j === c.study ? 1 : 0);
    }
  });
  const data: ChoiceData = {
    nCases: cases.length, caseIndex: Int32Array.from(caseIndex), altIndex: Int32Array.from(altIndex), chosen: Float64Array.from(chosen),
    columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, Float64Array.from(v)])), alternatives: labels,
  };
  const terms = Object.keys(cols);
  const result = options.homeRest
    ? fitNestedLogit(data, { terms, nests: [{ name: 'rest', alternatives: regions }] })
    : fitConditionalLogit(data, { terms });
  const groups: LogitPersonGroup[][] = regions.map(() => []);
  for (const c of cases) groups[c.study].push({ home: c.home, study: c.study, weight: c.chosen.reduce((s, v) => s + v, 0), categories: { degree: c.degree } });
  const input: LogitChoiceInput = {
    result, regions,
    terms: [
      { term: 'log_income', of: 'income' },
      { term: 'degree[master]:log_income', of: 'income', when: { attribute: 'degree', category: 'master' } },
      { term: 'distance_home', of: 'distance_home' },
      { term: 'is_home', of: 'is_home' },
      { term: 'is_study', of: 'is_study' },
    ],
    attributes: { income: { transform: 'log', values: income } },
    distance, groups,
    ...(options.homeRest ? { nests: [{ term: 'lambda_rest', members: new Uint8Array(n).fill(1) }], homeAlone: true } : {}),
  };
  return { regions, income, distance, data, cases: cases.map((c) => ({ study: c.study, home: c.home, degree: c.degree, persons: c.chosen.reduce((s, v) => s + v, 0) })), result, input };
}
