import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecError } from '../core/errors.ts';
import type { Workspace } from '../store/index.ts';
import { createApp, type AppOptions } from './app.ts';

export const WEB_DIST = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.map': 'application/json',
};

export interface ServeOptions extends AppOptions {
  port?: number;
  host?: string;
  /** Folder with the built dashboard (default web/dist); absent: API only. */
  webDir?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Starts the server. It listens on 127.0.0.1 unless told otherwise; any other address needs an
 * access token, which every state-changing request must then carry.
 */
export async function startServer(ws: Workspace, options: ServeOptions = {}): Promise<{ url: string; server: ServerType; close: () => Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.token) throw new SpecError(`listening on ${host} (not this machine only) needs an access token: give --token or TALENTFLOW_TOKEN`, 'host');
  const { app } = createApp(ws, options);
  const webDir = options.webDir ?? WEB_DIST;
  if (existsSync(join(webDir, 'index.html'))) {
    app.get('*', (c) => {
      // Only files inside the dashboard folder are served; anything else gets the page itself.
      const wanted = resolve(webDir, '.' + decodeURIComponent(new URL(c.req.url).pathname));
      const file = wanted.startsWith(webDir + sep) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(webDir, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      return c.body(readFileSync(file), 200, { 'content-type': type, 'cache-control': cache });
    });
  }
  const port = options.port ?? 5173;
  const server = await new Promise<ServerType>((ok, fail) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => ok(s));
    s.once('error', fail);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${actualPort}/`,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
