// A second reporter for `npm test`: after the run, the test files that took longest (each file's
// own process, start to end), so the CI's time budget (30 minutes) is watched where it is spent.
// TEST_DURATIONS_FILE also writes every file's seconds there, slowest first.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const SHOWN = 15;

export default async function* durations(source) {
  const files = [];
  for await (const event of source) {
    const d = event.data;
    // A file's own entry: the test named by its path, completed when its process ends.
    if (event.type === 'test:complete' && d.nesting === 0 && d.file && d.name === d.file) files.push([relative(process.cwd(), d.file), d.details.duration_ms / 1000]);
  }
  files.sort((a, b) => b[1] - a[1]);
  const total = files.reduce((s, f) => s + f[1], 0);
  const line = ([f, s]) => `${s.toFixed(1).padStart(7)} s  ${f}`;
  if (process.env.TEST_DURATIONS_FILE) writeFileSync(process.env.TEST_DURATIONS_FILE, files.map(line).join('\n') + '\n');
  yield `\nslowest test files (of ${files.length}, ${total.toFixed(0)} s in all):\n${files.slice(0, SHOWN).map(line).join('\n')}\n`;
}
