import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packagePath } from '../../io/package-root.ts';
import { createDemoWorkspace } from '../../store/demo.ts';
import { openWorkspace, closeWorkspace } from '../../store/workspace.ts';
import { startServer, WEB_DIST } from '../../server/index.ts';
import { common, withCommon } from '../context.ts';
import { coded } from '../../core/messages/index.ts';
import { CodedArgumentError } from '../lang.ts';

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CodedArgumentError(coded('cli.value.notPort', { value: v }));
  return n;
};

const ROOT = packagePath();

/** Builds the dashboard with Vite when its sources exist and no build does (a fresh clone). */
function ensureWebBuild(log: (s: string) => void): void {
  if (existsSync(join(WEB_DIST, 'index.html')) || !existsSync(join(ROOT, 'web', 'index.html'))) return;
  log('Building the dashboard (first start only)…');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: join(ROOT, 'web'), stdio: 'inherit' });
  if (r.status !== 0) log('warning: the dashboard build failed; serving the API only');
}

function serveOptions(cmd: Command): Command {
  return withCommon(cmd)
    .option('--port <port>', 'port (default $PORT or 5173; 0 picks a free one)', port)
    .option('--host <address>', 'address to listen on (default 127.0.0.1; any other needs --token)', '127.0.0.1')
    .option('--token <token>', 'access token required for changes (default $TALENTFLOW_TOKEN)')
    .option('--allowed-host <names...>', 'host names the server answers to (default: loopback names, or the --host address); others are refused against DNS rebinding');
}

async function run(cmd: Command, o: { port?: number; host: string; token?: string; allowedHost?: string[] }, demo: boolean): Promise<void> {
  const { workspace } = common(cmd);
  const log = (s: string) => process.stdout.write(s + '\n');
  if (demo && !existsSync(workspace)) {
    log(`Creating the demo workspace ${workspace} from the bundled data…`);
    await createDemoWorkspace(workspace);
  }
  ensureWebBuild(log);
  const ws = await openWorkspace(workspace, { create: !demo ? false : true });
  const s = await startServer(ws, { port: o.port ?? (process.env.PORT ? Number(process.env.PORT) : 5173), host: o.host, token: o.token ?? process.env.TALENTFLOW_TOKEN, allowedHosts: o.allowedHost });
  log(`talentflow is serving ${workspace} at ${s.url}  (API: ${s.url}api/openapi.json; Ctrl-C stops)`);
  await new Promise<void>((done) => {
    const stop = () => {
      s.close().then(() => {
        closeWorkspace(ws);
        done();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function serveCommand(): Command {
  return serveOptions(new Command('serve'))
    .description('serve the HTTP API and the dashboard for a workspace')
    .action((o, cmd: Command) => run(cmd, o, false));
}

export function startCommand(): Command {
  return serveOptions(new Command('start'))
    .description('what `npm start` runs: create the demo workspace if there is none, build the dashboard if needed, and serve it')
    .action((o, cmd: Command) => run(cmd, o, true));
}
