import { ConflictError, InputError, SpecError } from '../../src/core/errors.ts';

/**
 * What one fuzz input did, and the rules it is judged by (issue 13, part 5): an import either
 * succeeds or throws a talentflow InputError, SpecError or ConflictError whose message names the
 * file; it takes at most 10 s; a refused import changes no table. Anything else is a failure.
 */
export type Verdict =
  | { kind: 'accepted' }
  | { kind: 'refused'; code: string; reason: string; located: boolean }
  | { kind: 'failure'; failure: FailureClass; message: string };

/**
 * crash: another error type (or the process died); hang: over the time limit; partial: a refused
 * import changed a table; unnamed: a refusal that does not name the file; raw: a refusal that
 * passes on a database engine's message; bad-accept: accepted data breaking a stated range;
 * valid-refused: an undamaged file (valid data in any of the accepted styles: BOM, CRLF, CR or mixed
 * line endings, another delimiter, quotes) was refused.
 */
export type FailureClass = 'crash' | 'hang' | 'partial' | 'unnamed' | 'raw' | 'bad-accept' | 'valid-refused';

export const TIME_LIMIT_MS = 10_000;

/** DuckDB's own error prefixes: a refusal quoting them has not said what is wrong in the file. */
const ENGINE = /\b(Binder|Catalog|Conversion|Parser|Invalid Input|INTERNAL|Out of Range|Constraint|Dependency|Serialization|Invalid Configuration) Error\b|state machine/;

/** Judges an error thrown by an import of `file`. */
export function judgeError(e: unknown, file: string): Verdict {
  if (!(e instanceof InputError || e instanceof SpecError || e instanceof ConflictError)) {
    const err = e as Error;
    return { kind: 'failure', failure: 'crash', message: `${err?.name ?? typeof e}: ${String(err?.message ?? e).slice(0, 300)}\n${(err?.stack ?? '').split('\n').slice(1, 6).join('\n')}` };
  }
  if (!e.message.includes(file)) return { kind: 'failure', failure: 'unnamed', message: e.message.slice(0, 300) };
  if (ENGINE.test(e.message)) return { kind: 'failure', failure: 'raw', message: e.message.slice(0, 300) };
  const located = e instanceof InputError ? e.row !== undefined || e.column !== undefined : false;
  return { kind: 'refused', code: e.code, reason: reasonOf(e.message, file), located };
}

/**
 * The reason of a refusal with its place and values taken out, so refusals can be counted by
 * reason: `f.csv, row 3, column "count": "abc" is not a flow count` -> `"…" is not a flow count`.
 */
export function reasonOf(message: string, file: string): string {
  let m = message.split(file).join('');
  m = m.replace(/^(, row \d+)?(, column "(?:[^"]|"")*")?: /, '');
  m = m.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/-?\d[\d,.]*(e[+-]?\d+)?/gi, 'N');
  m = m.replace(/\s+/g, ' ').trim();
  return m.length > 90 ? m.slice(0, 89) + '…' : m;
}

/** A parser target's label ("ok...", "refused: <reason>") as a verdict. */
export function judgeParser(label: string): Verdict {
  if (label.startsWith('refused: ')) return { kind: 'refused', code: 'PARSER', reason: label.slice('refused: '.length), located: true };
  return { kind: 'accepted' };
}
