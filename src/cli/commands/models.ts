import { Command } from 'commander';
import { levelZh } from '../../core/messages/level-zh.ts';
import { deleteModel, listModels, loadModel } from '../../store/models.ts';
import { withWorkspace } from '../../store/workspace.ts';
import type { GravityResult } from '../../models/index.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { gravitySummary } from '../model-summary.ts';
import { messageLangOption, type CliLang } from '../lang.ts';

/** The words of the list and the shown model in each --lang; kinds by the Models tab's names. */
const WORDS = {
  en: { name: 'name', kind: 'kind', level: 'level', country: 'country', none: '(none)', regions: 'regions', saved: 'saved', kinds: {} as Record<string, string>,
    deleted: (name: string) => `Deleted model "${name}"`, shown: (name: string, kind: string, at: string) => `Model "${name}" (${kind}), saved ${at}\n` },
  zh: { name: '名称', kind: '类型', level: '层级', country: '国家', none: '（无）', regions: '地区数', saved: '保存时间', kinds: { gravity: '引力模型', radiation: '辐射模型', choice: '选择模型', logit: '选择模型' } as Record<string, string>,
    deleted: (name: string) => `已删除模型“${name}”`, shown: (name: string, kind: string, at: string) => `模型“${name}”（${kind}），保存于 ${at}\n` },
} as const;

export function modelsCommand(): Command {
  return withCommon(new Command('models'))
    .description('list the models saved in the workspace, show one, or delete one')
    .argument('[name]', 'a saved model to show')
    .option('--delete', 'delete the named model')
    .addOption(messageLangOption())
    .action(async (name: string | undefined, o: { delete?: boolean; lang?: CliLang }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const lang = o.lang ?? 'en';
      const w = WORDS[lang];
      const kind = (k: string) => w.kinds[k] ?? k;
      await withWorkspace(workspace, async (ws) => {
        if (!name) {
          const rows = await listModels(ws);
          if (out.json) return printJson(out, rows);
          // Level, country and number of regions fitted: which model fits which map (the dashboard's
          // Scenario tab chooses by them too).
          printTable(out, rows, [
            { header: w.name, value: (r) => r.name }, { header: w.kind, value: (r) => kind(r.kind) },
            { header: w.level, value: (r) => (r.level ? (lang === 'zh' ? levelZh(r.level) : r.level) : '') }, { header: w.country, value: (r) => (r.case === 'data' ? w.none : r.case?.toUpperCase() ?? '') },
            { header: w.regions, value: (r) => (r.regions ? String(r.regions) : '') }, { header: w.saved, value: (r) => r.createdAt },
          ], { what: 'models', lang });
          return;
        }
        if (o.delete) {
          await deleteModel(ws, name);
          return out.json ? printJson(out, { deleted: name }) : out.write(w.deleted(name));
        }
        const m = await loadModel(ws, name);
        if (out.json) return printJson(out, m);
        out.write(w.shown(m.name, kind(m.kind), m.createdAt));
        out.write(m.kind === 'gravity' ? gravitySummary(m.result as GravityResult, NaN, lang).replace(/; fit NaN s|；拟合 NaN 秒/, '') : JSON.stringify(m.result, null, 2));
      }, { create: false });
    });
}
