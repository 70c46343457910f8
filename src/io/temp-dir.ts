import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Temporary folders named after the process that made them (`talentflow-<kind>-<pid>-XXXXXX`), so
 * a later start can tell the folders of a killed process (a `kill -9` during a GB18030 import left
 * a 58-118 MB transcoded copy behind) from those of a process still running, and remove them.
 */
export function makeTempDir(kind: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `talentflow-${kind}-${process.pid}-`));
}

const OURS = /^talentflow-[a-z]+-(\d+)-/;
let swept = false;

/** Removes the temporary folders of processes that no longer run (once per process). Returns how many. */
export async function sweepStaleTempDirs(dir: string = tmpdir(), force = false): Promise<number> {
  if (swept && !force) return 0;
  swept = true;
  let removed = 0;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    await rm(join(dir, name), { recursive: true, force: true }).then(() => removed++, () => undefined);
  }
  return removed;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs under another user; only ESRCH means gone.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
