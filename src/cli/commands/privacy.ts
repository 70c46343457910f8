import { Command } from 'commander';
import { DEFAULT_MIN_CELL, LOWEST_MIN_CELL } from '../../metrics/privacy/min-cell.ts';
import { SMALL_CELL_RULE } from '../../metrics/privacy/types.ts';
import { suppressedMark } from '../../report/graduates/labels.ts';
import { privacyK, privacyKIsSet, setPrivacyK } from '../../store/privacy.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { messageLangOption, type CliLang } from '../lang.ts';

/** What the command says in each --lang; the hidden cells' mark in both languages either way. */
const WORDS = {
  en: {
    lowered: (k: number, previous: number) => `warning: k lowered from ${previous} to ${k}: groups of ${k} to ${previous - 1} persons now show in every report`,
    set: (k: number, previous: number) => `Privacy threshold k set to ${k} (was ${previous}).`,
    shown: (k: number, isDefault: boolean) => `Privacy threshold k = ${k}${isDefault ? ' (the default)' : ''}.`,
    marks: (k: number) => `Counts of fewer than ${k} persons, and the cells that would reveal them, read "${suppressedMark(k, 'en')}" (${suppressedMark(k, 'zh')}) in every report built from person records: CLI, HTML, CSV exports, dashboard and API.`,
    change: `Change it on this machine with \`talentflow privacy --k N\` (N >= ${LOWEST_MIN_CELL}); the API cannot. See docs/privacy.md.`,
  },
  zh: {
    lowered: (k: number, previous: number) => `警告：k 由 ${previous} 降为 ${k}：${k} 至 ${previous - 1} 人的组现在会出现在每份报告中`,
    set: (k: number, previous: number) => `小单元阈值 k 已设为 ${k}（原为 ${previous}）。`,
    shown: (k: number, isDefault: boolean) => `小单元阈值 k = ${k}${isDefault ? '（默认值）' : ''}。`,
    marks: (k: number) => `少于 ${k} 人的计数，以及会暴露它们的单元格，在每份基于个人记录的报告中（命令行、HTML、CSV 导出、仪表板和 API）都显示为“${suppressedMark(k, 'zh')}”（${suppressedMark(k, 'en')}）。`,
    change: `只能在本机用 \`talentflow privacy --k N\`（N >= ${LOWEST_MIN_CELL}）修改，API 无法修改。见 docs/privacy.md。`,
  },
} as const;

/**
 * `talentflow privacy [--k N]`: shows or sets the workspace's small-cell threshold k
 * (docs/privacy.md). Only here, on the machine that holds the workspace: the API shows k in every
 * report's `privacy` field and has no way to change it, since a lower k weakens the protection of
 * the persons in the workspace.
 */
export function privacyCommand(): Command {
  return withCommon(new Command('privacy'))
    .description(`show or set the small-cell threshold k: counts of fewer than k persons (default ${DEFAULT_MIN_CELL}, never below ${LOWEST_MIN_CELL}) are hidden in every report built from person records`)
    .option('--k <n>', `set k (a whole number, at least ${LOWEST_MIN_CELL}); stored in the workspace`)
    .addOption(messageLangOption())
    .addHelpText('after', '\nExamples:\n  talentflow privacy\n  talentflow privacy --k 20\n\nk is set on this machine only: the API shows it and cannot change it. See docs/privacy.md.')
    .action(async (o: { k?: string; lang?: CliLang }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const w = WORDS[o.lang ?? 'en'];
      await withWorkspace(workspace, async (ws) => {
        const changed = o.k === undefined ? null : await setPrivacyK(ws, o.k);
        const k = await privacyK(ws);
        const result = { k, isDefault: !(await privacyKIsSet(ws)), default: DEFAULT_MIN_CELL, minimum: LOWEST_MIN_CELL, previous: changed?.previous ?? null, mark: suppressedMark(k, 'en'), rule: SMALL_CELL_RULE };
        if (changed && changed.k < changed.previous) out.error(w.lowered(changed.k, changed.previous));
        if (out.json) return printJson(out, result);
        out.write(changed ? w.set(k, changed.previous) : w.shown(k, result.isDefault));
        out.write(w.marks(k));
        if (!changed) out.write(w.change);
      }, { create: false });
    });
}
