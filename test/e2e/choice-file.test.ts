/**
 * `talentflow fit choice --data FILE` is a thin adapter over the application layer's choice-file
 * operation (src/app/fit/choice-file.ts): the CLI's --json and the library call give the same
 * result (coefficients, SEs, log-likelihood, WTP, elasticities: equal to 1e-12) on Greene's
 * TravelMode (../shared/data/travelmode, the data the reference suite checks against R clogit;
 * skipped when absent) and on a simulated nested-logit file with clusters (always). The flags of
 * the other form are refused instead of silently ignored, and bad input is a user error from
 * the shared schema.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChoiceFileFit, type ChoiceFileInput } from '../../src/app/fit/choice-file.ts';
import { SpecError } from '../../src/core/errors.ts';
import { simulateChoices } from '../../src/models/logit/index.ts';
import { assertChinese } from '../helpers/chinese.ts';
import { runCli } from '../helpers/cli.ts';

const TRAVELMODE = fileURLToPath(new URL('../../../shared/data/travelmode/travelmode.csv', import.meta.url));
let dir = '';
before(() => { dir = mkdtempSync(join(tmpdir(), 'talentflow-choice-file-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

/** The same fit through the CLI (its --json) and through the operation. */
interface Answer { coefficients: Record<string, number>; fileCases: number; fileRows: number; vcovType: string; wtp: { unit: string } }

