import type { z } from 'zod';

/**
 * The part of a command's parsed flags that is an operation's input: the keys its zod schema
 * declares. Commander also hands over the common flags (--workspace, --json) and presentation
 * ones (--limit, --lang, --wide), which belong to this adapter and are not part of the request
 * (the operation's schema is strict and would refuse them).
 */
export function inputFrom<T extends object>(schema: z.ZodObject<z.ZodRawShape>, flags: T): Partial<T> {
  const keys = new Set(Object.keys(schema.shape));
  return Object.fromEntries(Object.entries(flags).filter(([k, v]) => keys.has(k) && v !== undefined)) as Partial<T>;
}
