import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createRng } from '../../src/numeric/index.ts';
import { IMPORT_KINDS } from './kinds.ts';
import { TIME_LIMIT_MS } from './outcome.ts';
import { emptyStats, failureTotal, mergeStats, type Failure, type KindStats, type ToParent, type ToWorker } from './protocol.ts';

/**
 * Runs a fuzz plan over worker processes and gathers what they report. The runner is the
 * watchdog: an input still running 2 s past the 10 s limit (a synchronous loop the worker's own
 * timer cannot interrupt) gets its worker killed and is recorded as a hang; a worker that dies
 * records a crash for the input it was on. A batch of parser inputs that runs too long is replayed
 * one input at a time to find the culprit. The rest of a task goes to a fresh worker, and each
 * failure is written to `failuresDir` (the input file itself for importer kinds) with what
 * reproduces it: seed, kind and index.
 */
export interface FuzzPlan {
  seed: number;
  /** Inputs per kind (importer kinds and `pure:` parser kinds). */
  counts: Record<string, number>;
  /** Index of the first input of every kind (default 0), to replay a reported input. */
  from?: number;
  workers: number;
  /** Stop handing out work after this long (running tasks finish). */
  budgetMs?: number;
  /** Aborting it stops handing out work the same way (Ctrl-C in `npm run fuzz`). */
  signal?: AbortSignal;
  failuresDir?: string;
  onProgress?: (p: FuzzProgress) => void;
  progressEveryMs?: number;
}

export interface FuzzProgress {
  elapsedMs: number;
  done: number;
  planned: number;
  failures: number;
  kinds: Record<string, KindStats>;
}

export interface FuzzSummary extends FuzzProgress {
  seed: number;
  failureList: Failure[];
  workersStarted: number;
  maxRssMiB: number;
  stoppedByBudget: boolean;
}

interface Task { kind: string; from: number; count: number }
interface Slot {
  child: ChildProcess;
  dir: string;
  task: Task | null;
  /** The input (or batch) in progress. */
  current: { kind: string; index: number; count: number; since: number } | null;
  next: number;
  importerInputs: number;
  killed: boolean;
  leaving: boolean;
  stderr: string;
}

const WORKER = new URL('./worker.ts', import.meta.url).pathname;
const CHUNK = { importer: 20, pure: 5000 };
const GRACE_MS = 2000;
const RECYCLE_AFTER = 5_000;
const KEEP_FAILURES = 500;

