/**
 * Typed errors with stable codes. Every adapter (CLI, server) maps `code` to an exit status or an
 * HTTP status in one place; library code throws these and never prints. A message built with
 * `coded()` (core/messages) also carries its code and parameters, so a front-end can say it in
 * another language; the English `message` is the same either way.
 */
import type { CodedMessage, MessageParams } from './messages/message.ts';

export type ErrorCode = 'INPUT' | 'SPEC' | 'CONVERGENCE' | 'NOT_FOUND' | 'CONFLICT' | 'STORE';

/** An error's words: English text, or a coded message of core/messages (a front-end can translate it). */
export type ErrorText = string | CodedMessage;

export abstract class TalentflowError extends Error {
  abstract readonly code: ErrorCode;
  /** The message's code in core/messages and its parameters, when it was built from one. */
  readonly text?: { readonly code: string; readonly params: MessageParams };

  constructor(text: ErrorText, prefix = '', options?: { cause?: unknown }) {
    super(prefix + (typeof text === 'string' ? text : text.message), options);
    if (typeof text !== 'string') this.text = { code: text.code, params: text.params };
  }

  /** Plain serialisable form, the same through library, CLI and API. */
  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.coded() };
  }

  /** `messageCode` and `params` for the JSON form, when the message is coded. */
  protected coded(): Record<string, unknown> {
    return this.text ? { messageCode: this.text.code, params: this.text.params } : {};
  }
}

/**
 * Where in a file an input problem sits. Rows are numbered as the file shows them to its user: in
 * a CSV the header is row 1 and the first data row 2 (blank lines and quoted line breaks counted,
 * io/text/record-lines.ts); in a worksheet, the sheet's own row numbers.
 */
export interface InputLocation {
  file?: string;
  row?: number;
  column?: string;
}

/**
 * A further problem of the same input: where it sits and its words, coded (e.g. the next bad cells
 * of a column). `column` where the input's columns differ in it (a region in origin or destination);
 * neither row nor column for a count of problems not listed ("and 3 more unrecognised names").
 */
export interface MoreProblem {
  readonly row?: number;
  readonly column?: string;
  readonly text: CodedMessage;
}

/** Bad input data: names the file, row and column when known, and the bad value. */
export class InputError extends TalentflowError {
  readonly code = 'INPUT' as const;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  /** Further problems of the same import, so a user can fix them all in one pass ("row 5: ..."). */
  readonly more: readonly string[];
  /** The same problems coded, where all were given so (else empty), for a front-end in another language. */
  readonly moreCoded: readonly MoreProblem[];

  /** The problem without its location (a front-end writes the location in its own language). */
  readonly reason: string;

  constructor(reason: ErrorText, where: InputLocation = {}, more: readonly (string | MoreProblem)[] = []) {
    super(reason, formatLocation(where));
    this.name = 'InputError';
    this.reason = typeof reason === 'string' ? reason : reason.message;
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
    this.more = more.map((m) => (typeof m === 'string' ? m : formatLocation({ row: m.row, column: m.column }) + m.text.message));
    this.moreCoded = more.every((m) => typeof m !== 'string') ? (more as readonly MoreProblem[]) : [];
  }

  /** The further problems as given: coded where they were, for an error re-addressed from this one. */
  problems(): readonly (string | MoreProblem)[] {
    return this.moreCoded.length ? this.moreCoded : this.more;
  }

  override toJSON(): Record<string, unknown> {
    const moreCoded = this.moreCoded.map((m) => ({ row: m.row, ...(m.column !== undefined ? { column: m.column } : {}), messageCode: m.text.code, params: m.text.params }));
    return { code: this.code, message: this.message, file: this.file, row: this.row, column: this.column, more: this.more, reason: this.reason, ...this.coded(), ...(moreCoded.length ? { moreCoded } : {}) };
  }
}

/** A model or scenario specification that cannot be honoured (names the field). */
export class SpecError extends TalentflowError {
  readonly code = 'SPEC' as const;
  readonly field?: string;
  constructor(message: ErrorText, field?: string) {
    super(message, field ? `${field}: ` : '');
    this.name = 'SpecError';
    this.field = field;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...(this.text && this.field ? { field: this.field } : {}) };
  }
}

/** An iterative fit that did not converge and cannot return a usable answer. */
export class ConvergenceError extends TalentflowError {
  readonly code = 'CONVERGENCE' as const;
  readonly iterations: number;
  constructor(message: ErrorText, iterations: number) {
    super(message);
    this.name = 'ConvergenceError';
    this.iterations = iterations;
  }
}

export class NotFoundError extends TalentflowError {
  readonly code = 'NOT_FOUND' as const;
  constructor(message: ErrorText) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Refused because it would duplicate or contradict what is stored (e.g. re-importing a file). */
export class ConflictError extends TalentflowError {
  readonly code = 'CONFLICT' as const;
  constructor(message: ErrorText) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The workspace could not be opened, migrated or written. */
export class StoreError extends TalentflowError {
  readonly code = 'STORE' as const;
  constructor(message: ErrorText, options?: { cause?: unknown }) {
    super(message, '', options);
    this.name = 'StoreError';
  }
}

export function formatLocation(where: InputLocation): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column "${where.column}"`);
  return parts.length ? parts.join(', ') + ': ' : '';
}

/** formatLocation in Chinese, as the CLI under --lang zh and the 中文 page write it: "f.csv，第 4 行，“origin”列：". */
export function formatLocationZh(where: InputLocation): string {
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.row !== undefined) parts.push(`第 ${where.row} 行`);
  if (where.column !== undefined) parts.push(`“${where.column}”列`);
  return parts.length ? parts.join('，') + '：' : '';
}

/**
 * The words of a caught error, coded where it was (for re-throwing it as another kind with a
 * field, e.g. a SpecError naming where in a document the bad reference stands).
 */
export function textOf(e: unknown): ErrorText {
  if (e instanceof TalentflowError && e.text) return { code: e.text.code, params: e.text.params, message: e instanceof InputError ? e.reason : e.message };
  return e instanceof Error ? e.message : String(e);
}

export function isTalentflowError(e: unknown): e is TalentflowError {
  return e instanceof TalentflowError;
}
