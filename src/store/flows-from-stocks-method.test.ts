/**
 * The one rule the CLI and the server share for `flows-from-stocks`: birthplace when both stock
 * tables are stored, census-residual otherwise; a named method is used as named; options of the
 * other method and a birthplace request without its tables are refused with named errors.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NotFoundError, SpecError } from '../core/errors.ts';
import { CHINA, chinaWorkspace } from '../../test/helpers/workspace.ts';
import { CHINA_CENSUS_STOCKS } from './demo.ts';
import { chooseFlowsFromStocksMethod } from './flows-from-stocks-method.ts';
import { importStocks } from './import/import-stocks.ts';

let t: Awaited<ReturnType<typeof chinaWorkspace>>;
before(async () => {
  t = await chinaWorkspace();
  await importStocks(t.ws, join(CHINA, 'census_birthplace_2000_2010.csv'), CHINA_CENSUS_STOCKS);
});
after(() => t.done());

test('default: birthplace with both tables, census-residual without; a named method as named', async () => {
  assert.equal((await chooseFlowsFromStocksMethod(t.ws, { from: 2000, to: 2010 })).method, 'birthplace');
  const residual = await chooseFlowsFromStocksMethod(t.ws, { from: 2010, to: 2020 });
  assert.equal(residual.method, 'census-residual');
  assert.match(residual.reason, /no stock table for 2020/);
  assert.equal((await chooseFlowsFromStocksMethod(t.ws, { method: 'census-residual', from: 2000, to: 2010 })).method, 'census-residual');
  assert.equal((await chooseFlowsFromStocksMethod(t.ws, { method: 'stock-differencing', from: 2000, to: 2010 })).method, 'birthplace');
});

test('refusals: unknown method, options of the other method, birthplace without its tables', async () => {
  await assert.rejects(chooseFlowsFromStocksMethod(t.ws, { method: 'guess', from: 2000, to: 2010 }), (e: unknown) => e instanceof SpecError && /"guess" is not a method/.test(e.message));
  await assert.rejects(
    chooseFlowsFromStocksMethod(t.ws, { from: 2000, to: 2010, given: { censusResidual: ['--gross-rate'] } }),
    (e: unknown) => e instanceof SpecError && /--gross-rate applies only to the census-residual method, not to birthplace \(the workspace holds census stock tables/.test(e.message));
  await assert.rejects(
    chooseFlowsFromStocksMethod(t.ws, { from: 2010, to: 2020, given: { birthplace: ['--no-stayers'], censusResidual: ['--level'] } }),
    (e: unknown) => e instanceof SpecError && /--no-stayers applies only to the birthplace method/.test(e.message));
  await assert.rejects(
    chooseFlowsFromStocksMethod(t.ws, { method: 'birthplace', from: 1990, to: 2000 }),
    (e: unknown) => e instanceof NotFoundError && /none for 1990 \(the workspace holds stock tables of 2000, 2010\)/.test(e.message));
});
