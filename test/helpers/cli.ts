import { before, after } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './workspace.ts';
import { demoWorkspaceAtSync } from './demo-workspace.ts';

export const BIN = join(REPO, 'bin/talentflow.mjs');

/**
 * Runs the `talentflow` executable as a user would, in `cwd`, with no workspace from the
 * environment; large --json answers (estimated flow tables) fit in the buffer.
 */
export function runCli(cwd: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, TALENTFLOW_WORKSPACE: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A demo workspace for a test file, in a temporary folder removed after it: registers the
 * before/after hooks and returns where it lives (filled in when the hook has run). It is a copy of
 * the demo made once per state of the sources (demo-workspace.ts): making it costs seconds of
 * CPU per suite, and these suites test what runs on it, not `talentflow demo` (cli.test.ts does).
 */
export function demoSuite(prefix: string): { dir: string; workspace: string } {
  const suite = { dir: '', workspace: '' };
  // Synchronous: a suite's own top-level before hook may use the workspace (demoWorkspaceAtSync says why).
  before(() => {
    suite.dir = mkdtempSync(join(tmpdir(), prefix));
    suite.workspace = join(suite.dir, 'demo.duckdb');
    demoWorkspaceAtSync(suite.workspace);
  });
  after(() => rmSync(suite.dir, { recursive: true, force: true }));
  return suite;
}
