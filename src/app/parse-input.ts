import type { z } from 'zod';
import { SpecError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import { schemaIssue } from '../core/messages/schema-issue.ts';

/**
 * Validates an operation's input against its zod schema. Both front-ends reach here with values
 * already typed (commander's flags, the server's coerced query), so a failure is a request that
 * means nothing (an unknown option, a rate of 5 per person a year): a SpecError naming the field,
 * which the CLI prints (exit 1; coded, so `--lang zh` says it in Chinese) and the server's one
 * error mapper turns into a status.
 */
export function parseInput<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.') || undefined;
  throw new SpecError(coded('input.invalid', { ...schemaIssue(issue), more: [], others: 0 }), field);
}