export function runFuzz(plan: FuzzPlan): Promise<FuzzSummary> {
  const t0 = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'talentflow-fuzz-'));
  const queue = interleave(plan.counts, plan.from ?? 0);
  const planned = Object.values(plan.counts).reduce((a, b) => a + b, 0);
  const kinds: Record<string, KindStats> = Object.fromEntries(Object.keys(plan.counts).map((k) => [k, emptyStats()]));
  const failureList: Failure[] = [];
  let failures = 0;
  let done = 0;
  let started = 0;
  let maxRssMiB = 0;
  let stoppedByBudget = false;
  const slots = new Set<Slot>();
  if (plan.failuresDir) mkdirSync(plan.failuresDir, { recursive: true });

  const fail = (f: Failure) => {
    failures++;
    if (failureList.length < KEEP_FAILURES) failureList.push(f);
    if (plan.failuresDir) saveFailure(plan.failuresDir, f);
  };

  return new Promise((resolve) => {
    const finish = () => {
      clearInterval(watchdog);
      clearInterval(progress);
      rmSync(root, { recursive: true, force: true });
      resolve({ seed: plan.seed, elapsedMs: Date.now() - t0, done, planned, failures, kinds, failureList, workersStarted: started, maxRssMiB, stoppedByBudget });
    };

    const spawn = () => {
      const dir = join(root, `w${++started}`);
      mkdirSync(dir);
      const child = fork(WORKER, [], {
        execArgv: ['--import', 'tsx'], env: { ...process.env, TZ: 'UTC', FUZZ_WORKER_DIR: dir }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      const slot: Slot = { child, dir, task: null, current: null, next: 0, importerInputs: 0, killed: false, leaving: false, stderr: '' };
      slots.add(slot);
      child.stderr!.on('data', (b: Buffer) => {
        slot.stderr = (slot.stderr + b.toString()).slice(-2000);
      });
      child.on('message', (m: ToParent) => onMessage(slot, m));
      child.on('exit', (code, signal) => onExit(slot, code, signal));
    };

    const assign = (slot: Slot) => {
      const overBudget = (plan.budgetMs !== undefined && Date.now() - t0 > plan.budgetMs) || plan.signal?.aborted === true;
      if (overBudget && queue.length) {
        stoppedByBudget = true;
        queue.length = 0;
      }
      const task = slot.importerInputs < RECYCLE_AFTER ? queue.shift() : undefined;
      if (!task) {
        slot.leaving = true;
        slot.child.send({ type: 'exit' } satisfies ToWorker);
        if (queue.length) spawn();
        return;
      }
      slot.task = task;
      slot.next = task.from;
      slot.child.send({ type: 'task', kind: task.kind, seed: plan.seed, from: task.from, count: task.count } satisfies ToWorker);
    };

    const onMessage = (slot: Slot, m: ToParent) => {
      if (m.type === 'idle') {
        slot.task = null;
        assign(slot);
      } else if (m.type === 'start') {
        slot.current = { kind: m.kind, index: m.index, count: m.count, since: Date.now() };
      } else {
        slot.current = null;
        slot.next = m.index + m.count;
        done += m.count;
        if (!m.kind.startsWith('pure:')) slot.importerInputs += m.count;
        maxRssMiB = Math.max(maxRssMiB, m.maxRssMiB);
        mergeStats(kinds[m.kind], m.stats);
        for (const f of m.failures) fail(f);
      }
    };

    const onExit = (slot: Slot, code: number | null, signal: string | null) => {
      slots.delete(slot);
      rmSync(slot.dir, { recursive: true, force: true });
      const task = slot.task;
      if (task && !slot.leaving) {
        const cur = slot.current;
        let resume = slot.next;
        if (cur && cur.count === 1) {
          const failure = slot.killed ? 'hang' : 'crash';
          const message = slot.killed ? `no answer after ${TIME_LIMIT_MS + GRACE_MS} ms (worker killed)` : `worker died (code ${code}, signal ${signal}): ${slot.stderr.trim().slice(-600)}`;
          const stats = emptyStats();
          stats.inputs = 1;
          stats.failures[failure] = 1;
          mergeStats(kinds[cur.kind], stats);
          done++;
          fail({ kind: cur.kind, seed: plan.seed, index: cur.index, failure, message });
          resume = cur.index + 1;
        } else if (cur) {
          // A batch that ran too long or died: replay its inputs one at a time.
          for (let i = cur.count - 1; i >= 0; i--) queue.unshift({ kind: cur.kind, from: cur.index + i, count: 1 });
          resume = cur.index + cur.count;
        }
        const end = task.from + task.count;
        if (resume < end) queue.splice(cur && cur.count > 1 ? cur.count : 0, 0, { kind: task.kind, from: resume, count: end - resume });
      }
      if (queue.length && slots.size < plan.workers) spawn();
      if (!slots.size && !queue.length) finish();
    };

    const watchdog = setInterval(() => {
      for (const slot of slots) {
        const cur = slot.current;
        if (!cur || slot.killed) continue;
        const limit = cur.count === 1 ? TIME_LIMIT_MS + GRACE_MS : TIME_LIMIT_MS;
        if (Date.now() - cur.since > limit) {
          slot.killed = true;
          slot.child.kill('SIGKILL');
        }
      }
    }, 250);
    const progress = setInterval(() => plan.onProgress?.({ elapsedMs: Date.now() - t0, done, planned, failures, kinds }), plan.progressEveryMs ?? 10_000);

    if (!queue.length) {
      finish();
      return;
    }
    for (let i = 0; i < Math.max(1, plan.workers); i++) spawn();
  });
}

/** Tasks of every kind in turn, so each kind progresses at the same pace. */
function interleave(counts: Record<string, number>, start: number): Task[] {
  const per = Object.entries(counts).map(([kind, n]) => {
    const size = kind.startsWith('pure:') ? CHUNK.pure : CHUNK.importer;
    const tasks: Task[] = [];
    for (let from = start; from < start + n; from += size) tasks.push({ kind, from, count: Math.min(size, start + n - from) });
    return tasks;
  });
  const out: Task[] = [];
  for (let i = 0; per.some((t) => i < t.length); i++) for (const t of per) if (i < t.length) out.push(t[i]);
  return out;
}

function saveFailure(dir: string, f: Failure): void {
  const base = join(dir, `${f.kind.replace(/[^\w-]/g, '_')}-seed${f.seed}-input${f.index}-${f.failure}`);
  const kind = IMPORT_KINDS.find((k) => k.name === f.kind);
  const note: Record<string, unknown> = { ...f, reproduce: `npm run fuzz -- --seed ${f.seed} --kind ${f.kind} --from ${f.index} --count 1` };
  if (kind) {
    const input = kind.generate(createRng(f.seed).fork(f.kind).fork(f.index));
    writeFileSync(base + extname(input.name), input.bytes);
    note.file = input.name;
    note.options = input.options;
  }
  writeFileSync(base + '.json', JSON.stringify(note, null, 2));
}

/** The summary as text: one line per kind, then the reasons for refusals and every failure. */
export function formatSummary(s: FuzzSummary, opts: { reasons?: number } = {}): string {
  const lines: string[] = [];
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  lines.push(`seed ${s.seed}: ${s.done.toLocaleString('en-US')} of ${s.planned.toLocaleString('en-US')} inputs in ${(s.elapsedMs / 1000).toFixed(1)} s${s.stoppedByBudget ? ' (stopped early: time budget reached or interrupted)' : ''}; ${s.workersStarted} worker processes, peak RSS ${s.maxRssMiB.toFixed(0)} MiB`);
  lines.push(`${'kind'.padEnd(22)}${pad('inputs', 10)}${pad('accepted', 10)}${pad('refused', 10)}${pad('crash', 7)}${pad('hang', 6)}${pad('partial', 8)}${pad('unnamed', 8)}${pad('raw', 5)}${pad('bad-acc', 8)}${pad('valid-ref', 10)}${pad('max ms', 9)}${pad('mean ms', 9)}`);
  let importer = 0, parser = 0;
  for (const [kind, k] of Object.entries(s.kinds)) {
    if (kind.startsWith('pure:')) parser += k.inputs;
    else importer += k.inputs;
    const refused = Object.values(k.refused).reduce((a, b) => a + b, 0);
    const f = k.failures;
    lines.push(`${kind.padEnd(22)}${pad(k.inputs, 10)}${pad(k.accepted, 10)}${pad(refused, 10)}${pad(f.crash ?? 0, 7)}${pad(f.hang ?? 0, 6)}${pad(f.partial ?? 0, 8)}${pad(f.unnamed ?? 0, 8)}${pad(f.raw ?? 0, 5)}${pad(f['bad-accept'] ?? 0, 8)}${pad(f['valid-refused'] ?? 0, 10)}${pad(k.maxMs.toFixed(0), 9)}${pad(k.inputs ? (k.totalMs / k.inputs).toFixed(2) : '-', 9)}`);
  }
  const total = Object.values(s.kinds).reduce((a, k) => a + failureTotal(k), 0);
  lines.push(`importer-level (through DuckDB) ${importer.toLocaleString('en-US')} inputs, parser-level ${parser.toLocaleString('en-US')}; failures ${total}`);
  const top = opts.reasons ?? 6;
  if (top > 0) {
    lines.push('', 'refusals by reason (most frequent first; * = names neither row nor column):');
    for (const [kind, k] of Object.entries(s.kinds)) {
      const reasons = Object.entries(k.refused).sort((a, b) => b[1] - a[1]).slice(0, top);
      if (!reasons.length) continue;
      lines.push(`  ${kind}:`);
      for (const [r, n] of reasons) lines.push(`    ${pad(n, 8)}${k.unlocated[r] ? '*' : ' '} ${r}`);
    }
  }
  if (s.failureList.length) {
    lines.push('', 'failures:');
    for (const f of s.failureList.slice(0, 50)) lines.push(`  ${f.failure} ${f.kind} seed ${f.seed} input ${f.index}: ${f.message.split('\n').join('\n      ')}`);
  }
  return lines.join('\n');
}
