#!/usr/bin/env node
// Benchmarks (`npm run bench [-- NAME [ARGS...]]`): runs every bench/*.bench.ts, or only those
// whose file name contains NAME, each in its own `node --import tsx` process (so one bench's
// memory does not weigh on the next), passing ARGS through. Not part of `npm test`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const [filter, ...args] = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
if (!benches.length) {
  console.error(`no benchmark matches "${filter}" (have: ${readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).join(', ')})`);
  process.exit(1);
}
// Benches that time the CLI run the compiled bin (bin/talentflow.mjs -> dist/): recompile what changed.
if (spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
let failed = 0;
for (const b of benches) {
  console.log(`\n> bench/${b}${args.length ? ' ' + args.join(' ') : ''}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', b), ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
