/**
 * README's command-line examples run as written: every command of every ```sh block, in order,
 * through `sh -c` in a fresh folder holding the clone's data/ and examples/ (the README's
 * commands are run from the clone), with `talentflow` on PATH as the local bin. Each must exit 0,
 * and where README states a number in a command's comment, the command prints it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';
import { readmeBlocks } from '../helpers/readme-blocks.ts';
import { shellCommands } from '../helpers/shell-commands.ts';

/** Commands not run here, each with why; matched against the start of the command. */
const NOT_RUN: Record<string, string> = {
  'npm install && npm start': 'installs and then serves until stopped: CI runs `npm ci` from a clean clone, the browser tests start the dashboard, test/package installs the packed package',
  'npm test': 'the whole gate, which runs this test',
  'talentflow fit choice --data choices.csv': "reads the user's own choice file (no such file ships); test/e2e/choice.test.ts runs the same command on a generated one",
};

/**
 * Numbers README states in a command's comment and the command must print. Each README text is
 * also checked to be in README, so the docs and this test cannot drift apart.
 */
const DOCUMENTED: { command: string; readme: string; prints: RegExp }[] = [
  { command: 'talentflow import regions data/china/raw/', readme: 'the 31 provinces built from them', prints: /built 31 province regions/ },
  { command: 'talentflow import regions data/china/raw/', readme: 'country CN, English names and the groups northeast/east/central/west', prints: /created CN \(中国 \/ China, country\)[^]*groups northeast, east, central, west/ },
  { command: 'talentflow import regions data/china/raw/', readme: 'country CN, English names', prints: /\d+ regions given their English names/ },
  { command: 'talentflow scenario run examples/korea-regional-income.json', readme: '446 [-156, 1,203] more graduates', prints: /\b446 \[-156, 1,203\]/ },
  { command: 'talentflow scenario compare examples/korea-regional-income.json', readme: 'arrivals only: 176 [-343, 893]', prints: /\b176 \[-343, 893\]/ },
];

/** `talentflow serve` runs until stopped: started on a free port, asked for its health, stopped. */
const SERVE = 'talentflow serve';

test('every command of README runs as written and prints the numbers README states', { timeout: 30 * 60_000 }, async (t) => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const commands = readmeBlocks(readme, 'sh').flatMap(shellCommands);
  assert.ok(commands.length >= 25, `README's sh blocks hold ${commands.length} commands`);
  for (const d of DOCUMENTED) {
    assert.ok(readme.includes(d.readme), `README states "${d.readme}"`);
    assert.ok(commands.some((c) => c.startsWith(d.command)), `README has a command starting "${d.command}"`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'talentflow-readme-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'talentflow'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin/talentflow.mjs')}" "$@"\n`);
  chmodSync(join(bin, 'talentflow'), 0o755);
  const work = join(dir, 'clone');
  mkdirSync(work);
  for (const d of ['data', 'examples']) symlinkSync(join(REPO, d), join(work, d));
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
  delete env.TALENTFLOW_WORKSPACE; // README's commands use ./talentflow.duckdb unless they say -w
  delete env.TALENTFLOW_TOKEN;

  for (const command of commands) {
    const skip = Object.entries(NOT_RUN).find(([start]) => command.startsWith(start));
    if (skip) {
      t.diagnostic(`not run: ${command} (${skip[1]})`);
      continue;
    }
    if (command.startsWith(SERVE)) {
      await checkServe(command, work, env);
      continue;
    }
    const started = Date.now();
    const r = spawnSync('sh', ['-c', command], { cwd: work, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${command.slice(0, 100)}`);
    assert.equal(r.status, 0, `README command failed: ${command}\n${r.stderr}`);
    for (const d of DOCUMENTED) if (command.startsWith(d.command)) assert.match(r.stdout + r.stderr, d.prints, `${command} prints ${d.prints}`);
  }
});

/** Runs the serve command on a free port (README's port may be taken here), then stops it. */
async function checkServe(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  const onFreePort = command.replace(/--port \d+/, '--port 0');
  const child = spawn('sh', ['-c', `exec ${onFreePort}`], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /serving .* at (http:\/\/\S+?)\/?\s/.exec(out);
        if (m) resolve(m[1]);
      });
      child.stderr.on('data', (b: Buffer) => (out += b.toString()));
      child.on('exit', (code) => reject(new Error(`${command} exited with ${code} before serving:\n${out}`)));
    });
    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200, `${command}: /api/health`);
  } finally {
    child.kill('SIGTERM');
  }
}
