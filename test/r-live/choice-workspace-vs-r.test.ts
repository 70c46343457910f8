/**
 * Live comparison with R's survival::clogit of a choice model built from a workspace
 * (src/store/choice/test-fixtures.ts: bundled NBS indicators, 1,200 graduate records): the
 * choice set is written one case per person as a long CSV, and
 *   clogit(ch ~ x1 + ... + strata(case), method = "exact")                         classical SEs
 *   clogit(ch ~ x1 + ... + strata(case) + cluster(cl), method = "approximate")      clustered SEs
 * must give the estimates, log-likelihood and SEs of fitWorkspaceChoiceModel (aggregated
 * situations, cluster university) and of fitChoiceFile on that CSV (`talentflow fit choice
 * --data`), to relative 1e-6. Skips with a message when Rscript or survival is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChoiceSet } from '../../src/store/choice/choice-set.ts';
import { fitChoiceFile } from '../../src/store/choice/choice-file.ts';
import { fitWorkspaceChoiceModel } from '../../src/store/choice/fit-choice.ts';
import type { ChoiceSpecInput } from '../../src/store/choice/spec.ts';
import { choiceWorkspace, perPerson } from '../../src/store/choice/test-fixtures.ts';

const hasR = spawnSync('Rscript', ['-e', 'library(survival)'], { encoding: 'utf8' }).status === 0;

test('a workspace choice model agrees with R survival::clogit on its persons: estimates, LL, classical and clustered SEs to rel 1e-6', async (t) => {
  if (!hasR) {
    t.skip('Rscript with the survival package not found: apt-get install -y r-base-core r-cran-survival');
    return;
  }
  const w = await choiceWorkspace();
  try {
    // Clustered SEs against R with 40 clusters of persons (case mod 40), through the file form: the
    // fixture's 2 universities are too few clusters for 5 coefficients and are refused (G <= K).
    const spec: ChoiceSpecInput = { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home', 'is_home', 'is_study'] };
    const set = await buildChoiceSet(w.ws, spec);
    const d = perPerson(set.data);
    const xs = set.terms.map((_, i) => `x${i + 1}`);
    const lines = [['case', 'alt', 'ch', 'cl', ...xs].join(',')];
    for (let r = 0; r < d.caseIndex.length; r++) {
      const c = d.caseIndex[r];
      lines.push([c, set.alternatives[d.altIndex[r]], d.chosen[r], c % 40, ...set.terms.map((term) => d.columns[term][r].toPrecision(17))].join(','));
    }
    const csv = join(w.dir, 'persons-long.csv');
    writeFileSync(csv, lines.join('\n') + '\n');
    const rhs = xs.join(' + ');
    writeFileSync(join(w.dir, 'fit.R'), `suppressMessages(library(survival)); ctl <- coxph.control(eps = 1e-14, iter.max = 100)
d <- read.csv("${csv}")
m <- clogit(ch ~ ${rhs} + strata(case), data = d, method = "exact", control = ctl)
mc <- clogit(ch ~ ${rhs} + strata(case) + cluster(cl), data = d, method = "approximate", control = ctl)
for (nm in names(coef(m))) cat(sprintf("%s\\t%.17g\\t%.17g\\t%.17g\\t%.17g\\n", nm, coef(m)[nm], sqrt(vcov(m)[nm, nm]), sqrt(vcov(mc)[nm, nm]), m$loglik[2]))`);
    const r = spawnSync('Rscript', [join(w.dir, 'fit.R')], { encoding: 'utf8' });
    assert.equal(r.status, 0, `Rscript failed: ${r.stderr}`);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    const ours = await fitWorkspaceChoiceModel(w.ws, spec);
    const file = await fitChoiceFile(csv, { case: 'case', alternative: 'alt', choice: 'ch', vars: xs, cluster: 'cl' });
    let worst = 0;
    const check = (got: number, want: number, what: string): void => {
      const rel = Math.abs(got - want) / Math.abs(want);
      worst = Math.max(worst, rel);
      assert.ok(rel <= 1e-6, `${what} = ${got}, R ${want}, rel ${rel.toExponential(2)}`);
    };
    rows.forEach(([x, coef, se, cl, ll], i) => {
      const term = set.terms[i];
      assert.equal(x, xs[i]);
      check(ours.coefficients[term], Number(coef), `workspace beta ${term}`);
      check(ours.classicalStandardErrors[term], Number(se), `workspace se ${term}`);
      check(ours.logLikelihood, Number(ll), 'workspace LL');
      check(file.coefficients[x], Number(coef), `file beta ${x}`);
      check(file.classicalStandardErrors[x], Number(se), `file se ${x}`);
      check(file.clusteredStandardErrors![x], Number(cl), `file clustered se ${x}`);
    });
    console.log(`# worst rel. diff vs clogit (workspace and file): ${worst.toExponential(2)}`);
  } finally {
    w.done();
  }
});
