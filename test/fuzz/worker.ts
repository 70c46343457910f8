/**
 * A fuzz worker process (started by runner.ts with `node --import tsx`): runs the tasks its parent
 * sends over IPC and reports before and after each import (each batch of parser inputs), so the
 * parent can tell a hang or a dead process from slow progress and name the input.
 */
import { createRng } from '../../src/numeric/index.ts';
import { ImportHarness } from './harness.ts';
import { IMPORT_KINDS } from './kinds.ts';
import { TIME_LIMIT_MS, judgeParser, type Verdict } from './outcome.ts';
import { PURE_KINDS } from './pure.ts';
import { emptyStats, record, type Failure, type KindStats, type ToParent, type ToWorker } from './protocol.ts';

const dir = process.env.FUZZ_WORKER_DIR!;
let harness: ImportHarness | null = null;
const send = (m: ToParent) => process.send!(m);

/** Parser inputs are reported in batches of this many. */
const BATCH = 250;

async function runTask(t: Extract<ToWorker, { type: 'task' }>): Promise<void> {
  const importer = IMPORT_KINDS.find((k) => k.name === t.kind);
  const pure = PURE_KINDS.find((k) => k.name === t.kind);
  if (!importer && !pure) throw new Error(`unknown fuzz kind ${t.kind}`);
  const root = createRng(t.seed).fork(t.kind);
  if (importer) {
    harness ??= await ImportHarness.open(dir);
    for (let i = t.from; i < t.from + t.count; i++) {
      send({ type: 'start', kind: t.kind, index: i, count: 1 });
      const input = importer.generate(root.fork(i));
      const { verdict, ms } = await harness.run(importer, input);
      const stats = emptyStats();
      const failures: Failure[] = [];
      record(stats, failures, verdict, ms, { kind: t.kind, seed: t.seed, index: i });
      send({ type: 'done', kind: t.kind, index: i, count: 1, stats, failures, maxRssMiB: process.resourceUsage().maxRSS / 1024 });
      // A hang leaves the workspace mid-statement: start again in a fresh process.
      if (verdict.kind === 'failure' && verdict.failure === 'hang') process.exit(3);
    }
    return;
  }
  for (let from = t.from; from < t.from + t.count; from += BATCH) {
    const n = Math.min(BATCH, t.from + t.count - from);
    send({ type: 'start', kind: t.kind, index: from, count: n });
    const stats: KindStats = emptyStats();
    const failures: Failure[] = [];
    for (let i = from; i < from + n; i++) {
      const t0 = performance.now();
      let verdict: Verdict;
      try {
        verdict = judgeParser(await pure!.run(root.fork(i)));
      } catch (e) {
        verdict = { kind: 'failure', failure: 'crash', message: `${(e as Error)?.name}: ${String((e as Error)?.message ?? e).slice(0, 300)}\n${((e as Error)?.stack ?? '').split('\n').slice(1, 5).join('\n')}` };
      }
      const ms = performance.now() - t0;
      if (ms > TIME_LIMIT_MS && verdict.kind !== 'failure') verdict = { kind: 'failure', failure: 'hang', message: `took ${Math.round(ms)} ms` };
      record(stats, failures, verdict, ms, { kind: t.kind, seed: t.seed, index: i });
    }
    send({ type: 'done', kind: t.kind, index: from, count: n, stats, failures, maxRssMiB: process.resourceUsage().maxRSS / 1024 });
  }
}

process.on('message', (m: ToWorker) => {
  if (m.type === 'exit') {
    harness?.close();
    process.exit(0);
  }
  runTask(m).then(() => send({ type: 'idle' }), (e: Error) => {
    process.stderr.write(`fuzz worker: ${e.stack}\n`);
    process.exit(2);
  });
});
// The runner gone (stopped, killed): stop too.
process.on('disconnect', () => process.exit(0));
send({ type: 'idle' });
