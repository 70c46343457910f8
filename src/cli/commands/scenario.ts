import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { compareScenarios, parseScenarioText, type Interval } from '../../sim/index.ts';
import { listScenarioRuns, runScenarioInWorkspace, type StoredScenarioRun } from '../../store/scenarios.ts';
import { withWorkspace } from '../../store/index.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson, renderTable, type Out } from '../output.ts';
import { progressBar } from '../progress.ts';

const fmt = (v: number | null, digits = 0): string => (v === null ? 'n/a' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
/** "1,234 [800, 1,700]": median and the 5-95% interval. */
export const withInterval = (i: Interval, digits = 0): string => `${fmt(i.median, digits)} [${fmt(i.p05, digits)}, ${fmt(i.p95, digits)}]`;

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read scenario file ${file}`, { file });
  }
  if (!/\.json$/i.test(file)) throw new InputError('scenario files are JSON (.json); YAML is not read', { file });
  return parseScenarioText(text, file);
}

async function runFiles(files: readonly string[], cmd: Command, o: { draws: number; seed: number; save: boolean }): Promise<StoredScenarioRun[]> {
  const { workspace, json } = common(cmd);
  const docs = files.map(readDocument);
  const bar = progressBar(!json);
  try {
    return await withWorkspace(workspace, async (ws) => {
      const runs: StoredScenarioRun[] = [];
      for (const [k, doc] of docs.entries()) {
        runs.push(await runScenarioInWorkspace(ws, doc, {
          draws: o.draws, seed: o.seed, save: o.save,
          onProgress: (done, total) => bar.update((k + done / total) / docs.length, `${files[k]} draw ${done}/${total}`),
        }));
      }
      return runs;
    }, { create: false });
  } finally {
    bar.stop();
  }
}

function printRun(out: Out, run: StoredScenarioRun): void {
  const r = run.result;
  out.write(`Scenario ${run.scenario}: model ${run.model.name} (version ${run.model.version}), ${r.draws} draws, seed ${r.seed}, ${run.seconds.toFixed(2)} s`);
  if (run.description) out.write(run.description);
  out.write('Medians with 5-95% intervals over draws; "retained" = graduates living in the target regions.\n');
  out.write(renderTable(r.years, [
    { header: 'year', value: (y) => String(y.year) },
    { header: 'retained (baseline)', value: (y) => fmt(y.retainedBaseline.median) },
    { header: 'retained delta', value: (y) => withInterval(y.retainedDelta) },
    { header: 'net flow delta', value: (y) => withInterval(y.netFlowDelta) },
    { header: 'recipients', value: (y) => fmt(y.recipients.median) },
    { header: 'cost', value: (y) => withInterval(y.cost) },
  ]));
  const s = r.summary;
  const last = r.years[r.years.length - 1]?.year;
  out.write('');
  out.write(`Additional graduates retained by ${last}: ${withInterval(s.retainedDelta)} (own graduates: ${withInterval(s.ownRetainedDelta)})`);
  out.write(`Total cost: ${withInterval(s.totalCost)}; person-years paid: ${withInterval(s.recipients)}`);
  out.write(`Cost per additional retained graduate: ${withInterval(s.costPerRetained)}${s.drawsWithoutGain ? ` (${s.drawsWithoutGain} draws with no gain: infinite cost)` : ''}`);
  for (const n of run.notes) out.write(`note: ${n}`);
  for (const a of run.assumptions) out.write(`assumption: ${a}`);
  if (run.id !== null) out.write(`stored as run ${run.id} of scenario "${run.scenario}"`);
}

export function scenarioCommand(): Command {
  const cmd = new Command('scenario').description('policy scenarios: counterfactual flows, cohort microsimulation, uncertainty and cost per retained graduate');
  const runOptions = (c: Command) => c
    .option('--draws <n>', 'parameter draws (each with its own simulation)', intOption, 200)
    .option('--seed <n>', 'random seed', intOption, 1)
    .option('--no-save', 'do not store the scenario and its result in the workspace');

  cmd.addCommand(runOptions(withCommon(new Command('run')))
    .argument('<file>', 'scenario document (JSON)')
    .description('run a scenario against its baseline with uncertainty; stores the scenario and the result with the model version')
    .addHelpText('after', `
Examples:
  talentflow scenario run examples/korea-regional-income.json
  talentflow scenario run examples/northeast-stay-subsidy.json --draws 500 --seed 7 --json`)
    .action(async (file: string, o: { draws: number; seed: number; save: boolean }, c: Command) => {
      const out = outFor(c);
      const [run] = await runFiles([file], c, o);
      if (out.json) return printJson(out, { scenario: run.scenario, model: run.model, id: run.id, seed: run.result.seed, draws: run.result.draws, seconds: run.seconds, notes: run.notes, assumptions: run.assumptions, years: run.result.years, summary: run.result.summary, regions: run.result.regions, parameters: run.result.parameters, agentsPerYear: run.result.agentsPerYear, personsPerAgent: run.result.personsPerAgent });
      printRun(out, run);
    }));

  cmd.addCommand(runOptions(withCommon(new Command('compare')))
    .argument('<files...>', 'two or more scenario documents (JSON)')
    .description('run several scenarios and show their effects side by side')
    .action(async (files: string[], o: { draws: number; seed: number; save: boolean }, c: Command) => {
      const out = outFor(c);
      const runs = await runFiles(files, c, o);
      const comparison = compareScenarios(runs.map((r) => ({ name: r.scenario, model: `${r.model.name}@${r.model.version}`, result: r.result })));
      if (out.json) return printJson(out, { ...comparison, runs: runs.map((r) => ({ scenario: r.scenario, id: r.id, model: r.model, summary: r.result.summary })) });
      out.write(renderTable(comparison.scenarios, [
        { header: 'scenario', value: (s) => s.name },
        { header: 'model', value: (s) => s.model },
        { header: 'retained delta', value: (s) => withInterval(s.retainedDelta) },
        { header: 'total cost', value: (s) => withInterval(s.totalCost) },
        { header: 'cost per retained', value: (s) => withInterval(s.costPerRetained) },
      ]));
      out.write('Medians with 5-95% intervals over draws.');
    }));

  cmd.addCommand(withCommon(new Command('list'))
    .argument('[name]', 'only runs of this scenario')
    .description('stored scenario runs with the model version they used')
    .action(async (name: string | undefined, _o: unknown, c: Command) => {
      const out = outFor(c);
      const rows = await withWorkspace(common(c).workspace, (ws) => listScenarioRuns(ws, name), { create: false });
      if (out.json) return printJson(out, rows);
      out.write(renderTable(rows, [
        { header: 'run', value: (r) => r.id }, { header: 'scenario', value: (r) => r.scenario }, { header: 'model', value: (r) => r.model },
        { header: 'version', value: (r) => r.modelVersion }, { header: 'seed', value: (r) => r.seed }, { header: 'draws', value: (r) => r.draws },
        { header: 'at', value: (r) => r.createdAt },
      ]));
    }));
  return cmd;
}
