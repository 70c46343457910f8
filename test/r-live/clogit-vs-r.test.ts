/**
 * Live comparison with R's survival::clogit on simulated choice data of several shapes (sizes,
 * numbers of alternatives, availability, discrete attributes, mixed scales, clusters): every
 * coefficient and its classical standard error against
 *   clogit(ch ~ x1 + ... + strata(case), method = "exact")
 * and the clustered one against
 *   clogit(ch ~ x1 + ... + strata(case) + cluster(cl), method = "approximate")
 * (clogit refuses cluster() with the exact method; with one chosen row per case Breslow's
 * likelihood is the same conditional likelihood), whose robust variance coxph computes without a
 * small-sample factor: our clusterAdjustment 'none' (the default). With cluster(case) it is our
 * per-person robust sandwich. All to relative 1e-6, with coxph.control(eps = 1e-14) so R's
 * estimates are converged that far. Skips with a message when Rscript or survival is missing
 * (CI installs r-base-core and r-cran-survival).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitConditionalLogit } from '../../src/models/logit/conditional-logit.ts';
import { simulateChoices } from '../../src/models/logit/simulate.ts';
import type { ChoiceData } from '../../src/models/logit/types.ts';

const hasR = spawnSync('Rscript', ['-e', 'library(survival)'], { encoding: 'utf8' }).status === 0;

interface Shape {
  name: string;
  data: ChoiceData;
  terms: string[];
}

function shapes(): Shape[] {
  const scaled = simulateChoices({ nCases: 700, nAlternatives: 6, coefficients: { income: 0.8, dist: -1.2, home: 0.5 }, seed: 205, clusters: 30 }).data;
  // Mixed scales: income in yuan, distance in km.
  const mixed: ChoiceData = { ...scaled, columns: { income: scaled.columns.income.map((x) => 8000 + 2000 * x), dist: scaled.columns.dist.map((x) => 500 + 300 * x), home: scaled.columns.home.map((x) => (x > 0.8 ? 1 : 0)) } };
  return [
    { name: '500 cases x 4 alternatives, 3 terms', data: simulateChoices({ nCases: 500, nAlternatives: 4, coefficients: { x1: 1, x2: -0.5, x3: 0.2 }, seed: 201, clusters: 20 }).data, terms: ['x1', 'x2', 'x3'] },
    { name: '800 cases x 10 alternatives, 60% available, 4 terms', data: simulateChoices({ nCases: 800, nAlternatives: 10, coefficients: { a: 0.7, b: -0.3, c: 0.1, d: 1.5 }, seed: 202, availability: 0.6, clusters: 25 }).data, terms: ['a', 'b', 'c', 'd'] },
    { name: '300 cases x 3 alternatives, 3-level attributes', data: simulateChoices({ nCases: 300, nAlternatives: 3, coefficients: { x1: 0.9, x2: -0.8 }, seed: 203, levels: 3, clusters: 12 }).data, terms: ['x1', 'x2'] },
    { name: '2000 cases x 20 alternatives, 5 terms', data: simulateChoices({ nCases: 2000, nAlternatives: 20, coefficients: { x1: 1, x2: -1, x3: 0.5, x4: -0.25, x5: 0.1 }, seed: 204, clusters: 60 }).data, terms: ['x1', 'x2', 'x3', 'x4', 'x5'] },
    { name: '700 cases x 6 alternatives, yuan / km / 0-1 scales', data: mixed, terms: ['income', 'dist', 'home'] },
  ];
}

function toCsv(s: Shape): string {
  const lines = [['case', 'alt', 'ch', 'cl', ...s.terms].join(',')];
  for (let r = 0; r < s.data.caseIndex.length; r++) {
    const c = s.data.caseIndex[r];
    lines.push([c, s.data.altIndex[r], s.data.chosen[r], s.data.cluster![c], ...s.terms.map((t) => s.data.columns[t][r].toPrecision(17))].join(','));
  }
  return lines.join('\n') + '\n';
}

test('conditional logit agrees with R survival::clogit on simulated shapes: estimates, classical, robust and clustered SEs to rel 1e-6', (t) => {
  if (!hasR) {
    t.skip('Rscript with the survival package not found: apt-get install -y r-base-core r-cran-survival');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tf-clogit-r-'));
  try {
    const all = shapes();
    const script = [
      'suppressMessages(library(survival)); out <- c(); ctl <- coxph.control(eps = 1e-14, iter.max = 100)',
      ...all.map((s, i) => {
        const rhs = s.terms.join(' + ');
        return `
d <- read.csv("${join(dir, `shape${i}.csv`)}")
m <- clogit(ch ~ ${rhs} + strata(case), data = d, method = "exact", control = ctl)
mc <- clogit(ch ~ ${rhs} + strata(case) + cluster(cl), data = d, method = "approximate", control = ctl)
mr <- clogit(ch ~ ${rhs} + strata(case) + cluster(case), data = d, method = "approximate", control = ctl)
for (nm in names(coef(m))) out <- c(out, sprintf("${i}\\t%s\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\t%.17g", nm, coef(m)[nm], sqrt(vcov(m)[nm, nm]), sqrt(vcov(mc)[nm, nm]), sqrt(vcov(mr)[nm, nm]), coef(mc)[nm], m$loglik[2]))`;
      }),
      'writeLines(out)',
    ].join('\n');
    all.forEach((s, i) => writeFileSync(join(dir, `shape${i}.csv`), toCsv(s)));
    writeFileSync(join(dir, 'fit.R'), script);
    const r = spawnSync('Rscript', [join(dir, 'fit.R')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, `Rscript failed: ${r.stderr}`);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    const worst = { coef: 0, se: 0, clustered: 0, robust: 0, ll: 0 };
    all.forEach((s, i) => {
      const m = fitConditionalLogit(s.data, { terms: s.terms });
      const expected = rows.filter((x) => x[0] === String(i));
      assert.deepEqual(expected.map((x) => x[1]), s.terms, `${s.name}: R terms`);
      expected.forEach(([, name, coef, se, cl, rob, coefBreslow, ll]) => {
        const check = (got: number, want: number, what: keyof typeof worst): void => {
          const rel = Math.abs(got - want) / Math.abs(want);
          worst[what] = Math.max(worst[what], rel);
          assert.ok(rel <= 1e-6, `${s.name}: ${what} of ${name} = ${got}, R ${want}, rel ${rel.toExponential(2)}`);
        };
        check(m.coefficients[name], Number(coef), 'coef');
        check(m.coefficients[name], Number(coefBreslow), 'coef');
        check(m.standardErrors[name], Number(se), 'se');
        check(m.clusteredStandardErrors![name], Number(cl), 'clustered');
        check(m.robustStandardErrors[name], Number(rob), 'robust');
        check(m.logLikelihood, Number(ll), 'll');
      });
    });
    console.log(`# worst rel. diff vs clogit: coef ${worst.coef.toExponential(2)}, SE ${worst.se.toExponential(2)}, clustered SE ${worst.clustered.toExponential(2)}, robust SE ${worst.robust.toExponential(2)}, LL ${worst.ll.toExponential(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
