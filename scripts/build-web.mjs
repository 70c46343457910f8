#!/usr/bin/env node
// Builds the dashboard (web/ -> web/dist) with Vite. `npm pack` / `npm publish` run it (the
// `prepack` script) so the published package serves the dashboard; in a clone `npm start`
// builds it on first start instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: join(root, 'web'), stdio: 'inherit' });
process.exit(r.status ?? 1);
