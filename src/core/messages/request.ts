import { def } from './message.ts';

/**
 * The HTTP layer's own answers (src/server/errors.ts): a request that fails its schema, in one
 * general form whatever the field (zod's issue code and bounds as parameters, so a front-end can
 * say "at most 100" in its language), and the internal error.
 */
export const REQUEST_MESSAGES = {
  'request.invalid': def({ field: 'draws', detail: 'Too big: expected number to be <=1000', issue: 'too_big', expected: '', limit: 1000 as number | null, values: [] as readonly string[] },
    (p) => `${p.field || 'request'}: ${p.detail}`),
  'server.internal': def({}, () => 'internal error: see the server log'),
};
