/**
 * Greene's TravelMode (../shared/data/travelmode, not shipped): the conditional logit of Greene
 * (2003), Econometric Analysis, Table 21.11 / p. 729, car the reference alternative:
 *   U = ASC(air, train, bus) + b_gc gcost + b_wait wait + g income x (mode == air).
 * References from the README: R mlogit (15 digits, as recorded in statsmodels' DCM test results)
 * and R 4.2.2 survival::clogit(method = "exact") (10 digits); the two differ by up to 2e-6
 * relative (mlogit stops earlier), so estimates are checked to 1e-8 against clogit (its 10
 * printed digits) and 1e-5 against mlogit; standard errors to 1e-6 (clogit's and mlogit's agree
 * to 15 digits); the log-likelihood to 1e-9 relative, the ASC-only model's too, and the
 * equal-shares null exactly. Skips when the shared folder is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitConditionalLogit } from '../../src/models/logit/conditional-logit.ts';
import type { ChoiceData } from '../../src/models/logit/types.ts';

const file = fileURLToPath(new URL('../../../shared/data/travelmode/travelmode.csv', import.meta.url));
const present = existsSync(file);
const MODES = ['air', 'train', 'bus', 'car'];

function load(): ChoiceData {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  const rows = lines.map((l) => l.split(',').map((x) => x.replace(/^"|"$/g, '')));
  // individual, mode, choice, wait, vcost, travel, gcost, income, size
  const alt = rows.map((r) => MODES.indexOf(r[1]));
  const col = (f: (r: string[], a: number) => number): Float64Array => Float64Array.from(rows, (r, i) => f(r, alt[i]));
  return {
    nCases: 210,
    caseIndex: Int32Array.from(rows, (r) => Number(r[0]) - 1),
    altIndex: Int32Array.from(alt),
    chosen: Uint8Array.from(rows, (r) => (r[2] === 'yes' ? 1 : 0)),
    columns: {
      asc_air: col((_, a) => (a === 0 ? 1 : 0)),
      asc_train: col((_, a) => (a === 1 ? 1 : 0)),
      asc_bus: col((_, a) => (a === 2 ? 1 : 0)),
      gcost: col((r) => Number(r[6])),
      wait: col((r) => Number(r[3])),
      hinc_air: col((r, a) => (a === 0 ? Number(r[7]) : 0)),
    },
    alternatives: MODES,
  };
}

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

test('TravelMode conditional logit matches R clogit (1e-8), R mlogit (1e-5) and Greene\'s table; SEs to 1e-6, LL to 1e-9', { skip: present ? false : `${file} not found` }, () => {
  const data = load();
  const m = fitConditionalLogit(data, { terms: ['gcost', 'wait', 'asc_air', 'hinc_air', 'asc_train', 'asc_bus'] });
  assert.ok(m.converged, m.stopReason);
  const mlogit = {
    gcost: [-0.0155015067043374, 0.00440799307835216], wait: [-0.0961246217793847, 0.0104398465313473], asc_air: [5.20743292761953, 0.779055142508082],
    hinc_air: [0.0132870137736127, 0.0102624069997369], asc_train: [3.86903570401292, 0.443126852001293], asc_bus: [3.16319033000995, 0.450265930527341],
  };
  const clogit = { asc_air: 5.2074432986, asc_train: 3.8690427015, asc_bus: 3.1631942119, gcost: -0.0155015253, wait: -0.0961247961, hinc_air: 0.0132870263 };
  // Greene's printed table (4-5 digits; the book's GC is scaled by 10 relative to this file).
  const greene = { asc_air: 5.2074, asc_train: 3.8690, asc_bus: 3.1632, wait: -0.09612, hinc_air: 0.01329, gcost: -0.015501 };
  const worst = { mlogit: 0, clogit: 0, se: 0 };
  for (const [t, [coef, se]] of Object.entries(mlogit)) {
    const d = { mlogit: rel(m.coefficients[t], coef), clogit: rel(m.coefficients[t], clogit[t as keyof typeof clogit]), se: rel(m.standardErrors[t], se) };
    assert.ok(d.mlogit <= 1e-5 && d.clogit <= 1e-8, `${t}: ${m.coefficients[t]} vs mlogit ${coef}, clogit ${clogit[t as keyof typeof clogit]}`);
    assert.ok(d.se <= 1e-6, `${t} SE: ${m.standardErrors[t]} vs ${se} (rel ${d.se.toExponential(2)})`);
    assert.ok(rel(m.coefficients[t], greene[t as keyof typeof greene]) <= 5e-4, `${t} vs Greene's table`);
    worst.mlogit = Math.max(worst.mlogit, d.mlogit);
    worst.clogit = Math.max(worst.clogit, d.clogit);
    worst.se = Math.max(worst.se, d.se);
  }
  const dLL = rel(m.logLikelihood, -199.128368715982);
  assert.ok(dLL <= 1e-9, `LL ${m.logLikelihood}`);
  assert.ok(rel(m.nullLogLikelihood, -291.121815835178) <= 1e-12, `null LL ${m.nullLogLikelihood}`);
  assert.ok(Math.abs(m.aic - 410.2567) < 1e-4, `AIC ${m.aic}`);
  const ascOnly = fitConditionalLogit(data, { terms: ['asc_air', 'asc_train', 'asc_bus'] });
  assert.ok(rel(ascOnly.logLikelihood, -283.758768436008) <= 1e-9, `ASC-only LL ${ascOnly.logLikelihood}`);
  console.log(`# TravelMode worst rel. diff: coef vs mlogit ${worst.mlogit.toExponential(2)}, vs clogit ${worst.clogit.toExponential(2)}, SE vs mlogit ${worst.se.toExponential(2)}, LL ${dLL.toExponential(2)}`);
});
