import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError, errorResponse } from './errors.ts';

/**
 * Who may talk to the server. The default server listens on 127.0.0.1 without a token, so any web
 * page the user visits could otherwise send it writes (cross-site request forgery) or, through a
 * DNS name re-pointed at 127.0.0.1, read it (DNS rebinding). Four checks close that:
 *
 * 1. Host: the name the request was sent to must be one this server answers to (loopback names
 *    by default), so a rebound name (`Host: evil.example:5173`) is refused, reads included.
 * 2. Origin: a state-changing request that carries an Origin (every browser sends one on a
 *    cross-origin POST/DELETE, form posts included) must come from this server's own origin.
 * 3. Sec-Fetch-Site: where the browser says the request is cross-site or same-site, it is refused.
 * 4. Content types (checked by the routes): JSON bodies must be exactly application/json and
 *    uploads may not use the three types a cross-site form or no-cors fetch can send without a
 *    CORS preflight (text/plain, application/x-www-form-urlencoded, multipart/form-data).
 *
 * Non-browser clients (curl, scripts) send neither Origin nor Sec-Fetch-Site and pass 2 and 3.
 * With a token, every write must also carry `Authorization: Bearer <token>`, compared in
 * constant time.
 */
export interface GuardOptions {
  /** Host names (without port) the server answers to; 'any' skips the Host check. */
  allowedHosts: readonly string[] | 'any';
  token?: string;
}

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestGuard(options: GuardOptions): MiddlewareHandler {
  const allowed = options.allowedHosts === 'any' ? null : new Set(options.allowedHosts.map(normaliseHost));
  const tokenDigest = options.token ? digest(options.token) : null;
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (allowed && !allowed.has(normaliseHost(url.hostname))) {
      return refuse(c, 403, `this server does not answer to the host name "${url.hostname}" (a page may be trying to reach it through a re-pointed DNS name); open it at http://127.0.0.1:${url.port || 80}/`);
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      if (site && site !== 'same-origin' && site !== 'none') return refuse(c, 403, `changes are accepted only from this server's own pages (the browser marked the request ${site})`);
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== url.origin) return refuse(c, 403, `changes are accepted only from this server's own pages, not from ${origin === 'null' ? 'an opaque origin' : origin}`);
      if (tokenDigest && !bearerMatches(c.req.header('authorization'), tokenDigest)) {
        return refuse(c, 401, 'this server needs an access token for changes: send Authorization: Bearer <token>');
      }
    }
    await next();
  };
}

/** The media type of a Content-Type header, lower case, without parameters ('' when absent). */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** Types a browser sends cross-site without asking first (the CORS "simple request" types). */
export const FORM_MEDIA_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  // Digests of equal length, so the comparison takes the same time whatever was sent.
  return m !== null && timingSafeEqual(digest(m[1]), expected);
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

function normaliseHost(h: string): string {
  return h.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

function refuse(c: Context, status: 401 | 403, message: string): Response {
  return errorResponse(c, new HttpError(status, message));
}
