/**
 * Long-format choice files (R clogit's layout): read in any row order, fitted as the same data in
 * memory would be (fitConditionalLogit / fitNestedLogit on the rows as written, coefficients and
 * SEs to 1e-9 relative: merging identical situations changes nothing), clusters and nests from
 * their flags, and the errors a malformed file gets. The agreement with R's survival::clogit is
 * test/r-live/choice-file-vs-r.test.ts.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitConditionalLogit, fitNestedLogit, simulateChoices } from '../../models/logit/index.ts';
import { assertChinese } from '../../../test/helpers/chinese.ts';
import { InputError, SpecError } from '../../core/errors.ts';
import { messageIn } from '../../core/messages/zh.ts';
import { fitChoiceFile, parseNests } from './choice-file.ts';

let dir: string;
before(() => (dir = mkdtempSync(join(tmpdir(), 'talentflow-choice-file-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
const sim = simulateChoices({ nCases: 400, nAlternatives: 5, coefficients: { income: 0.8, dist: -1 }, seed: 77, clusters: 12, levels: 2 }).data;

function write(name: string, reverse = false): string {
  const lines = ['person,city,chosen,income,dist,school'];
  const rows = [...sim.caseIndex.keys()];
  if (reverse) rows.reverse();
  for (const r of rows) {
    const c = sim.caseIndex[r];
    lines.push([`p${c}`, `c${sim.altIndex[r]}`, sim.chosen[r], sim.columns.income[r], sim.columns.dist[r], `s${sim.cluster![c]}`].join(','));
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('a file in any row order gives the in-memory fit, with clustered SEs from --cluster', async () => {
  const file = write('choices.csv', true);
  const r = await fitChoiceFile(file, { case: 'person', alternative: 'city', choice: 'chosen', vars: ['income', 'dist'], cluster: 'school' });
  const m = fitConditionalLogit(sim, { terms: ['income', 'dist'], vcov: 'clustered' });
  assert.equal(r.fileCases, 400);
  assert.equal(r.nPersons, 400);
  assert.equal(r.vcovType, 'clustered');
  assert.equal(r.nClusters, 12);
  close(r.logLikelihood, m.logLikelihood, 'LL');
  for (const t of ['income', 'dist']) {
    close(r.coefficients[t], m.coefficients[t], `beta ${t}`);
    close(r.standardErrors[t], m.standardErrors[t], `se ${t}`);
    close(r.classicalStandardErrors[t], m.classicalStandardErrors[t], `classical se ${t}`);
  }
  assert.equal(r.kind, 'estimated');
});

test('--nests NAME=a+b fits the nested logit on the labels', async () => {
  const file = write('nested.csv');
  const nests = parseNests('near=c0+c1, far=c2+c3+c4');
  assert.deepEqual(nests, [{ name: 'near', alternatives: ['c0', 'c1'] }, { name: 'far', alternatives: ['c2', 'c3', 'c4'] }]);
  const r = await fitChoiceFile(file, { case: 'person', alternative: 'city', choice: 'chosen', vars: ['income', 'dist'], nests });
  const labelled = { ...sim, alternatives: ['c0', 'c1', 'c2', 'c3', 'c4'] };
  const m = fitNestedLogit(labelled, { terms: ['income', 'dist'], nests });
  for (const t of m.terms) close(r.coefficients[t], m.coefficients[t], `${t}`);
  assert.throws(() => parseNests('near:c0+c1'), /"near:c0\+c1" is not NAME=alt1\+alt2/);
});

test('a case with an alternative twice, or a missing column, is an InputError naming it', async () => {
  const file = join(dir, 'bad.csv');
  writeFileSync(file, 'case,alt,ch,x\n1,a,1,0.5\n1,a,0,0.2\n1,b,0,0.1\n');
  await assert.rejects(fitChoiceFile(file, { case: 'case', alternative: 'alt', choice: 'ch', vars: ['x'] }), /row 2.*case "1" has alternative "a" twice/);
  await assert.rejects(fitChoiceFile(file, { case: 'case', alternative: 'alt', choice: 'ch', vars: ['y'] }), /no column "y"/);
});

test('the notes and errors of a choice file are coded: the English as before, and in Chinese', async () => {
  const file = write('coded.csv');
  const r = await fitChoiceFile(file, { case: 'person', alternative: 'city', choice: 'chosen', vars: ['income', 'dist'], cluster: 'school' });
  assert.deepEqual(r.notes, ['400 cases, 2000 rows, 5 alternatives (c0, c1, c2, c3, c4), 12 clusters', '400 cases merged into 399 distinct situations (same estimates and standard errors)']);
  assert.deepEqual(r.messages.notes.map((m) => m.code), ['choicefile.read', 'choicefile.merged']);
  assert.ok(r.messages.stopReason, 'the stop reason coded');
  const zh = [...r.messages.notes, r.messages.stopReason].map((m) => messageIn(m, 'zh'));
  assert.equal(zh[0], '400 个个案，2,000 行，5 个备选项（c0、c1、c2、c3、c4），12 个聚类');
  assertChinese(zh, 'choice file notes');
  const twice = join(dir, 'twice.csv');
  writeFileSync(twice, 'person,city,chosen,income\np1,a,1,1\np1,a,0,2\np1,b,0,3\n');
  await assert.rejects(fitChoiceFile(twice, { case: 'person', alternative: 'city', choice: 'chosen', vars: ['income'] }), (e: unknown) => {
    assert.ok(e instanceof InputError && e.text?.code === 'choicefile.alternativeTwice', String(e));
    assert.equal(e.reason, 'case "p1" has alternative "a" twice');
    assertChinese([messageIn({ ...e.text, message: e.reason }, 'zh')], 'alternative twice');
    return true;
  });
  assert.throws(() => parseNests('land:car+bus'), (e: unknown) => e instanceof SpecError && e.message === 'nests: "land:car+bus" is not NAME=alt1+alt2' && e.text?.code === 'choicefile.notNest');
});
