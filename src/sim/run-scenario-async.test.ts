import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileLevers, runScenario, type ScenarioRunInput } from './index.ts';
import { runScenarioAsync } from './run-scenario-async.ts';
import { syntheticWorld, worldModel } from './test-fixtures.ts';

// The cooperative run against the synchronous one on the synthetic world (no R counterpart:
// both are this project's code, so the check is exact equality of the serialised results).
const world = syntheticWorld(10);
const model = worldModel(world, 0.6);
const targets = Uint8Array.from(world.regions, (_, i) => (i < 3 ? 1 : 0));
const levers = compileLevers(model, [{
  term: 'destination_income', targets, change: { type: 'absolute', value: 5 }, startYear: 2030, duration: 2,
  eligibility: ['arrivals'], benefitYears: 3, cost: { rule: 'fixed-budget', amountPerYear: 2e6 },
}]);
const input = (over: Partial<ScenarioRunInput> = {}): ScenarioRunInput => ({
  model, startYear: 2030, years: 4, sizes: Float64Array.from(world.population, (p) => p * 0.005), levers,
  returnRates: [0.1], outcome: targets, draws: 15, seed: 11, maxAgentsPerYear: 8000, ...over,
});

test('the cooperative run gives the synchronous result and progress for a seed, pausing as asked', async () => {
  const syncProgress: number[] = [];
  const sync = runScenario(input({ onProgress: (d) => syncProgress.push(d) }));
  const asyncProgress: number[] = [];
  let pauses = 0;
  const pause = () => { pauses++; return Promise.resolve(); };
  const coop = await runScenarioAsync(input({ onProgress: (d) => asyncProgress.push(d) }), { sliceMs: 0, pause });
  assert.equal(JSON.stringify(coop), JSON.stringify(sync));
  assert.deepEqual(asyncProgress, syncProgress);
  assert.deepEqual(syncProgress, Array.from({ length: 15 }, (_, d) => d + 1));
  assert.equal(pauses, 15, 'sliceMs 0 pauses after every draw');
  assert.notEqual(JSON.stringify(await runScenarioAsync(input({ seed: 12 }))), JSON.stringify(sync));
});

test('the default pause lets timers and I/O callbacks run during the draws', async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  try {
    const done: number[] = [];
    await runScenarioAsync(input({ draws: 30, onProgress: (d) => done.push(d) }), { sliceMs: 0 });
    assert.ok(ticks >= 2, `a 0 ms interval fired ${ticks} times during 30 draws`);
  } finally {
    clearInterval(timer);
  }
});

test('an abort stops the run before the next draw; an aborted signal runs no draw', async () => {
  const controller = new AbortController();
  let done = 0;
  // Abort from outside the run, as a cancel request would: during the pause after draw 4.
  const pause = () => new Promise<void>((resolve) => setImmediate(() => { if (done === 4) controller.abort(); resolve(); }));
  await assert.rejects(runScenarioAsync(input({ onProgress: (d) => { done = d; } }), { signal: controller.signal, sliceMs: 0, pause }), { name: 'AbortError' });
  assert.equal(done, 4);
  let any = 0;
  await assert.rejects(runScenarioAsync(input({ onProgress: () => any++ }), { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.equal(any, 0);
});
