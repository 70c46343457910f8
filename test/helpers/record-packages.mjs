// Loaded with `node --import` by test/e2e/cli-packages.test.ts: registers a resolve hook that
// appends the npm package of every module the process resolves to the file named by
// TALENTFLOW_RECORD_PACKAGES, one a line, so a test can say which packages a command loaded.
// Plain JavaScript: the hooks run in a thread of their own, where no TypeScript loader is.
import { register } from 'node:module';

register('./record-packages-hooks.mjs', import.meta.url);
