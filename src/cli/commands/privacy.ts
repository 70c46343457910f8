import { Command } from 'commander';
import { DEFAULT_MIN_CELL, LOWEST_MIN_CELL } from '../../metrics/privacy/min-cell.ts';
import { SMALL_CELL_RULE } from '../../metrics/privacy/types.ts';
import { suppressedMark } from '../../report/graduates/labels.ts';
import { privacyK, privacyKIsSet, setPrivacyK } from '../../store/privacy.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';

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
    .addHelpText('after', '\nExamples:\n  talentflow privacy\n  talentflow privacy --k 20\n\nk is set on this machine only: the API shows it and cannot change it. See docs/privacy.md.')
    .action(async (o: { k?: string }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      await withWorkspace(workspace, async (ws) => {
        const changed = o.k === undefined ? null : await setPrivacyK(ws, o.k);
        const k = await privacyK(ws);
        const result = { k, isDefault: !(await privacyKIsSet(ws)), default: DEFAULT_MIN_CELL, minimum: LOWEST_MIN_CELL, previous: changed?.previous ?? null, mark: suppressedMark(k, 'en'), rule: SMALL_CELL_RULE };
        if (changed && changed.k < changed.previous) out.error(`warning: k lowered from ${changed.previous} to ${changed.k}: groups of ${changed.k} to ${changed.previous - 1} persons now show in every report`);
        if (out.json) return printJson(out, result);
        out.write(changed ? `Privacy threshold k set to ${k} (was ${changed.previous}).` : `Privacy threshold k = ${k}${result.isDefault ? ' (the default)' : ''}.`);
        out.write(`Counts of fewer than ${k} persons, and the cells that would reveal them, read "${result.mark}" (${suppressedMark(k, 'zh')}) in every report built from person records: CLI, HTML, CSV exports, dashboard and API.`);
        if (!changed) out.write(`Change it on this machine with \`talentflow privacy --k N\` (N >= ${LOWEST_MIN_CELL}); the API cannot. See docs/privacy.md.`);
      }, { create: false });
    });
}
