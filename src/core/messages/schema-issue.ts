import { ruleOf } from './choice-spec.ts';

/**
 * What a failed schema check says, in the parameters every coded form of it carries (the HTTP
 * layer's request.invalid, an operation's or a choice spec's input.invalid): zod's English (`detail`), its
 * issue code with what it expected, its bound or its allowed values, and the schema's own check
 * (`rule`, `value`) where the schema names one. Structural, so the catalogue stays free of zod.
 */
export interface SchemaIssueParams {
  readonly detail: string;
  readonly issue: string;
  readonly expected: string;
  readonly limit: number | null;
  readonly values: readonly string[];
  readonly rule: string | null;
  readonly value: string | null;
}

interface IssueLike {
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export function schemaIssue(issue: IssueLike): SchemaIssueParams {
  const raw = issue as unknown as { expected?: unknown; maximum?: unknown; minimum?: unknown; values?: unknown[]; keys?: unknown[] };
  const limit = typeof raw.maximum === 'number' ? raw.maximum : typeof raw.minimum === 'number' ? raw.minimum : null;
  const values = (raw.values ?? raw.keys ?? []).map(String).slice(0, 20);
  return { detail: issue.message, issue: issue.code, expected: typeof raw.expected === 'string' ? raw.expected : '', limit, values, ...ruleOf(issue) };
}
