// Loaded with `node --import` by test/e2e/cli-packages.test.ts: registers a resolve hook that
// appends the npm package of every module the process resolves to the file named by
// TALENTFLOW_RECORD_PACKAGES, one a line, so a test can say which packages a command loaded.
// Packages loaded through `require` (DuckDB's client, see src/store/duckdb/node-api.ts) do not
// pass the ES module hooks on Node 20: they are read from require's cache when the process exits.
// Plain JavaScript: the hooks run in a thread of their own, where no TypeScript loader is.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

register('./record-packages-hooks.mjs', import.meta.url);

const file = process.env.TALENTFLOW_RECORD_PACKAGES;
const cache = createRequire(import.meta.url).cache;
if (file) {
  process.on('exit', () => {
    const names = new Set();
    for (const path of Object.keys(cache)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path.slice(path.lastIndexOf('node_modules/')));
      if (m) names.add(m[1]);
    }
    if (names.size) appendFileSync(file, [...names].join('\n') + '\n');
  });
}
