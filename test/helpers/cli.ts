import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './workspace.ts';

export const BIN = join(REPO, 'bin/talentflow.mjs');

/**
 * Runs the `talentflow` executable as a user would, in `cwd`, with no workspace from the
 * environment; large --json answers (estimated flow tables) fit in the buffer.
 */
export function runCli(cwd: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, TALENTFLOW_WORKSPACE: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
