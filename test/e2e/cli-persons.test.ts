// Persons on the terminal (issue 12: "persons show as 113,435.33"): the demo's estimated flows
// carry fractions, and the CLI's tables print them as whole persons; --json keeps full precision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoSuite, runCli } from '../helpers/cli.ts';

const demo = demoSuite('talentflow-cli-persons-');
const GROUPED_DECIMALS = /\d{1,3}(?:,\d{3})+\.\d+/;

test('measures net and summary print whole persons for estimated flows; --json keeps the fractions', () => {
  for (const m of ['net', 'summary', 'gross']) {
    const r = runCli(demo.dir, ['measures', m, '--level', 'province', '--within', 'CN', '--period', '2000-2010', '-w', demo.workspace]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, GROUPED_DECIMALS, `${m}: ${r.stdout.match(GROUPED_DECIMALS)?.[0]}`);
  }
  const table = runCli(demo.dir, ['measures', 'net', '--level', 'province', '--within', 'CN', '--period', '2000-2010', '-w', demo.workspace]).stdout;
  const json = JSON.parse(runCli(demo.dir, ['measures', 'net', '--level', 'province', '--within', 'CN', '--period', '2000-2010', '--json', '-w', demo.workspace]).stdout) as { rows: { code: string; net: number }[] };
  const beijing = json.rows.find((r) => r.code === '110000')!.net;
  assert.ok(!Number.isInteger(beijing), 'the library keeps full precision');
  assert.match(table, new RegExp(`110000 .* ${Math.round(beijing).toLocaleString('en-US')}\\n`));
});

test('flows prints counts as whole persons', () => {
  const r = runCli(demo.dir, ['flows', '--origin', '210000', '--period', '2000-2010', '--level', 'province', '-w', demo.workspace]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /110000/);
  assert.doesNotMatch(r.stdout, GROUPED_DECIMALS);
});
