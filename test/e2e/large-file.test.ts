import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/workspace.ts';

/**
 * A 2 GB flow file is streamed, not loaded: the import's peak memory must not grow with the file.
 * Each import runs in its own process so its peak resident set size is its own. The rows carry a
 * long free-text column (as exported registers often do) that the importer never stores.
 */
const dir = mkdtempSync(join(tmpdir(), 'talentflow-large-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const REGIONS = 1000;
const NOTE = 'x'.repeat(1960);

async function writeFlows(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write('origin,destination,year,count,note\n');
  let written = 0;
  let rows = 0;
  let chunk: string[] = [];
  for (let o = 0; written < bytes; o = (o + 1) % REGIONS) {
    for (let d = 0; d < REGIONS && written < bytes; d++) {
      const line = `R${o},R${d},${2000 + Math.floor(rows / (REGIONS * REGIONS))},${(o * 31 + d) % 997},${NOTE}\n`;
      chunk.push(line);
      written += line.length;
      rows++;
      if (chunk.length === 2000) {
        if (!out.write(chunk.join(''))) await once(out, 'drain');
        chunk = [];
      }
    }
  }
  out.write(chunk.join(''));
  out.end();
  await once(out, 'finish');
  return rows;
}

function importInChild(file: string, workspace: string): { rows: number; maxRssMiB: number; seconds: number } {
  const script = `
    import { openWorkspace, closeWorkspace, importRegions, importFlows } from ${JSON.stringify(join(REPO, 'src/store/index.ts'))};
    const ws = await openWorkspace(${JSON.stringify(workspace)});
    await importRegions(ws, ${JSON.stringify(join(dir, 'regions.csv'))});
    const t0 = performance.now();
    const s = await importFlows(ws, ${JSON.stringify(file)});
    closeWorkspace(ws);
    console.log(JSON.stringify({ rows: s.rows, maxRssMiB: process.resourceUsage().maxRSS / 1024, seconds: (performance.now() - t0) / 1000 }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

test('a 2 GB flow file imports with the same peak memory as a 200 MB one', { timeout: 600_000 }, async () => {
  writeFileSync(join(dir, 'regions.csv'), 'code,name_en,level\n' + Array.from({ length: REGIONS }, (_, i) => `R${i},Region ${i},city`).join('\n') + '\n');
  const small = join(dir, 'small.csv');
  const big = join(dir, 'big.csv');
  const smallRows = await writeFlows(small, 200 * 2 ** 20);
  const a = importInChild(small, join(dir, 'a.duckdb'));
  rmSync(small);
  const bigRows = await writeFlows(big, 2 * 2 ** 30);
  assert.ok(statSync(big).size >= 2 * 2 ** 30);
  const b = importInChild(big, join(dir, 'b.duckdb'));
  assert.equal(a.rows, smallRows);
  assert.equal(b.rows, bigRows);
  console.log(`200 MB: ${a.maxRssMiB.toFixed(0)} MiB peak, ${a.seconds.toFixed(1)} s; 2 GB: ${b.maxRssMiB.toFixed(0)} MiB peak, ${b.seconds.toFixed(1)} s`);
  assert.ok(b.maxRssMiB < a.maxRssMiB + 256, `peak memory grew from ${a.maxRssMiB} to ${b.maxRssMiB} MiB`);
  assert.ok(b.maxRssMiB < 1024, `peak ${b.maxRssMiB} MiB`);
});
