// A payment on a model without a money term (issue #12): on an own Northeast workspace (census
// registry, own provincial flows, a gravity model with destination population alone) the
// dashboard priced 1,000 yuan a month as a share of population and showed tens of millions of
// yuan per retained graduate without a word. Reproduced here with the CLI: the result must say
// that the payment acts through population, which is not money, what the model has and what to
// fit instead; and it says nothing once the payment acts through a wage.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { OWN_FLOW_YEAR, buildOwnProvinces } from '../helpers/own-provinces.ts';

let dir: string;
let ws: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'talentflow-payment-term-'));
  ws = buildOwnProvinces(dir);
}, { timeout: 240_000 });

after(() => rmSync(dir, { recursive: true, force: true }));

const tf = (args: string[]) => runCli(dir, [...args, '-w', ws]);

/** The dashboard's own document on a model: 1,000 yuan a month to Liaoning's stayers through `term`. */
function payment(model: string, term: string, change: { type: 'relative' | 'absolute'; value: number }): string {
  const file = join(dir, `${model}-${term}.json`);
  writeFileSync(file, JSON.stringify({
    name: `${model}-payment`,
    baseline: { model, period: String(OWN_FLOW_YEAR), cohort: { source: 'indicator', indicator: 'population', rate: 0.01 }, stayShare: { source: 'flows', period: String(OWN_FLOW_YEAR), population: 'population' } },
    interventions: [{ targets: ['辽宁'], term, change, startYear: OWN_FLOW_YEAR + 1, duration: 5, eligibility: ['stayers'], benefitYears: 3, cost: { rule: 'per-person-year', amount: 12000, currency: 'CNY' } }],
    horizon: { startYear: OWN_FLOW_YEAR + 1, years: 10 },
  }));
  return file;
}

const run = (file: string) => {
  const r = tf(['scenario', 'run', file, '--draws', '2', '--no-save']);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
};

test('a payment through population on a model without a money term says so, what the model has, and that the workspace has no wage to fit', () => {
  // The dashboard's lever: 1,000 a month as a share of the mean population a month (3.78 million).
  const out = run(payment('own-provinces', 'destination_population', { type: 'relative', value: 1000 / 3779161 }));
  assert.match(out, /note: the payment acts through destination_population \(population, in persons\), which is neither money nor an income: the gravity model "own-provinces" answers what a little more population would do, so the graduates retained and the cost per retained graduate do not measure a payment\. The model has no wage, income or other money term \(it has: destination_population\): fit one with a wage or income indicator \(the workspace has none: import one with talentflow import indicators\) among its destination variables/);
});

test('with a wage in the workspace the note names it; on a model with the wage it points there, and a payment through the wage has no such note', () => {
  const provinces = (JSON.parse(tf(['regions', '--level', 'province', '--within', 'CN', '--json']).stdout) as { code: string }[]).map((r) => r.code);
  const wages = join(dir, 'wages.csv');
  writeFileSync(wages, ['region,period,name,value,unit', ...provinces.map((c, i) => `${c},${OWN_FLOW_YEAR},avg_wage,${80000 + 1000 * i},yuan`)].join('\n') + '\n');
  assert.equal(tf(['import', 'indicators', wages]).code, 0);
  assert.match(run(payment('own-provinces', 'destination_population', { type: 'relative', value: 0.0003 })), /\(it has: destination_population\): fit one with one of avg_wage among its destination variables/);
  const fit = tf(['fit', 'gravity', '--period', String(OWN_FLOW_YEAR), '--within', 'CN', '--level', 'province', '--constraint', 'production', '--destination-vars', 'population,avg_wage', '--save', 'own-wage']);
  assert.equal(fit.code, 0, fit.stderr);
  assert.match(run(payment('own-wage', 'destination_population', { type: 'relative', value: 0.0003 })), /do not measure a payment\. Let the payment act through the model's destination_avg_wage instead/);
  assert.doesNotMatch(run(payment('own-wage', 'destination_avg_wage', { type: 'absolute', value: 12000 })), /acts through/);
});

test('a payment as a share of an income without a unit says that its values were taken as amounts a year; with a unit, no such note', () => {
  const provinces = (JSON.parse(tf(['regions', '--level', 'province', '--within', 'CN', '--json']).stdout) as { code: string }[]).map((r) => r.code);
  // Incomes without a unit column (and no --unit), and in yuan a month (another pattern: not collinear).
  const incomes = (name: string, unit: string | null, step: number) => {
    const file = join(dir, `${name}.csv`);
    writeFileSync(file, [`region,period,name,value${unit ? ',unit' : ''}`, ...provinces.map((c, i) => `${c},${OWN_FLOW_YEAR},${name},${6000 + 100 * ((step * i) % 31)}${unit ? `,${unit}` : ''}`)].join('\n') + '\n');
    assert.equal(tf(['import', 'indicators', file]).code, 0);
  };
  incomes('avg_income', null, 1);
  incomes('avg_income_month', '元/月', 7);
  const fit = tf(['fit', 'gravity', '--period', String(OWN_FLOW_YEAR), '--within', 'CN', '--level', 'province', '--constraint', 'production', '--destination-vars', 'population,avg_income,avg_income_month', '--save', 'own-income']);
  assert.equal(fit.code, 0, fit.stderr);
  // The dashboard's lever: 1,000 a month as a share of the mean a month (a twelfth of the values, taken as yearly).
  const out = run(payment('own-income', 'destination_avg_income', { type: 'relative', value: 1000 / (7500 / 12) }));
  assert.match(out, /note: indicator "avg_income" has no unit: a payment priced as a relative change of destination_avg_income takes its values as amounts a year \(a twelfth of them a month\), an assumption; if they are amounts a month, the change is 12 times too large/);
  assert.doesNotMatch(run(payment('own-income', 'destination_avg_income_month', { type: 'relative', value: 1000 / 7500 })), /has no unit/);
});
