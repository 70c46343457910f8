import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidArgumentError } from 'commander';
import { parseSsc } from './fit-gravity-options.ts';

test('--ssc reads fixest\'s ssc() arguments as R writes them', () => {
  assert.equal(parseSsc('fixest'), 'fixest');
  assert.deepEqual(parseSsc('adj=FALSE, fixef.K=full,cluster.adj=T,cluster.df=conventional'), { adj: false, fixefK: 'full', clusterAdj: true, clusterDf: 'conventional' });
});

test('--ssc names the bad argument and its choices', () => {
  assert.throws(() => parseSsc('fixef.K=foo'), (e: unknown) => e instanceof InvalidArgumentError && /fixef\.K=foo: expected none, full, nested/.test(e.message));
  assert.throws(() => parseSsc('cluster.df=max'), (e: unknown) => e instanceof InvalidArgumentError && /cluster\.df=max: expected min, conventional/.test(e.message));
  assert.throws(() => parseSsc('adj=yes'), /adj=yes: expected TRUE or FALSE/);
  assert.throws(() => parseSsc('stata'), /expected none, fixest or name=value pairs/);
});
