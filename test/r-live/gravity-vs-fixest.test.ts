/**
 * Live comparison with R's fixest (built from source when installed, see
 * bench/gravity-vs-fixest.bench.ts): random panels with a category column and an offset are
 * written to CSV and fitted by fepois(..., glm.tol = 1e-12, fixef.tol = 1e-11) with the fixed
 * effects, clusters and small-sample corrections each new gravity option maps to; every
 * coefficient and standard error is compared at relative 1e-6, and z and p (fixest's tstat and
 * pvalue) wherever the result reports the same standard errors (its `inference`):
 *   interactions o^period + d^period with an offset, clustered by origin, fixest's default ssc;
 *   o + d + period + sector, two-way clusters, ssc(fixef.K = "full", cluster.df = "conventional");
 *   o + d + period clustered by pair, ssc(adj = FALSE) (only G / (G - 1));
 *   sector effects alone: iid and hetero vcov with the default ssc (n - 1)/(n - K) and n/(n - K).
 * Skips when Rscript or fixest is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitGravity } from '../../src/models/gravity/fit.ts';
import type { GravityData, GravitySpec } from '../../src/models/gravity/types.ts';
import { syntheticGravity, mulberry32 } from '../helpers/synthetic.ts';
import { assertClose } from '../helpers/flow-data.ts';

const hasFixest = spawnSync('Rscript', ['-e', 'library(fixest)'], { encoding: 'utf8' }).status === 0;

interface Case {
  name: string;
  spec: GravitySpec;
  /** fepois formula and arguments; `se` picks the standard errors compared. */
  formula: string;
  args: string;
  se: 'model' | 'robust' | 'clustered';
}

function panel(): GravityData {
  const p = syntheticGravity({ n: 9, seed: 211, covariates: true, constant: -3, periods: 3 });
  const u = mulberry32(7);
  // A sector per origin-destination pair (three levels), as a category column.
  const sectorOfPair = Array.from({ length: 81 }, () => Math.floor(u() * 3));
  const index = Uint32Array.from(p.origin, (o, r) => sectorOfPair[o * 9 + p.destination[r]]);
  return { ...p, offset: Float64Array.from(p.flow, (_, r) => 0.2 * Math.log(p.covariates!.origin_gdp[r])), categories: { sector: { index, levels: ['s0', 's1', 's2'] } } };
}

const CASES: Case[] = [
  {
    name: 'o^period + d^period with an offset, clustered by origin, fixest default ssc',
    spec: { constraint: 'unconstrained', decay: 'exponential', fixedEffects: ['origin^period', 'destination^period'], periodEffects: false, cluster: ['origin'], ssc: 'fixest' },
    formula: 'flow ~ cost | o^period + d^period', args: 'offset = ~off, cluster = ~o', se: 'clustered',
  },
  {
    name: 'o + d + period + sector, two-way clusters, fixef.K full, cluster.df conventional',
    spec: { constraint: 'doubly', decay: 'exponential', originTerms: ['origin_gdp'], fixedEffects: ['period', 'sector'], cluster: ['origin', 'destination'], ssc: { fixefK: 'full', clusterDf: 'conventional' } },
    formula: 'flow ~ log(origin_gdp) + cost | o + d + period + sector', args: 'offset = ~off, cluster = ~o + d, ssc = ssc(fixef.K = "full", cluster.df = "conventional")', se: 'clustered',
  },
  {
    name: 'o + d + period, clustered by pair, ssc(adj = FALSE)',
    spec: { constraint: 'unconstrained', decay: 'power', originTerms: ['origin_gdp'], fixedEffects: ['origin', 'destination', 'period'], cluster: ['pair'], ssc: { adj: false } },
    formula: 'flow ~ log(origin_gdp) + log(cost) | o + d + period', args: 'offset = ~off, cluster = ~pair, ssc = ssc(adj = FALSE)', se: 'clustered',
  },
  {
    name: 'sector effects alone, iid vcov, default ssc',
    spec: { constraint: 'unconstrained', decay: 'power', originTerms: ['origin_pop'], destinationTerms: ['dest_pop'], fixedEffects: ['sector'], periodEffects: false, cluster: [], ssc: 'fixest' },
    formula: 'flow ~ log(origin_pop) + log(dest_pop) + log(cost) | sector', args: 'offset = ~off, vcov = "iid"', se: 'model',
  },
  {
    name: 'sector effects alone, hetero vcov, default ssc',
    spec: { constraint: 'unconstrained', decay: 'power', originTerms: ['origin_pop'], destinationTerms: ['dest_pop'], fixedEffects: ['sector'], periodEffects: false, cluster: [], ssc: 'fixest' },
    formula: 'flow ~ log(origin_pop) + log(dest_pop) + log(cost) | sector', args: 'offset = ~off, vcov = "hetero"', se: 'robust',
  },
];

