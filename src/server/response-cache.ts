import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * Answers repeated reads from memory. Every GET under /api/ except jobs is a pure function of
 * the request and the workspace, and the server has one DuckDB connection behind a lock, so
 * without this two hundred dashboards asking for the same flows queue for the same query.
 *
 * - The key is the path and the query parameters in sorted order.
 * - An entry is valid only while the workspace's write counter (`Database.version`) has the
 *   value it had before the answer was computed: any write since (an import, a saved model or
 *   run, even one made by a job) makes every entry stale. Conservative on purpose.
 * - Concurrent misses for one key wait for the first one's answer instead of all running.
 * - Only 200 JSON answers are kept, least recently used first out, within `maxBytes`.
 * - Answers carry an ETag; a matching If-None-Match gets 304 without a body.
 */
export interface ResponseCacheOptions {
  /** The workspace's write counter. */
  version: () => number;
  /** Memory for cached bodies (default 64 MiB). */
  maxBytes?: number;
  /** Paths never cached (default: jobs and health). */
  skip?: RegExp;
}

interface Entry {
  version: number;
  /** UTF-8 bytes, encoded once: a hit writes them as they are. */
  body: Uint8Array;
  contentType: string;
  etag: string;
  bytes: number;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

export function responseCache(options: ResponseCacheOptions): { middleware: MiddlewareHandler; stats: () => ResponseCacheStats } {
  const maxBytes = options.maxBytes ?? 64 * 2 ** 20;
  const skip = options.skip ?? /^\/api\/(jobs|health)(\/|$)/;
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | null>>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const keyOf = (url: URL) => {
    const q = [...url.searchParams.entries()].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
    return `${url.pathname}?${new URLSearchParams(q).toString()}`;
  };

  function remember(key: string, entry: Entry): void {
    if (entry.bytes > maxBytes / 4) return;
    const old = entries.get(key);
    if (old) bytes -= old.bytes;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.bytes;
    }
  }

  function fresh(key: string): Entry | undefined {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.version !== options.version()) {
      entries.delete(key);
      bytes -= e.bytes;
      return undefined;
    }
    // Most recently used goes last.
    entries.delete(key);
    entries.set(key, e);
    return e;
  }

  function answer(e: Entry, ifNoneMatch: string | undefined): Response {
    const headers = { 'content-type': e.contentType, etag: e.etag, 'cache-control': 'no-cache', 'x-cache': 'hit' };
    if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(e.etag)) return new Response(null, { status: 304, headers });
    return new Response(e.body, { status: 200, headers });
  }

  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET' || skip.test(c.req.path)) return next();
    const key = keyOf(new URL(c.req.url));
    const inm = c.req.header('if-none-match');
    const hit = fresh(key);
    if (hit) {
      hits++;
      c.res = answer(hit, inm);
      return;
    }
    const waiting = pending.get(key);
    if (waiting) {
      const e = await waiting;
      if (e) {
        hits++;
        c.res = answer(e, inm);
        return;
      }
      return next();
    }
    misses++;
    const version = options.version();
    let settle!: (e: Entry | null) => void;
    pending.set(key, new Promise((ok) => (settle = ok)));
    let entry: Entry | null = null;
    try {
      await next();
      const type = c.res.headers.get('content-type') ?? '';
      if (c.res.status === 200 && type.startsWith('application/json')) {
        const body = new Uint8Array(await c.res.arrayBuffer());
        const etag = `W/"${version}-${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
        entry = { version, body, contentType: type, etag, bytes: body.byteLength };
        if (options.version() === version) remember(key, entry);
        const headers = new Headers(c.res.headers);
        headers.set('etag', etag);
        headers.set('cache-control', 'no-cache');
        headers.set('x-cache', 'miss');
        c.res = undefined;
        c.res = new Response(body, { status: 200, headers });
      }
    } finally {
      pending.delete(key);
      settle(entry);
    }
  };
  return { middleware, stats: () => ({ hits, misses, entries: entries.size, bytes }) };
}
