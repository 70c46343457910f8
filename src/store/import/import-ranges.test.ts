/**
 * Implausible numbers (issue 13, Bad input): each is a user error naming file, row, column and the
 * accepted range, and nothing is written. Before, a count of 1e308 made in-flows Infinity, a
 * graduation year of 1e10 crashed on DuckDB's INT32 cast, and "1_000" was read as 1000.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../core/errors.ts';
import { chinaWorkspace, count } from '../../../test/helpers/workspace.ts';
import { importFlows } from './import-flows.ts';
import { importPersons } from './import-persons.ts';
import { importRegions } from './import-regions.ts';

const refused = (row: number, column: string, message: RegExp) => (e: unknown) =>
  e instanceof InputError && e.row === row && e.column === column && message.test(e.message) ? true : assert.fail(`got ${(e as Error).message} (row ${(e as InputError).row}, column ${(e as InputError).column})`);

test('flow counts: beyond the stated bound, beyond a double, or written with underscores', async () => {
  const t = await chinaWorkspace();
  try {
    const cases: [string, RegExp][] = [
      ['1e308', /1e\+?308 is outside the accepted range of a flow count: 0 to 10,000,000,000/],
      ['1e400', /too large to represent \(beyond ±1\.8e308\)/],
      ['1_000', /"1_000" is not a flow count/],
      ['20000000000', /outside the accepted range/],
    ];
    for (const [value, message] of cases) {
      const f = join(t.dir, `c${cases.findIndex((c) => c[0] === value)}.csv`);
      writeFileSync(f, `origin,destination,year,count\n210100,110000,2014,6\n210200,310000,2014,"${value}"\n`);
      await assert.rejects(importFlows(t.ws, f), refused(3, 'count', message));
    }
    assert.equal(await count(t.ws, 'flows'), 0);
  } finally {
    t.done();
  }
});

test('graduation years outside 1900-2100 and salaries above 10 million a month are refused', async () => {
  const t = await chinaWorkspace();
  try {
    for (const [year, salary, column, message] of [
      ['-2016', '5000', 'year', /-2016 is outside the accepted range of a graduation year: 1900 to 2100/],
      ['10000000000', '5000', 'year', /outside the accepted range of a graduation year/],
      ['2016', '1e9', 'monthly_salary', /outside the accepted range of a monthly salary: 0 to 10,000,000 a month/],
    ] as const) {
      const f = join(t.dir, `p-${column}-${year}.csv`);
      writeFileSync(f, `id,year,university,destination,monthly_salary\na1,2016,NEU,210100,6000\na2,${year},NEU,110000,${salary}\n`);
      await assert.rejects(importPersons(t.ws, f), refused(3, column, message));
    }
    assert.equal(await count(t.ws, 'persons'), 0);
  } finally {
    t.done();
  }
});

test('centroids off the globe are refused', async () => {
  const t = await chinaWorkspace();
  try {
    const f = join(t.dir, 'r.csv');
    writeFileSync(f, 'code,name_en,level,parent,centroid_lon,centroid_lat\nX1,Far,city,210000,500,40\n');
    await assert.rejects(importRegions(t.ws, f), refused(2, 'centroid_lon', /500 is outside the accepted range of a longitude: -180 to 180 degrees/));
    writeFileSync(f, 'code,name_en,level,parent,centroid_lon,centroid_lat\nX1,Far,city,210000,120,100\n');
    await assert.rejects(importRegions(t.ws, f, { replace: true }), refused(2, 'centroid_lat', /-90 to 90 degrees/));
  } finally {
    t.done();
  }
});

test('the region tree stays a tree: a cycle of parents, or a parent below its child, is refused', async () => {
  const t = await chinaWorkspace();
  try {
    const f = join(t.dir, 'cycle.csv');
    writeFileSync(f, 'code,name_en,level,parent\nQ1,A,county,Q2\nQ2,B,county,Q1\n');
    await assert.rejects(importRegions(t.ws, f), (e: unknown) => e instanceof InputError && /parents of Q1 go round in a circle \(Q1 -> Q2 -> Q1\)/.test(e.message) && e.row === 2);
    writeFileSync(f, 'code,name_en,level,parent\nQ3,Province under a city,province,210100\n');
    await assert.rejects(importRegions(t.ws, f), (e: unknown) => e instanceof InputError && /parent 210100 of Q3 is a city, not above a province/.test(e.message));
    assert.equal(await count(t.ws, 'regions'), 401);
  } finally {
    t.done();
  }
});