async function both(args: string[], input: ChoiceFileInput): Promise<{ cli: unknown; lib: Answer }> {
  const r = runCli(dir, ['fit', 'choice', ...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return { cli: JSON.parse(r.stdout), lib: JSON.parse(JSON.stringify(await runChoiceFileFit(input))) };
}

/** Every number of the two answers equal to 1e-12 (relative), everything else equal (fitSeconds aside). */
function assertSameResult(cli: unknown, lib: unknown, path = ''): void {
  if (typeof lib === 'number' && typeof cli === 'number') {
    assert.ok(Math.abs(cli - lib) <= 1e-12 * Math.max(1, Math.abs(lib)), `${path}: CLI ${cli}, library ${lib}`);
  } else if (lib !== null && typeof lib === 'object') {
    assert.ok(cli !== null && typeof cli === 'object', `${path}: CLI ${JSON.stringify(cli)}`);
    const keys = Object.keys(lib).filter((k) => !/Seconds$/.test(k));
    assert.deepEqual(Object.keys(cli as object).filter((k) => !/Seconds$/.test(k)), keys, path);
    for (const k of keys) assertSameResult((cli as Record<string, unknown>)[k], (lib as Record<string, unknown>)[k], `${path}.${k}`);
  } else assert.deepEqual(cli, lib, path);
}

test('TravelMode: CLI --json = the library operation, both Greene\'s Table 21.11 model as R clogit fits it (1e-8)', { skip: existsSync(TRAVELMODE) ? false : `${TRAVELMODE} not found` }, async () => {
  // The columns a user adds for Greene's model: chosen as 0/1, constants of air, train and bus
  // (car the reference), income x air.
  const rows = readFileSync(TRAVELMODE, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map((x) => x.replace(/^"|"$/g, '')));
  const file = join(dir, 'travelmode.csv');
  writeFileSync(file, ['individual,mode,chosen,gcost,wait,asc_air,asc_train,asc_bus,hinc_air',
    ...rows.map((r) => [r[0], r[1], r[2] === 'yes' ? 1 : 0, r[6], r[3], +(r[1] === 'air'), +(r[1] === 'train'), +(r[1] === 'bus'), r[1] === 'air' ? r[7] : 0].join(','))].join('\n') + '\n');
  const vars = ['gcost', 'wait', 'asc_air', 'hinc_air', 'asc_train', 'asc_bus'];
  const { cli, lib } = await both(
    ['--data', file, '--case', 'individual', '--alternative', 'mode', '--choice', 'chosen', '--vars', vars.join(','), '--vcov', 'robust', '--money', 'gcost', '--money-unit', 'dollars'],
    { path: file, case: 'individual', alternative: 'mode', choice: 'chosen', vars, vcov: 'robust', money: { term: 'gcost', unit: 'dollars', scale: 1 } });
  assert.deepEqual(Object.keys(lib.coefficients), vars);
  assert.equal(lib.fileCases, 210);
  assert.equal(lib.fileRows, 840);
  assert.equal(lib.vcovType, 'robust');
  assert.equal(lib.wtp.unit, 'dollars');
  // R 4.2.2 survival::clogit(method = "exact"), 10 digits (test/reference/logit-travelmode.test.ts).
  const clogit: Record<string, number> = { asc_air: 5.2074432986, asc_train: 3.8690427015, asc_bus: 3.1631942119, gcost: -0.0155015253, wait: -0.0961247961, hinc_air: 0.0132870263 };
  for (const [t, want] of Object.entries(clogit)) assert.ok(Math.abs(lib.coefficients[t] - want) <= 1e-8 * Math.abs(want), `${t}: ${lib.coefficients[t]} against clogit ${want}`);
  assertSameResult(cli, lib);
});

/** A simulated travel-mode choice file (car, bus, train, air; time and cost; a cluster column grp) in the test's folder. */
function modesFile(name: string, nCases: number, seed: number, clusters: number): string {
  const sim = simulateChoices({ nCases, nAlternatives: 4, coefficients: { time: -1, cost: -0.5 }, seed, clusters }).data;
  const modes = ['car', 'bus', 'train', 'air'];
  const lines = ['id,mode,chosen,time,cost,grp'];
  for (let r = 0; r < sim.caseIndex.length; r++) {
    lines.push([`p${sim.caseIndex[r]}`, modes[sim.altIndex[r]], sim.chosen[r], sim.columns.time[r], sim.columns.cost[r], `g${sim.cluster![sim.caseIndex[r]]}`].join(','));
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('simulated nested logit with clusters: CLI --json = the library operation; the text summary prints', async () => {
  const file = modesFile('modes.csv', 400, 21, 40);
  const { cli, lib } = await both(
    ['--data', file, '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time,cost', '--cluster', 'grp', '--nests', 'ground=car+bus+train'],
    { path: file, case: 'id', alternative: 'mode', choice: 'chosen', vars: ['time', 'cost'], cluster: 'grp', nests: [{ name: 'ground', alternatives: ['car', 'bus', 'train'] }] });
  assert.equal(lib.vcovType, 'clustered');
  assert.ok('lambda_ground' in lib.coefficients, Object.keys(lib.coefficients).join(', '));
  assertSameResult(cli, lib);
  const text = runCli(dir, ['fit', 'choice', '--data', file, '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time,cost']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /time/);
});

test('--data refuses the flags of --persons (--save would save nothing) and --persons the file\'s; the schema names the field', async () => {
  const base = ['fit', 'choice', '--data', 'x.csv', '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time'];
  const save = runCli(dir, [...base, '--save', 'm']);
  assert.equal(save.code, 1, save.stderr);
  assert.match(save.stderr, /--save applies to --persons .*not --data \(a file fit is not saved in the workspace\)/);
  const several = runCli(dir, [...base, '--level', 'city', '--alternative-vars', 'income']);
  assert.equal(several.code, 1, several.stderr);
  assert.match(several.stderr, /--level, --alternative-vars apply to --persons/);
  const both = runCli(dir, [...base, '--persons']);
  assert.match(both.stderr, /--persons and --data are two forms: give one/);
  const fileFlag = runCli(dir, ['fit', 'choice', '--persons', '--vars', 'time', '-w', join(dir, 'none.duckdb')]);
  assert.equal(fileFlag.code, 1, fileFlag.stderr);
  assert.match(fileFlag.stderr, /--vars applies to --data FILE/);
  const money = runCli(dir, [...base, '--money', 'cost']);
  assert.equal(money.code, 1, money.stderr);
  assert.match(money.stderr, /money\.term: "cost" is not one of the vars \(time\)/);
  await assert.rejects(runChoiceFileFit({ path: 'x.csv', case: 'id', alternative: 'mode', choice: 'chosen', vars: ['time'], vcov: 'clustered' }),
    (e: unknown) => e instanceof SpecError && e.field === 'vcov' && /need a cluster column/.test(e.message));
  await assert.rejects(runChoiceFileFit({ path: 'x.csv', case: 'id', alternative: 'mode', choice: 'chosen', vars: [] }),
    (e: unknown) => e instanceof SpecError && e.field === 'vars');
});

test('--lang zh: a choice file\'s notes and stop reason, a nest the file lacks and a flag of the other form read in Chinese', () => {
  const file = modesFile('modes-zh.csv', 300, 22, 8);
  const base = ['fit', 'choice', '--data', file, '--case', 'id', '--alternative', 'mode', '--choice', 'chosen', '--vars', 'time,cost', '--lang', 'zh'];
  const r = runCli(dir, [...base, '--cluster', 'grp']);
  assert.equal(r.code, 0, r.stderr);
  const said = r.stdout.split('\n').filter((l) => /^(迭代|说明：)/.test(l));
  assert.ok(said.some((l) => /^说明：300 个个案，1,200 行，4 个备选项（car、bus、train、air），8 个聚类$/.test(l)), r.stdout);
  assert.ok(said.some((l) => /^迭代 \d+ 次，已收敛（\d+ 次迭代后牛顿减量/.test(l)), r.stdout);
  assertChinese(said, 'choice file summary');
  const nest = runCli(dir, [...base, '--nests', 'ground=car+boat']);
  assert.equal(nest.code, 1);
  assert.equal(nest.stderr.trim(), '错误：nests[0]：数据中没有备选项 "boat"（已有备选项：car、bus、train、air）');
  const save = runCli(dir, [...base, '--save', 'm']);
  assert.equal(save.code, 1);
  assert.equal(save.stderr.trim(), '错误：--save 只适用于 --persons（工作区的毕业生记录），不适用于 --data（用文件拟合的模型不会保存到工作区）');
  assertChinese([nest.stderr.trim(), save.stderr.trim()], 'choice fit errors');
});
