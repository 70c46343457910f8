import type { Context } from 'hono';
import { z } from 'zod';
import { isTalentflowError, type ErrorCode, type ErrorText } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import { schemaIssue } from '../core/messages/schema-issue.ts';

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
  /** The coded form of the message (core/messages), when it has one. */
  readonly text?: { code: string; params: unknown };
  constructor(readonly status: Exclude<HttpStatus, 409 | 422 | 500>, message: ErrorText) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'HttpError';
    if (typeof message !== 'string') this.text = { code: message.code, params: message.params };
  }
}

/**
 * A failed schema check in the one general form of core/messages' `request.invalid`: the field,
 * zod's English words, and the issue's code with what it expected, its bound or its allowed
 * values (and the schema's own check by name), so the page can say it in Chinese without knowing
 * zod's sentences.
 */
function validationBody(e: z.ZodError): Record<string, unknown> {
  const issues = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const text = coded('request.invalid', { field: issues[0].path, ...schemaIssue(e.issues[0]) });
  return { code: 'VALIDATION', message: text.message, messageCode: text.code, params: text.params, issues };
}

/** Status and JSON body for any error: the same for direct answers and for failed jobs. */
export function toErrorBody(e: unknown): { status: HttpStatus; body: { error: Record<string, unknown> } } {
  if (e instanceof HttpError) return { status: e.status, body: { error: { code: 'HTTP', message: e.message, ...(e.text ? { messageCode: e.text.code, params: e.text.params } : {}) } } };
  if (e instanceof z.ZodError) return { status: 400, body: { error: validationBody(e) } };
  if (isTalentflowError(e)) return { status: STATUS[e.code], body: { error: e.toJSON() } };
  console.error(e);
  const internal = coded('server.internal', {});
  return { status: 500, body: { error: { code: 'INTERNAL', message: internal.message, messageCode: internal.code, params: internal.params } } };
}

export function errorResponse(c: Context, e: unknown): Response {
  const { status, body } = toErrorBody(e);
  return c.json(body, status);
}
