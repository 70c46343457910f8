import { parentPort, workerData } from 'node:worker_threads';
import { readRange, type RangeJob, type RangeReply } from './plain-csv.ts';

// One range of a plain CSV file, read on a worker thread (plain-csv.ts readInWorkers); the typed
// arrays go back without a copy.
const job = workerData as RangeJob;
try {
  const result = await readRange(job.path, job.spec, job.start, job.end, (bytes) => parentPort!.postMessage({ bytes }));
  const buffers = result ? [...result.text.flatMap((g) => g.codes), ...result.numbers].map((a) => a.buffer as ArrayBuffer) : [];
  parentPort!.postMessage({ result } satisfies RangeReply, [...new Set(buffers)]);
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message } satisfies RangeReply);
}
