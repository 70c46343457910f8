import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { StoreError } from '../../core/errors.ts';

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

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {}

  static async open(path: string, options: { memoryLimit?: string; threads?: number } = {}): Promise<Database> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        memory_limit: options.memoryLimit ?? '1500MB',
        threads: String(options.threads ?? 2),
      });
    } catch (e) {
      const msg = (e as Error).message;
      const hint = /lock/i.test(msg) ? ' (another talentflow process, e.g. the server, holds it open: stop it or use a copy)' : '';
      throw new StoreError(`cannot open workspace ${path}: ${firstLine(msg)}${hint}`, { cause: e });
    }
    return new Database(path, instance, await instance.connect());
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.conn.run(sql, params);
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
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
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

export function firstLine(s: string): string {
  return s.split('\n')[0];
}