function toCsv(d: GravityData): string {
  const cov = Object.keys(d.covariates ?? {});
  const lines = [['o', 'd', 'pair', 'period', 'sector', 'flow', 'cost', 'off', ...cov].join(',')];
  for (let r = 0; r < d.flow.length; r++) {
    const o = d.regions[d.origin[r]];
    const de = d.regions[d.destination[r]];
    lines.push([o, de, `${o}_${de}`, d.periods![d.period![r]], d.categories!.sector.levels[d.categories!.sector.index[r]], d.flow[r], d.cost[r].toPrecision(17), d.offset![r].toPrecision(17),
      ...cov.map((k) => d.covariates![k][r].toPrecision(17))].join(','));
  }
  return lines.join('\n') + '\n';
}

test('gravity fixed effects, clusters and small-sample corrections agree with fixest::fepois to rel 1e-6', { skip: !hasFixest && 'R with fixest not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tf-gravity-fixest-'));
  try {
    const data = panel();
    writeFileSync(join(dir, 'panel.csv'), toCsv(data));
    const script = [
      'suppressPackageStartupMessages(library(fixest))',
      `d <- read.csv("${join(dir, 'panel.csv')}", stringsAsFactors = FALSE); d <- d[d$o != d$d, ]`,
      'out <- c()',
      ...CASES.map((c, i) => `m <- fepois(${c.formula}, d, ${c.args}, glm.tol = 1e-12, fixef.tol = 1e-11, notes = FALSE)
for (nm in names(coef(m))) out <- c(out, sprintf("${i}\\t%s\\t%.17g\\t%.17g\\t%.17g\\t%.17g", nm, coef(m)[[nm]], se(m)[[nm]], tstat(m)[[nm]], pvalue(m)[[nm]]))`),
      'writeLines(out)',
    ].join('\n');
    writeFileSync(join(dir, 'fit.R'), script);
    const r = spawnSync('Rscript', [join(dir, 'fit.R')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, `Rscript failed: ${r.stderr}`);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    CASES.forEach((c, i) => {
      const m = fitGravity(data, c.spec);
      const mine = rows.filter((x) => Number(x[0]) === i);
      assert.equal(mine.length, m.terms.length, `${c.name}: fixest has ${mine.length} coefficients, ours ${m.terms.length}`);
      const se = c.se === 'model' ? m.standardErrors : c.se === 'robust' ? m.robustStandardErrors : m.clusteredStandardErrors!;
      // z and p follow the SEs the result reports (inference): fixest's tstat and pvalue of the
      // same vcov (normal reference for fepois). fixest's hetero case has no counterpart there.
      if (c.se !== 'robust') assert.equal(m.inference.standardErrors, c.se, `${c.name}: inference`);
      mine.forEach(([, , b, s, z, p], j) => {
        const name = m.terms[j];
        assertClose(m.coefficients[name], Number(b), 1e-6, `${c.name}: ${name}`);
        assertClose(se[name], Number(s), 1e-6, `${c.name}: SE ${name}`);
        if (c.se === 'robust') return;
        assertClose(m.zValues[name], Number(z), 1e-6, `${c.name}: z ${name}`);
        // A relative error e in z moves p by about z^2 e.
        assertClose(m.pValues[name], Number(p), Math.max(1e-6, Number(z) ** 2 * 2e-6), `${c.name}: p ${name}`);
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
