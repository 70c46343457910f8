import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '../../src/index.ts';

test('the package root exports the operations of every layer as typed functions', () => {
  for (const name of [
    'openWorkspace', 'closeWorkspace', 'importRegions', 'importFlows', 'importIndicators', 'importStocks', 'importPersons', 'importGroups', 'importGeometry',
    'listStockTables', 'queryStocks', 'loadStockMatrix',
    'listRegions', 'queryFlows', 'listIndicators', 'writeRows', 'createDemoWorkspace', 'RegionMatcher', 'InputError', 'parsePeriod',
    'fitGravity', 'predictGravity', 'fitRadiation', 'flowsFromCensus', 'saveModel', 'loadModel', 'estimateCensusFlows',
    'netFlow', 'retentionRate', 'topCorridors', 'graduateReport', 'compositeIndex', 'weightSensitivity', 'generateCohorts', 'runCli',
  ]) assert.equal(typeof (tf as Record<string, unknown>)[name], 'function', name);
});
