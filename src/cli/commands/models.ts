import { Command } from 'commander';
import { deleteModel, listModels, loadModel } from '../../store/models.ts';
import { withWorkspace } from '../../store/workspace.ts';
import type { GravityResult } from '../../models/index.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { gravitySummary } from '../model-summary.ts';

export function modelsCommand(): Command {
  return withCommon(new Command('models'))
    .description('list the models saved in the workspace, show one, or delete one')
    .argument('[name]', 'a saved model to show')
    .option('--delete', 'delete the named model')
    .action(async (name: string | undefined, o: { delete?: boolean }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      await withWorkspace(workspace, async (ws) => {
        if (!name) {
          const rows = await listModels(ws);
          if (out.json) return printJson(out, rows);
          // Level, country and number of regions fitted: which model fits which map (the dashboard's
          // Scenario tab chooses by them too).
          printTable(out, rows, [
            { header: 'name', value: (r) => r.name }, { header: 'kind', value: (r) => r.kind },
            { header: 'level', value: (r) => r.level ?? '' }, { header: 'country', value: (r) => (r.case === 'data' ? '(none)' : r.case?.toUpperCase() ?? '') },
            { header: 'regions', value: (r) => (r.regions ? String(r.regions) : '') }, { header: 'saved', value: (r) => r.createdAt },
          ], { what: 'models' });
          return;
        }
        if (o.delete) {
          await deleteModel(ws, name);
          return out.json ? printJson(out, { deleted: name }) : out.write(`Deleted model "${name}"`);
        }
        const m = await loadModel(ws, name);
        if (out.json) return printJson(out, m);
        out.write(`Model "${m.name}" (${m.kind}), saved ${m.createdAt}\n`);
        out.write(m.kind === 'gravity' ? gravitySummary(m.result as GravityResult, NaN).replace(/; fit NaN s/, '') : JSON.stringify(m.result, null, 2));
      }, { create: false });
    });
}
