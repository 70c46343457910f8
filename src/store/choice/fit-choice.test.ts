/**
 * Fitting choice models on a workspace (test-fixtures.ts). Numerical checks and what they match:
 * - aggregated situations vs one case per person: the same likelihood, so coefficients, LL and
 *   classical / robust / clustered standard errors agree to 1e-8 relative (fitConditionalLogit on
 *   a person-level expansion built here);
 * - sampling every alternative (size = 31, uniform): McFadden's correction is 0 and the sets are
 *   the full ones, so the estimates equal the full fit's to 1e-8; importance-sampled estimates
 *   (size 8) lie within 4 standard errors of the full ones (consistency, not equality);
 * - WTP: beta_k / beta_money x 1/12 (income in yuan a year, identity) and x mean income / 12
 *   (logged income), the ratios the spec's definition states, to 1e-12;
 * - predicted persons sum to the persons fitted (1e-9); holdout counts are the held year's persons.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fitConditionalLogit } from '../../models/logit/index.ts';
import { loadModel } from '../models.ts';
import type { Workspace } from '../workspace.ts';
import { buildChoiceSet } from './choice-set.ts';
import { fitWorkspaceChoiceModel, type ChoiceModelResult } from './fit-choice.ts';
import type { ChoiceSpecInput } from './spec.ts';
import { choiceWorkspace, perPerson } from './test-fixtures.ts';

let ws: Workspace;
let done: () => void;
before(async () => ({ ws, done } = await choiceWorkspace()));
after(() => done());

const close = (a: number, b: number, rel: number, what: string) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('aggregated situations give the fit of one case per person (estimates, LL, classical, robust and clustered SEs)', async () => {
  const spec: ChoiceSpecInput = { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home', 'is_home', 'is_study'], interactions: ['degree:income'], cluster: 'university' };
  const built = await buildChoiceSet(ws, spec);
  // The fixture's 2 universities are too few clusters for 7 coefficients (refused: G <= K), so
  // each situation gets one of 40 clusters; its persons inherit it, as a university's would.
  const cs = { ...built, data: { ...built.data, cluster: Int32Array.from(built.data.cluster!, (_, c) => c % 40) } };
  const persons = perPerson(cs.data);
  assert.equal(persons.nCases, cs.persons);
  assert.ok(cs.cases < persons.nCases / 3, `${cs.cases} situations for ${persons.nCases} persons`);
  const agg = fitConditionalLogit(cs.data, { terms: cs.terms, vcov: 'clustered' });
  const one = fitConditionalLogit(persons, { terms: cs.terms, vcov: 'clustered' });
  close(agg.logLikelihood, one.logLikelihood, 1e-10, 'LL');
  for (const t of cs.terms) {
    close(agg.coefficients[t], one.coefficients[t], 1e-8, `beta ${t}`);
    close(agg.classicalStandardErrors[t], one.classicalStandardErrors[t], 1e-8, `classical se ${t}`);
    close(agg.robustStandardErrors[t], one.robustStandardErrors[t], 1e-8, `robust se ${t}`);
    close(agg.clusteredStandardErrors![t], one.clusteredStandardErrors![t], 1e-8, `clustered se ${t}`);
  }
});

test('sampling all 31 alternatives reproduces the full fit; importance samples of 8 stay within 4 SEs; the seed reproduces', async () => {
  const base: ChoiceSpecInput = { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home', 'is_home'] };
  const full = await fitWorkspaceChoiceModel(ws, base);
  const all = await fitWorkspaceChoiceModel(ws, { ...base, sample: { size: 31, method: 'uniform', seed: 5 } });
  for (const t of full.terms) close(all.coefficients[t], full.coefficients[t], 1e-8, `beta ${t}`);
  const a = await fitWorkspaceChoiceModel(ws, { ...base, sample: { size: 8, method: 'importance', seed: 9 } });
  const b = await fitWorkspaceChoiceModel(ws, { ...base, sample: { size: 8, method: 'importance', seed: 9 } });
  assert.deepEqual(a.coefficients, b.coefficients);
  assert.equal(a.offset, 'ln_sampling_correction');
  assert.deepEqual(a.choiceSet.sample, { size: 8, method: 'importance', seeds: [9] });
  for (const t of full.terms) assert.ok(Math.abs(a.coefficients[t] - full.coefficients[t]) < 4 * a.standardErrors[t], `${t}: ${a.coefficients[t]} vs ${full.coefficients[t]} (se ${a.standardErrors[t]})`);
  // Shares are predicted on the full choice sets, so they count every person.
  close(a.shares.byAlternative.reduce((s, x) => s + x.predicted!, 0), a.choiceSet.persons, 1e-9, 'predicted persons');
});

test('WTP in yuan a month: coefficient ratio x 1/12 (income per year), x mean income / 12 when income is logged', async () => {
  const lin = await fitWorkspaceChoiceModel(ws, { level: 'province', alternativeVars: ['income', 'temperature'], transforms: { income: 'identity' }, personTerms: ['distance_home'] });
  assert.equal(lin.wtp?.money, 'disposable_income_pc');
  assert.equal(lin.wtp?.unit, 'yuan a month');
  const d = lin.wtp!.values.find((v) => v.term === 'distance_home')!;
  close(d.value, (lin.coefficients.distance_home / lin.coefficients.disposable_income_pc) / 12, 1e-12, 'WTP distance');
  assert.ok(d.lower < d.value && d.value < d.upper);
  const log = await fitWorkspaceChoiceModel(ws, { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home'] });
  const mean = Number(/at its mean over the alternatives \(([\d.]+)\)/.exec(log.wtp!.definition)![1]);
  const t = log.wtp!.values.find((v) => v.term === 'weather_air_temperature')!;
  close(t.value, (log.coefficients.weather_air_temperature / log.coefficients.log_disposable_income_pc) * mean / 12, 1e-5, 'WTP temperature');
  assert.equal(log.elasticities[0].withRespectTo, 'disposable_income_pc');
  assert.equal(log.elasticities[1].term, 'distance_home');
});

test('holdout years: fitted on the others, hit rate and LL on the held year', async () => {
  const r = await fitWorkspaceChoiceModel(ws, { level: 'province', alternativeVars: ['income'], personTerms: ['distance_home', 'is_home'], holdout: { years: [2016] } });
  const kept = (y: number) => ws.db.one<{ n: bigint }>(`SELECT count(*) AS n FROM persons WHERE year = ? AND destination NOT IN ('further_study', 'not_employed', '810000')`, [y]).then((x) => Number(x!.n));
  assert.equal(r.nPersons, await kept(2015));
  assert.equal(r.holdout?.nPersons, await kept(2016));
  assert.ok(r.holdout!.hitRate > r.holdout!.chanceHitRate);
  assert.ok(r.holdout!.logLikelihood > r.holdout!.nullLogLikelihood);
  await assert.rejects(fitWorkspaceChoiceModel(ws, { level: 'province', alternativeVars: ['income'], holdout: { years: [2019] } }), /no selected person graduated in 2019/);
});

test('nested home-rest and outside option fit; saved as kind choice with the canonical spec; synthetic records make a synthetic result', async () => {
  const r: ChoiceModelResult = await fitWorkspaceChoiceModel(ws, { level: 'province', alternativeVars: ['income'], personTerms: ['distance_home'], nests: ['home-rest'], outside: 'option' }, { save: 'home-rest' });
  assert.equal(r.model, 'nested-logit');
  assert.ok(r.terms.includes('lambda_rest') && r.terms.includes('asc_outside'));
  // Each graduate chooses among the 31 provinces (the own one labelled 'home') and the outside
  // option: 32, not the 33 labels (the 'home' label stands for a region already counted).
  assert.deepEqual([r.choiceSet.alternatives.length, r.choiceSet.alternatives[0]], [33, 'home']);
  assert.match(r.definition, / among 32 alternatives \(regions at level province in CN, plus not employed \/ further study\), nested logit/);
  assert.equal(r.kind, 'estimated');
  assert.equal(r.dataKind, 'observed');
  const saved = await loadModel<ChoiceModelResult>(ws, 'home-rest');
  assert.equal(saved.kind, 'choice');
  assert.deepEqual((saved.spec as { alternativeVars: string[] }).alternativeVars, ['disposable_income_pc']);
  assert.equal(saved.result.logLikelihood, r.logLikelihood);
  await assert.rejects(fitWorkspaceChoiceModel(ws, { level: 'province', alternativeVars: ['income'] }, { save: 'home-rest' }), /a model named "home-rest" exists/);
  const t = await choiceWorkspace({ persons: 300, synthetic: true });
  try {
    const s = await fitWorkspaceChoiceModel(t.ws, { level: 'province', alternativeVars: ['income'], personTerms: ['is_home'] });
    assert.equal(s.kind, 'synthetic');
    assert.match(s.source, /SYNTHETIC/);
  } finally {
    t.done();
  }
});

test('clustering the fixture by its 2 universities (7 coefficients) is refused, naming the universities as the clusters', async () => {
  const spec: ChoiceSpecInput = { level: 'province', alternativeVars: ['income', 'temperature'], personTerms: ['distance_home', 'is_home', 'is_study'], interactions: ['degree:income'], cluster: 'university' };
  await assert.rejects(fitWorkspaceChoiceModel(ws, spec), /cluster: clusters by university \(the universities of the selected persons\): 2 cluster\(s\) for 7 coefficients/);
  const robust = await fitWorkspaceChoiceModel(ws, { ...spec, cluster: 'none', vcov: 'robust' });
  assert.ok(Object.values(robust.standardErrors).every((se) => se > 0));
});
