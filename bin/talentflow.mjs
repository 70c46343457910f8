#!/usr/bin/env node
// Entry point for `talentflow` / `npx talentflow`: runs the bundled CLI (dist/cli-bundle/), which
// `npm install` builds in a clone (the `prepare` script) and the published package ships.
// Plain JavaScript on purpose: no TypeScript loader at start-up.
import module from 'node:module';

// Output piped into `head` closes early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
// Node >= 22.1 keeps the compiled code of the modules it loads on disk between runs (absent on
// Node 20, where this does nothing).
module.enableCompileCache?.();
const entry = new URL('../dist/cli-bundle/main.js', import.meta.url);
let main;
try {
  ({ main } = await import(entry.href));
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes(entry.pathname)) throw e;
  process.stderr.write('talentflow: the compiled CLI (dist/) is missing: run `npm run build` in the clone (`npm install` runs it too)\n');
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
