import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Workspace } from '../store/index.ts';
import { readBodyText } from './body.ts';
import { HttpError, errorResponse } from './errors.ts';
import { mediaType } from './guard.ts';
import type { JobRegistry } from './jobs.ts';
import type { Mutex } from './mutex.ts';

export interface ServerDeps {
  ws: Workspace;
  lock: Mutex;
  jobs: JobRegistry;
  maxBodyBytes: number;
}

export interface RouteDef<Q extends z.ZodType, B extends z.ZodType> {
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  tag: string;
  query?: Q;
  body?: B;
  /** Status of a successful answer (202 for jobs). */
  status?: 200 | 201 | 202;
  /** What a successful answer is: the handler's result as JSON (default), or an HtmlPage. */
  produces?: Produces;
  handler: (args: { query: z.infer<Q>; body: z.infer<B>; params: Record<string, string>; deps: ServerDeps; c: Context }) => Promise<unknown>;
}

export interface RouteDoc {
  method: string;
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodType;
  body?: z.ZodType;
  status: number;
  produces?: Produces;
}

export type Produces = 'application/json' | 'text/html';

/** The result of a `produces: 'text/html'` handler: a page and the name to save it under. */
export interface HtmlPage {
  html: string;
  filename: string;
}

/**
 * Registers a route: validates the query string and JSON body with zod (the same schemas the
 * library uses), calls one library function through the handler, answers with its plain result,
 * and records the route for the OpenAPI document. Routes stay thin. Errors are JSON whatever
 * the route produces.
 */
export function route<Q extends z.ZodType = z.ZodObject<Record<string, never>>, B extends z.ZodType = z.ZodUnknown>(
  app: Hono, deps: ServerDeps, docs: RouteDoc[], def: RouteDef<Q, B>,
): void {
  docs.push({ method: def.method, path: def.path, summary: def.summary, tag: def.tag, query: def.query, body: def.body, status: def.status ?? 200, produces: def.produces });
  const honoPath = def.path.replace(/\{(\w+)\}/g, ':$1');
  app[def.method](honoPath, async (c) => {
    try {
      const query = def.query ? def.query.parse(c.req.query()) : {};
      let body: unknown = undefined;
      if (def.body) {
        // Exactly application/json: a cross-site form or no-cors fetch cannot send it without a
        // CORS preflight, which this server never grants (src/server/guard.ts).
        if (mediaType(c.req.header('content-type')) !== 'application/json') throw new HttpError(415, 'send the request body as application/json');
        const text = await readBodyText(c.req.raw, deps.maxBodyBytes);
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : {};
        } catch {
          throw new HttpError(400, 'the request body is not valid JSON');
        }
        body = def.body.parse(json);
      }
      const result = await def.handler({ query: query as z.infer<Q>, body: body as z.infer<B>, params: c.req.param() as Record<string, string>, deps, c });
      if (def.produces === 'text/html') return htmlResponse(c, result as HtmlPage, def.status ?? 200);
      return c.json(result as object, def.status ?? 200);
    } catch (e) {
      return errorResponse(c, e);
    }
  });
}

/**
 * A page shown in the browser (inline) that it offers to save under `filename`. The name is
 * reduced to ASCII letters, digits, `.`, `_` and `-` so the header needs no quoting rules.
 */
function htmlResponse(c: Context, page: HtmlPage, status: 200 | 201 | 202): Response {
  const filename = page.filename.replace(/[^\w.-]/g, '_');
  return c.body(page.html, status, { 'content-type': 'text/html; charset=utf-8', 'content-disposition': `inline; filename="${filename}"` });
}
