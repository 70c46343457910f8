#!/usr/bin/env node
// Entry point for `talentflow` / `npx talentflow`: registers tsx so the TypeScript sources run
// as shipped (no build step on a fresh clone), then hands over to the CLI.
import { register } from 'tsx/esm/api';

// Output piped into `head` closes early: that is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
