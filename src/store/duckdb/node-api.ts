/**
 * The one door to DuckDB's Node client. `@duckdb/node-api` is CommonJS whose index re-exports
 * ~120 files; imported from an ES module, Node first pre-parses each of them with
 * cjs-module-lexer to learn its named exports and then compiles them again as CommonJS. Loaded
 * through `require` it is compiled once: 160-210 ms instead of 460-560 ms per process on the
 * 2-core CI machine, which every CLI command that opens a workspace or reads a file pays.
 * Types still come from the package itself. An ESLint rule keeps other files from importing
 * the package directly.
 */
import { createRequire } from 'node:module';
import type * as Api from '@duckdb/node-api';

/**
 * Set by the CLI's bundle (scripts/build.mjs): the package pre-bundled into one file beside it,
 * which loads in half the time of its 180 files (70 against 140-180 ms). Elsewhere undefined: the package.
 */
declare const __TALENTFLOW_DUCKDB_API__: string | undefined;
const target = typeof __TALENTFLOW_DUCKDB_API__ === 'string' ? __TALENTFLOW_DUCKDB_API__ : '@duckdb/node-api';
const api = createRequire(import.meta.url)(target) as typeof Api;

export const { DuckDBDataChunk, DuckDBInstance, DuckDBMaterializedResult, DuckDBTypeId, DOUBLE, INTEGER, LIST, VARCHAR, listValue, structValue } = api;
export type DuckDBInstance = Api.DuckDBInstance;
export type DuckDBMaterializedResult = Api.DuckDBMaterializedResult;
export type DuckDBTypeId = Api.DuckDBTypeId;
export type { DuckDBConnection, DuckDBListValue, DuckDBValue } from '@duckdb/node-api';
