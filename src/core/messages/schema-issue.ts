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
  /**
   * What a size bound (too_big, too_small) measures, zod's `origin`: 'array' and 'set' count
   * items, 'string' characters, 'number' and 'bigint' bound the value, 'date' the time (`limit`
   * in ms since 1970); '' for other issues. "At most 20" means 20 items of a list and 20 as a
   * number, so a front-end's words need it.
   */
  readonly origin: string;
  /** Whether the bound itself is allowed (max 20: true; lt(1), positive(): false). */
  readonly inclusive: boolean;
  /** Whether the size must equal `limit` (zod's length(n)). */
  readonly exact: boolean;
}

interface IssueLike {
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

const numeric = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);

export function schemaIssue(issue: IssueLike): SchemaIssueParams {
  const raw = issue as unknown as {
    expected?: unknown; maximum?: unknown; minimum?: unknown; values?: unknown[]; keys?: unknown[]; origin?: unknown; inclusive?: unknown; exact?: unknown;
  };
  const limit = numeric(raw.maximum) ?? numeric(raw.minimum);
  const values = (raw.values ?? raw.keys ?? []).map(String).slice(0, 20);
  return {
    detail: issue.message, issue: issue.code, expected: typeof raw.expected === 'string' ? raw.expected : '', limit, values, ...ruleOf(issue),
    origin: typeof raw.origin === 'string' ? raw.origin : '', inclusive: raw.inclusive !== false, exact: raw.exact === true,
  };
}
