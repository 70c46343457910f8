import { duckdbApi, type DuckDBConnection, type DuckDBInstance, type DuckDBValue } from './node-api.ts';
import { ConflictError, StoreError } from '../../core/errors.ts';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

/**
 * One open DuckDB database with its single connection. Every statement takes its values as bound
 * parameters; identifiers that come from files (column names) go through `quoteIdent`.
 * DuckDB allows one process per database file, so a workspace is held open only for the length
 * of a command (or by the server).
 */
export class Database {
  private inTransaction = false;
  private changes = 0;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {}

  static async open(path: string, options: { memoryLimit?: string; threads?: number } = {}): Promise<Database> {
    let instance: DuckDBInstance;
    try {
      instance = await duckdbApi().DuckDBInstance.create(path, {
        memory_limit: options.memoryLimit ?? '1500MB',
        threads: String(options.threads ?? 2),
        // DuckDB 1.5.1-1.5.6's common-subplan optimizer answers wrongly when two parts of a query
        // read the same join with different columns (duckdb/duckdb#25819): the flows view joins
        // the region codes twice, and `WITH o AS (... origin FROM flows ...), d AS (... destination
        // FROM flows ...)` returned the origins' sums for both. Off until a fixed release.
        disabled_optimizers: 'common_subplan',
      });
    } catch (e) {
      const msg = (e as Error).message;
      // DuckDB lets one process open a file: a second one (a CLI call while the server runs) is
      // the user's situation to resolve, not a fault of the workspace, so it is a conflict (exit 1).
      const lock = /Could not set lock on file[^]*?held in (.+?) \(PID (\d+)\)/.exec(msg);
      if (lock || /conflicting lock/i.test(msg)) {
        const who = lock ? ` (PID ${lock[2]}, ${lock[1]})` : '';
        throw new ConflictError(`workspace ${path} is in use by another process${who}, e.g. a running talentflow server: stop it, or work on a copy of the file (-w copy.duckdb)`);
      }
      throw new StoreError(`cannot open workspace ${path}: ${firstLine(msg)}`, { cause: e });
    }
    return new Database(path, instance, await instance.connect());
  }

  /**
   * A number that changes whenever a statement that may write has run through this object
   * (anything but a plain SELECT/WITH/DESCRIBE/PRAGMA/SHOW, and every transaction). Readers
   * that cache results derived from the workspace (the server's response cache) compare it
   * before reusing them. Writes through `conn` directly (appenders) happen inside a
   * transaction, which counts.
   */
  get version(): number {
    return this.changes;
  }

  private noteWrite(sql: string): void {
    if (!READ_ONLY.test(sql)) this.changes++;
  }

  async run(sql: string, params?: Params): Promise<void> {
    this.noteWrite(sql);
    await this.conn.run(sql, params);
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    this.noteWrite(sql);
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Runs `fn` in a transaction and commits only if every statement succeeded. DuckDB turns a
   * COMMIT after a failed statement into a silent rollback, so failure is detected here and the
   * rollback is explicit: on any error nothing of the work is written.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn();
    await this.run('BEGIN TRANSACTION');
    this.inTransaction = true;
    try {
      const result = await fn();
      await this.run('COMMIT');
      return result;
    } catch (e) {
      try {
        await this.run('ROLLBACK');
      } catch {
        /* the transaction is already aborted; nothing more to undo */
      }
      throw e;
    } finally {
      this.inTransaction = false;
      this.changes++;
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/** Statements that only read (a conservative test: anything else counts as a possible write). */
const READ_ONLY = /^\s*(SELECT|WITH|DESCRIBE|PRAGMA|SHOW|EXPLAIN|SUMMARIZE)\b/i;

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function firstLine(s: string): string {
  return s.split('\n')[0];
}
