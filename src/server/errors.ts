import type { Context } from 'hono';
import { z } from 'zod';
import { isTalentflowError, type ErrorCode } from '../core/errors.ts';

/** The one place where error codes become HTTP statuses. */
export const STATUS: Record<ErrorCode, 400 | 404 | 409 | 422 | 500> = {
  INPUT: 400,
  SPEC: 422,
  CONVERGENCE: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STORE: 500,
};

type HttpStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500;

/** An error of the HTTP layer itself (bad request shape, missing token, body too large). */
export class HttpError extends Error {
  constructor(readonly status: Exclude<HttpStatus, 409 | 422 | 500>, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Status and JSON body for any error: the same for direct answers and for failed jobs. */
export function toErrorBody(e: unknown): { status: HttpStatus; body: { error: Record<string, unknown> } } {
  if (e instanceof HttpError) return { status: e.status, body: { error: { code: 'HTTP', message: e.message } } };
  if (e instanceof z.ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return { status: 400, body: { error: { code: 'VALIDATION', message: `${first.path || 'request'}: ${first.message}`, issues } } };
  }
  if (isTalentflowError(e)) return { status: STATUS[e.code], body: { error: e.toJSON() } };
  console.error(e);
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error: see the server log' } } };
}

export function errorResponse(c: Context, e: unknown): Response {
  const { status, body } = toErrorBody(e);
  return c.json(body, status);
}
