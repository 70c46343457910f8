import type Bindings from '@duckdb/node-bindings';
import { duckdbApi, duckdbBindings, type DuckDBConnection, type DuckDBValue } from './node-api.ts';

/** A column a typed read returns: DOUBLE columns as Float64Array, UINTEGER columns as Uint32Array. */
export type TypedColumn = Float64Array | Uint32Array;

export interface TypedColumns {
  rows: number;
  columns: TypedColumn[];
}

export interface TypedReadOptions {
  /** Rows the query returns when known (e.g. a staged table's count): sizes the arrays once. */
  expectedRows?: number;
  /**
   * The query's first column is each row's place in the output (UINTEGER, 0 .. expectedRows-1):
   * values are written there and the column itself is not returned. Lets a query join without
   * a sort (DuckDB's parallel hash joins do not keep the input's order).
   */
  positioned?: boolean;
  /**
   * Pull the result as DuckDB produces it instead of materialising it first: about half the CPU
   * time for a plain scan of stored columns (no join or aggregate to parallelise), where the
   * materialised result is built and then copied again.
   */
  stream?: boolean;
}

/**
 * Runs a query whose every column is DOUBLE or UINTEGER and copies its result chunk by chunk
 * into typed arrays: the raw bytes of each vector go across in one copy per 2,048 rows, with no
 * JavaScript value built per row (DuckDB's `getColumnsJS()` and `getColumnValues()` box every
 * number, which for 10 million rows is seconds and gigabytes of heap).
 *
 * A NULL double becomes NaN (a missing number, as the models read it); a NULL integer is a
 * mistake of the query (codes come from dictionaries, never NULL) and an error.
 */
export async function queryTypedColumns(conn: DuckDBConnection, sql: string, params: DuckDBValue[] = [], options: TypedReadOptions = {}): Promise<TypedColumns> {
  // Materialised (not streamed): DuckDB then produces the result on all its threads, and
  // fetching chunks from it is about twice as fast as pulling a stream.
  const { DuckDBMaterializedResult, DuckDBTypeId } = duckdbApi();
  const duckdb = duckdbBindings();
  const result = options.stream ? await conn.stream(sql, params) : await conn.run(sql, params);
  const kinds = Array.from({ length: result.columnCount }, (_, i) => result.columnTypeId(i));
  kinds.forEach((k, i) => {
    if (k !== DuckDBTypeId.DOUBLE && k !== DuckDBTypeId.UINTEGER) throw new Error(`typed read: column ${result.columnName(i)} is ${DuckDBTypeId[k]}, not DOUBLE or UINTEGER`);
  });
  const total = result instanceof DuckDBMaterializedResult ? result.rowCount : (options.expectedRows ?? 0);
  const positioned = options.positioned ?? false;
  if (positioned && kinds[0] !== DuckDBTypeId.UINTEGER) throw new Error('typed read: the position column must be UINTEGER');
  const size = positioned ? (options.expectedRows ?? total) : total;
  const first = positioned ? 1 : 0;
  const doubles = kinds.map((k) => k === DuckDBTypeId.DOUBLE);
  let columns: TypedColumn[] = doubles.slice(first).map((d) => (d ? new Float64Array(size) : new Uint32Array(size)));
  let rows = 0;
  // A materialised result's chunks are taken synchronously, by index: awaiting each of 4,400
  // chunks (9 million rows) through the native thread pool took longer than copying them.
  const materialised = result instanceof DuckDBMaterializedResult ? result : null;
  let next = 0;
  const fetch = async () => (materialised ? (next < materialised.chunkCount ? materialised.getChunk(next++) : null) : result.fetchChunk());
  for (let chunk = await fetch(); chunk && chunk.rowCount > 0; chunk = await fetch()) {
    const n = chunk.rowCount;
    // A stream's length is the caller's estimate: grow if it was short (never for a count taken just before).
    if (!positioned && rows + n > columns[0].length) columns = columns.map((c) => grown(c, Math.max(2 * c.length, rows + n)));
    const position = positioned ? vectorValues(duckdb, chunk.chunk, 0, false, n) as Uint32Array : null;
    if (position) {
      for (let r = 0; r < n; r++) if (position[r] >= size) throw new Error(`typed read: position ${position[r]} beyond ${size} rows`);
    }
    for (let i = first; i < kinds.length; i++) {
      const target = columns[i - first];
      const values = vectorValues(duckdb, chunk.chunk, i, doubles[i], n);
      if (position) for (let r = 0; r < n; r++) target[position[r]] = values[r];
      else target.set(values, rows);
      const validity = duckdb.vector_get_validity(duckdb.data_chunk_get_vector(chunk.chunk, i), Math.ceil(n / 64) * 8);
      if (validity) markNulls(validity, n, (r) => (position ? position[r] : rows + r), target, result.columnName(i));
    }
    rows += n;
  }
  return { rows, columns: !positioned && columns.length && rows < columns[0].length ? columns.map((c) => c.subarray(0, rows)) : columns };
}

function grown(c: TypedColumn, length: number): TypedColumn {
  const g = c instanceof Float64Array ? new Float64Array(length) : new Uint32Array(length);
  g.set(c);
  return g;
}

/** A copy of one vector's values (DuckDB hands over a fresh buffer; copied again if misaligned). */
function vectorValues(duckdb: typeof Bindings, chunk: Bindings.DataChunk, column: number, double: boolean, n: number): TypedColumn {
  const vector = duckdb.data_chunk_get_vector(chunk, column);
  let bytes = duckdb.vector_get_data(vector, n * (double ? 8 : 4));
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  return double ? new Float64Array(bytes.buffer, bytes.byteOffset, n) : new Uint32Array(bytes.buffer, bytes.byteOffset, n);
}

/** Bit r of the validity mask (little-endian 64-bit words) is 0 where row r is NULL. */
function markNulls(validity: Uint8Array, n: number, place: (r: number) => number, target: TypedColumn, name: string): void {
  for (let byte = 0; byte * 8 < n; byte++) {
    const bits = validity[byte];
    if (bits === 0xff) continue;
    for (let b = 0; b < 8 && byte * 8 + b < n; b++) {
      if (bits & (1 << b)) continue;
      if (target instanceof Float64Array) target[place(byte * 8 + b)] = NaN;
      else throw new Error(`typed read: NULL in integer column ${name}`);
    }
  }
}
