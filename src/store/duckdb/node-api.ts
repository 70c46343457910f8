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
import type Bindings from '@duckdb/node-bindings';

/**
 * Set by the CLI's bundle (scripts/build.mjs): the package pre-bundled into one file beside it,
 * which loads in half the time of its 180 files (70 against 140-180 ms). Elsewhere undefined: the package.
 */
declare const __TALENTFLOW_DUCKDB_API__: string | undefined;
const target = typeof __TALENTFLOW_DUCKDB_API__ === 'string' ? __TALENTFLOW_DUCKDB_API__ : '@duckdb/node-api';
const require = createRequire(import.meta.url);

let api: typeof Api | undefined;
let bindings: typeof Bindings | undefined;
/**
 * The client, loaded on first use rather than when a module that can use it is imported: a
 * command that never opens a workspace or reads a file through DuckDB (`fit gravity --flows` on a
 * plain CSV, which the plain reader reads) is spared the 75-85 ms of loading it and its native
 * library.
 */
export const duckdbApi = (): typeof Api => (api ??= require(target) as typeof Api);
/** The C API's Node binding under the client, for the typed reads and appends; loaded on first use too. */
export const duckdbBindings = (): typeof Bindings => (bindings ??= require('@duckdb/node-bindings') as typeof Bindings);

export const listValue: typeof Api.listValue = (items) => duckdbApi().listValue(items);
export const structValue: typeof Api.structValue = (entries) => duckdbApi().structValue(entries);
export const listOfVarchar = (): Api.DuckDBListType => duckdbApi().LIST(duckdbApi().VARCHAR);
export type DuckDBInstance = Api.DuckDBInstance;
export type DuckDBMaterializedResult = Api.DuckDBMaterializedResult;
export type { DuckDBConnection, DuckDBListValue, DuckDBValue } from '@duckdb/node-api';
