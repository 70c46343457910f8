import { basename } from 'node:path';
import { Hono } from 'hono';
import type { Workspace } from '../store/index.ts';
import { SCHEMA_VERSION } from '../store/index.ts';
import { HttpError, errorResponse } from './errors.ts';
import { LOOPBACK_HOSTS, requestGuard } from './guard.ts';
import { JobRegistry } from './jobs.ts';
import { Mutex } from './mutex.ts';
import { openApiDocument } from './openapi.ts';
import { responseCache } from './response-cache.ts';
import type { RouteDoc, ServerDeps } from './route.ts';
import { dataRoutes } from './routes/data.ts';
import { estimateRoutes } from './routes/estimate.ts';
import { importRoutes } from './routes/import.ts';
import { jobRoutes } from './routes/jobs.ts';
import { modelRoutes } from './routes/models.ts';
import { measureRoutes } from './routes/measures.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { rankRoutes } from './routes/rank.ts';
import { reportRoutes } from './routes/reports.ts';

export interface AppOptions {
  /** When set, every state-changing request (POST, DELETE) needs `Authorization: Bearer <token>`. */
  token?: string;
  /**
   * Host names the server answers to (default: 127.0.0.1, localhost and ::1); 'any' for a server
   * on all interfaces, which then needs a token. Requests for any other name are refused, so a
   * re-pointed DNS name cannot reach the workspace (src/server/guard.ts).
   */
  allowedHosts?: readonly string[] | 'any';
  /** Largest JSON request body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Largest uploaded file (default 512 MiB). */
  maxUploadBytes?: number;
  /** More routes (measures, reports, scenarios) registered by other modules. */
  extraRoutes?: ((app: Hono, deps: ServerDeps, docs: RouteDoc[]) => void)[];
}

export interface TalentflowApp {
  app: Hono;
  deps: ServerDeps;
  docs: RouteDoc[];
}

/**
 * The HTTP API over one open workspace. Routes validate with zod, call one library function
 * and answer its plain result; errors are JSON with a message a person can act on.
 */
export function createApp(ws: Workspace, options: AppOptions = {}): TalentflowApp {
  const app = new Hono();
  const deps: ServerDeps = { ws, lock: new Mutex(), jobs: new JobRegistry(), maxBodyBytes: options.maxBodyBytes ?? 1 << 20 };
  const docs: RouteDoc[] = [];
  // Every request, pages included: Host, Origin, Sec-Fetch-Site and the token.
  app.use('*', requestGuard({ allowedHosts: options.allowedHosts ?? LOOPBACK_HOSTS, token: options.token }));
  // After the guard: repeated reads are answered from memory until the workspace changes.
  const cache = responseCache({ version: () => ws.db.version });
  app.use('/api/*', cache.middleware);
  app.get('/api/health', (c) => c.json({ ok: true, workspace: basename(ws.path), schemaVersion: SCHEMA_VERSION, cache: cache.stats() }));
  docs.push({ method: 'get', path: '/api/health', tag: 'meta', summary: 'Liveness and the open workspace (its file name, never its folder)', status: 200 });
  dataRoutes(app, deps, docs);
  modelRoutes(app, deps, docs);
  estimateRoutes(app, deps, docs);
  measureRoutes(app, deps, docs);
  scenarioRoutes(app, deps, docs);
  jobRoutes(app, deps, docs);
  rankRoutes(app, deps, docs);
  reportRoutes(app, deps, docs);
  importRoutes(app, deps, docs, options.maxUploadBytes ?? 512 * 2 ** 20);
  for (const extra of options.extraRoutes ?? []) extra(app, deps, docs);
  docs.push({ method: 'get', path: '/api/openapi.json', tag: 'meta', summary: 'This API as an OpenAPI 3.1 document', status: 200 });
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(docs, '0.1.0')));
  app.all('/api/*', (c) => errorResponse(c, new HttpError(404, `no API route ${c.req.method} ${c.req.path}: see /api/openapi.json`)));
  return { app, deps, docs };
}
