import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { SpecError } from '../core/errors.ts';
import { packagePath } from '../io/package-root.ts';
import type { Workspace } from '../store/index.ts';
import { createApp, type AppOptions } from './app.ts';

export const WEB_DIST = packagePath('web', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.map': 'application/json',
};

export interface ServeOptions extends AppOptions {
  port?: number;
  host?: string;
  /** Folder with the built dashboard (default web/dist); absent: API only. */
  webDir?: string;
  /**
   * GET requests answered once in the background after the server starts, so their answers
   * are in the response cache before the first visitor asks (default: the dashboard's
   * opening view; [] for none).
   */
  warm?: string[];
}

/**
 * What the dashboard asks for when it opens, in the order it needs them (web/src/main.ts, then
 * web/src/map/view.ts: the cases, which the page waits for before anything else (computing
 * them takes seconds on a demo workspace); the China case at province level, 2000-2010; the
 * Northeast's 50 largest corridors; the headline's flows once the map is usable). If the two
 * drift apart the first visit is only slower, never wrong: the cache key is the full request.
 */
export const DASHBOARD_FIRST_VIEW = [
  '/api/cases',
  '/api/periods',
  '/api/geometry?level=province&within=CN',
  '/api/regions?within=CN&limit=100000',
  '/api/measures/net?level=province&within=CN&period=2000-2010',
  '/api/groups',
  '/api/flows?group=northeast&period=2000-2010&level=province&intra=false&limit=50',
  '/api/flows?group=northeast&period=2000-2010&level=province&intra=false&limit=200000',
];

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Starts the server. It listens on 127.0.0.1 unless told otherwise; any other address needs an
 * access token, which every state-changing request must then carry.
 */
export async function startServer(ws: Workspace, options: ServeOptions = {}): Promise<{ url: string; server: ServerType; close: () => Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host) && !options.token) throw new SpecError(`listening on ${host} (not this machine only) needs an access token: give --token or TALENTFLOW_TOKEN`, 'host');
  // A server on one address answers to that name (and loopback); on all interfaces its writes are
  // protected by the token, and --allowed-host narrows the names it answers to.
  const allowedHosts = options.allowedHosts ?? (LOOPBACK.has(host) ? undefined : host === '0.0.0.0' || host === '::' ? 'any' : [host, ...LOOPBACK]);
  const { app } = createApp(ws, { ...options, allowedHosts });
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
  // Requests under way: closing waits for them, so the workspace is not closed beneath a handler
  // whose browser went away mid-request (its next query failed with 'connection disconnected').
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const fetch = async (...args: Parameters<typeof app.fetch>): Promise<Response> => {
    inFlight++;
    try {
      return await app.fetch(...args);
    } finally {
      if (--inFlight === 0) idle?.();
    }
  };
  const server = await new Promise<ServerType>((ok, fail) => {
    const s = serve({ fetch, port, hostname: host }, () => ok(s));
    s.once('error', fail);
  });
  // One after another, in the background; a workspace without these data just answers 4xx.
  // Closing waits for the request under way, so the workspace is not closed beneath it.
  let closing = false;
  const warming = (async () => {
    for (const path of options.warm ?? DASHBOARD_FIRST_VIEW) {
      if (closing) break;
      await Promise.resolve(app.request(path)).then((r) => r.arrayBuffer(), () => undefined);
    }
  })();
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${actualPort}/`,
    server,
    close: async () => {
      closing = true;
      await warming;
      await new Promise<void>((ok) => server.close(() => ok()));
      if (inFlight > 0) await new Promise<void>((ok) => (idle = ok));
    },
  };
}
