// Lint: typescript-eslint's recommended rules plus the one-way import rule of STYLE.md:
// core and numeric at the bottom; metrics, models, rank, sim above; io, store, report above
// those; app (the operations a user can ask for) above those; server and cli on top, each a thin
// adapter over app and never importing the other. Pure folders may not import node: modules.
import tseslint from 'typescript-eslint';

const layers = {
  core: [],
  numeric: ['core'],
  metrics: ['core', 'numeric'],
  models: ['core', 'numeric', 'metrics'],
  rank: ['core', 'numeric', 'metrics'],
  sim: ['core', 'numeric', 'metrics', 'models'],
  io: ['core', 'numeric'],
  store: ['core', 'numeric', 'io', 'metrics', 'models', 'rank', 'sim'],
  report: ['core', 'numeric', 'metrics', 'models', 'rank', 'sim'],
  app: ['core', 'numeric', 'metrics', 'models', 'rank', 'sim', 'io', 'store', 'report'],
  server: ['core', 'numeric', 'metrics', 'models', 'rank', 'sim', 'io', 'store', 'report', 'app'],
  cli: ['core', 'numeric', 'metrics', 'models', 'rank', 'sim', 'io', 'store', 'report', 'app'],
};
const all = ['core', 'numeric', 'metrics', 'models', 'rank', 'sim', 'io', 'store', 'report', 'app', 'server', 'cli'];
const pure = new Set(['core', 'numeric', 'metrics', 'models', 'rank', 'sim']);

// `talentflow serve` is the one CLI command that starts the server: it may import the server's
// public entry (src/server/index.ts, startServer) and nothing else of it; every other CLI module,
// and the server itself, reach shared meaning through src/app only.
const SERVE_COMMAND = 'src/cli/commands/serve.ts';
// The one file that loads @duckdb/node-api (through require; it imports nothing else of ours).
const DUCKDB_DOOR = 'src/store/duckdb/node-api.ts';
const layerConfigs = Object.entries(layers).map(([folder, allowed]) => {
  const forbidden = all.filter((f) => f !== folder && !allowed.includes(f));
  const patterns = forbidden.map((f) => ({
    group: [`**/${f}/**`, `../${f}`, `../../${f}`, `../../../${f}`],
    message: `src/${folder} may not import src/${f} (imports point one way, see STYLE.md)`,
  }));
  if (pure.has(folder)) {
    patterns.push({ group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: `src/${folder} is pure: no node: imports` });
    patterns.push({ group: ['@duckdb/*', 'exceljs'], message: `src/${folder} is pure: no I/O libraries` });
  } else {
    patterns.push({ group: ['@duckdb/node-api'], message: 'load DuckDB through src/store/duckdb/node-api.ts (a require that spares every process ~300 ms of pre-parsing; see its header)' });
  }
  return {
    files: [`src/${folder}/**/*.ts`],
    // Tests beside pure code may use node:test and node:assert.
    ignores: ['**/*.test.ts', ...(folder === 'cli' ? [SERVE_COMMAND] : []), ...(folder === 'store' ? [DUCKDB_DOOR] : [])],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

const serveConfig = {
  files: [SERVE_COMMAND],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        group: ['**/server/**', '!**/server/index.ts'],
        message: 'the serve command may import only the server\'s entry (src/server/index.ts); share meaning through src/app (see STYLE.md)',
      }],
    }],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  ...layerConfigs,
  serveConfig,
);
