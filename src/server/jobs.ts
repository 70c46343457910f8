/**
 * Long work (a fit on a big table, a 200-draw scenario) runs as a job: the request returns a job
 * id at once; the page polls `GET /api/jobs/:id` for progress and the result, and can cancel it.
 * Jobs live in memory and are forgotten an hour after they end.
 */
import type { CodedMessage } from '../core/messages/index.ts';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  /** What the job is doing, in English; `messages.message` holds it coded for a front-end in another language. */
  message: string | null;
  messages: { message?: CodedMessage };
  startedAt: string;
  endedAt: string | null;
  result?: unknown;
  error?: unknown;
}

/**
 * What a job's work gets. Progress and a cancel are only seen when the work gives the event
 * loop a turn (awaits I/O, or pauses as `runScenarioAsync` does), so long computations pause and
 * check `signal` between steps; a cancelled job's work should stop at the next check (its
 * rejection is then ignored).
 */
export interface JobContext {
  /** Aborted by a cancel. */
  signal: AbortSignal;
  /** Fraction done (clamped to 0-1); ignored once the job has ended (a cancelled job keeps the progress it had). */
  progress(fraction: number, message?: CodedMessage): void;
}

interface Job extends JobView {
  controller: AbortController;
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  private next = 1;

  constructor(private readonly keepMs = 3_600_000) {}

  start(kind: string, work: (ctx: JobContext) => Promise<unknown>, onError: (e: unknown) => unknown): JobView {
    this.sweep();
    const id = `job-${this.next++}`;
    const controller = new AbortController();
    const job: Job = { id, kind, state: 'running', progress: 0, message: null, messages: {}, startedAt: new Date().toISOString(), endedAt: null, controller };
    this.jobs.set(id, job);
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (f, m) => {
        if (job.state !== 'running') return;
        job.progress = Math.max(0, Math.min(1, f));
        if (m !== undefined) Object.assign(job, { message: m.message, messages: { message: m } });
      },
    };
    // Start on the next turn so the caller gets the id before any work happens.
    setImmediate(() => {
      work(ctx).then(
        (result) => {
          if (job.state !== 'running') return;
          Object.assign(job, { state: 'done', progress: 1, result, endedAt: new Date().toISOString() });
        },
        (e) => {
          if (job.state !== 'running') return;
          Object.assign(job, { state: 'failed', error: onError(e), endedAt: new Date().toISOString() });
        },
      );
    });
    return this.view(job);
  }

  get(id: string): JobView | undefined {
    const j = this.jobs.get(id);
    return j && this.view(j);
  }

  list(): JobView[] {
    return [...this.jobs.values()].map((j) => ({ ...this.view(j), result: undefined }));
  }

  cancel(id: string): JobView | undefined {
    const j = this.jobs.get(id);
    if (!j) return undefined;
    if (j.state === 'running') {
      j.controller.abort();
      Object.assign(j, { state: 'cancelled', endedAt: new Date().toISOString() });
    }
    return this.view(j);
  }

  private view(j: Job): JobView {
    const { controller: _c, ...rest } = j;
    return { ...rest };
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) if (j.endedAt && now - Date.parse(j.endedAt) > this.keepMs) this.jobs.delete(id);
  }
}
