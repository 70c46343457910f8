/**
 * Serialises access to the workspace: DuckDB gives the server one connection, and a transaction
 * (an import) must not interleave with other statements on it.
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
