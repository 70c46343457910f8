import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { SCHEMA_VERSION } from '../../store/duckdb/migrations.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';

export function initCommand(): Command {
  return withCommon(new Command('init'))
    .description('create an empty workspace (a DuckDB file) or upgrade an existing one to this version')
    .action(async (_opts, cmd: Command) => {
      const { workspace } = common(cmd);
      const existed = existsSync(workspace);
      await withWorkspace(workspace, async () => undefined);
      const out = outFor(cmd);
      const result = { workspace, created: !existed, schemaVersion: SCHEMA_VERSION };
      if (out.json) printJson(out, result);
      else out.write(`${existed ? 'Workspace is ready' : 'Created workspace'}: ${workspace} (schema version ${SCHEMA_VERSION})`);
    });
}
