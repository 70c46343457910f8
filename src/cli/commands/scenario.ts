import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { currencyWord } from '../../core/currency.ts';
import { InputError } from '../../core/errors.ts';
import { unknownValueError } from '../../core/unknown-value.ts';
import { SpecError } from '../../core/errors.ts';
import { chooseScenarioRun, runChosenScenario, type ChosenScenarioRun, type ScenarioRunAnswer } from '../../app/scenario/run.ts';
import { compareScenarios, type Interval } from '../../sim/index.ts';
import { listScenarioRuns } from '../../store/scenarios.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson, renderTable, type Column, type Out } from '../output.ts';
import { progressBar } from '../progress.ts';
import { langAllOption, regionNamer } from '../region-names.ts';
import { CodedArgumentError, messageLangOption, said, type CliLang } from '../lang.ts';
import { scenarioWords } from '../scenario-words.ts';
import { coded } from '../../core/messages/index.ts';

/** A number, or `none` (the words' "n/a" / "无") where it has no bound. */
const fmt = (v: number | null, none = 'n/a'): string => (v === null ? none : v.toLocaleString('en-US', { maximumFractionDigits: 0 }));
/** "1,234 [800, 1,700]": median and the 5-95% interval, `none` for an end without a bound. */
export const withInterval = (i: Interval, none = 'n/a'): string => `${fmt(i.median, none)} [${fmt(i.p05, none)}, ${fmt(i.p95, none)}]`;

/** A monthly amount: a number >= 0 (digits, with an optional decimal part). */
function amountOption(v: string): number {
  const n = Number(v.replace(/,/g, ''));
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new CodedArgumentError(coded('cli.value.notAmount', { value: v }));
  return n;
}

/** An amount with its currency's word, as the notes and the dashboard write it ("12,000 yuan", "12,000 元"). */
const money = (text: string, currency: string, lang: CliLang = 'en') => (currency ? `${text} ${currencyWord(currency, lang)}` : text);

/** A scenario file's document as JSON (checked by the run operation, which names the bad field). */
function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read scenario file ${file}`, { file });
  }
  if (!/\.json$/i.test(file)) throw new InputError('scenario files are JSON (.json); YAML is not read', { file });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SpecError(`${file} is not valid JSON: ${(e as Error).message}`, 'scenario');
  }
}

interface RunOptions { draws: number; seed: number; save: boolean; amount?: number }

/** Each file through the run operation (src/app/scenario): all checked before the first runs, then run in turn. */
async function runFiles(files: readonly string[], cmd: Command, o: RunOptions): Promise<ScenarioRunAnswer[]> {
  const { workspace, json } = common(cmd);
  const inputs = files.map((f) => ({ document: readDocument(f), draws: o.draws, seed: o.seed, save: o.save, amount: o.amount }));
  const bar = progressBar(!json);
  try {
    return await withWorkspace(workspace, async (ws) => {
      const chosen: ChosenScenarioRun[] = [];
      for (const input of inputs) chosen.push(await chooseScenarioRun(ws, input));
      const runs: ScenarioRunAnswer[] = [];
      for (const [k, c] of chosen.entries()) {
        runs.push(await runChosenScenario(ws, c, { onProgress: (done, total) => bar.update((k + done / total) / files.length, `${files[k]} draw ${done}/${total}`) }));
      }
      return runs;
    }, { create: false });
  } finally {
    bar.stop();
  }
}

function printRun(out: Out, run: ScenarioRunAnswer, lang: CliLang): void {
  const w = scenarioWords(lang);
  const iv = (i: Interval) => withInterval(i, w.none);
  const currency = run.currency ?? '';
  const r = run.result;
  out.write(w.title(run.scenario, run.model.name, run.model.version, r.draws, r.seed, run.seconds.toFixed(2)));
  // The notes coded (the amount's note among them) where the answer carries them, one for one.
  const coded = run.messages?.notes?.length === run.notes.length ? run.messages.notes : undefined;
  const amountNote = run.amountNote;
  const amountAt = amountNote ? run.notes.indexOf(amountNote) : -1;
  if (amountNote) out.write(w.amount(said(amountNote, coded?.[amountAt], lang)));
  // The document's own text, in Chinese where it has it (description_zh, assumptions_zh).
  const description = lang === 'zh' ? run.descriptionZh ?? run.description : run.description;
  const assumptions = lang === 'zh' ? run.assumptionsZh ?? run.assumptions : run.assumptions;
  if (description) out.write(description);
  out.write(w.legend);
  out.write(renderTable(r.years, [
    { header: w.year, value: (y) => String(y.year) },
    { header: w.retainedBaseline, value: (y) => fmt(y.retainedBaseline.median, w.none) },
    { header: w.retainedDelta, value: (y) => iv(y.retainedDelta) },
    { header: w.netFlowDelta, value: (y) => iv(y.netFlowDelta) },
    { header: w.recipients, value: (y) => fmt(y.recipients.median, w.none) },
    { header: w.cost(currency ? currencyWord(currency, lang) : ''), value: (y) => iv(y.cost) },
  ]));
  const s = r.summary;
  out.write('');
  out.write(w.retainedBy(r.years[r.years.length - 1]?.year, iv(s.retainedDelta), iv(s.ownRetainedDelta)));
  out.write(w.totalCost(money(iv(s.totalCost), currency, lang), iv(s.recipients)));
  out.write(w.costPerRetained(money(iv(s.costPerRetained), currency, lang), s.drawsWithoutGain, r.draws));
  run.notes.forEach((n, i) => i !== amountAt && out.write(w.note(said(n, coded?.[i], lang))));
  for (const a of assumptions) out.write(w.assumption(a));
  if (run.id !== null) out.write(w.stored(run.id, run.scenario));
}

export function scenarioCommand(): Command {
  const cmd = new Command('scenario').description('policy scenarios: counterfactual flows, cohort microsimulation, uncertainty and cost per retained graduate');
  const runOptions = (c: Command) => c
    .option('--draws <n>', 'parameter draws (each with its own simulation)', intOption, 200)
    .option('--seed <n>', 'random seed', intOption, 1)
    .option('--no-save', 'do not store the scenario and its result in the workspace')
    .option('--amount <n>', "payment per recipient a month, in the document's currency (as the dashboard's slider): sets the first intervention's cost to 12 x N a year and scales its change of the income term in proportion", amountOption);

  cmd.addCommand(runOptions(withCommon(new Command('run')))
    .argument('<file>', 'scenario document (JSON)')
    .addOption(messageLangOption())
    .description('run a scenario against its baseline with uncertainty; stores the scenario and the result with the model version')
    .addHelpText('after', `
Examples:
  talentflow scenario run examples/korea-regional-income.json
  talentflow scenario run examples/northeast-stay-subsidy.json --amount 500      # 500 yuan a month instead of the document's 1,000
  talentflow scenario run examples/northeast-stay-subsidy.json --draws 500 --seed 7 --json`)
    .action(async (file: string, o: RunOptions & { lang?: CliLang }, c: Command) => {
      const out = outFor(c);
      const [run] = await runFiles([file], c, o);
      // The run operation's answer as the API's job gives it (notes coded in `messages` too), the
      // result's fields (seed, draws, years, summary, ...) at the top rather than under `result`.
      if (out.json) {
        const { result, ...answer } = run;
        return printJson(out, { ...answer, ...result });
      }
      printRun(out, run, o.lang ?? 'en');
    }));

  cmd.addCommand(runOptions(withCommon(new Command('compare')))
    .argument('<files...>', 'two or more scenario documents (JSON)')
    .description('run several scenarios and show their effects side by side')
    .addOption(messageLangOption())
    .action(async (files: string[], o: RunOptions & { lang?: CliLang }, c: Command) => {
      const out = outFor(c);
      const lang = o.lang ?? 'en';
      const w = scenarioWords(lang);
      const runs = await runFiles(files, c, o);
      const currencies = new Map(runs.map((r) => [r.scenario, r.currency ?? '']));
      const comparison = compareScenarios(runs.map((r) => ({ name: r.scenario, model: `${r.model.name}@${r.model.version}`, result: r.result })));
      if (out.json) return printJson(out, { ...comparison, runs: runs.map((r) => ({ scenario: r.scenario, id: r.id, model: r.model, summary: r.result.summary })) });
      out.write(renderTable(comparison.scenarios, [
        { header: w.head('scenario'), value: (s) => s.name },
        { header: w.head('model'), value: (s) => s.model },
        { header: w.head('retained delta'), value: (s) => withInterval(s.retainedDelta, w.none) },
        { header: w.head('total cost'), value: (s) => money(withInterval(s.totalCost, w.none), currencies.get(s.name) ?? '', lang) },
        { header: w.head('cost per retained'), value: (s) => money(withInterval(s.costPerRetained, w.none), currencies.get(s.name) ?? '', lang) },
      ]));
      out.write(w.compareLegend);
      for (const r of runs) {
        const coded = r.messages?.notes?.length === r.notes.length && r.amountNote ? r.messages.notes[r.notes.indexOf(r.amountNote)] : undefined;
        if (r.amountNote) out.write(w.amountOf(r.scenario, said(r.amountNote, coded, lang)));
      }
    }));

  cmd.addCommand(withCommon(new Command('list'))
    .argument('[name]', 'only runs of this scenario')
    .addOption(langAllOption())
    .description('stored scenario runs with the model version they used; target regions by name')
    .action(async (name: string | undefined, o: { lang?: string }, c: Command) => {
      const out = outFor(c);
      const rows = await withWorkspace(common(c).workspace, async (ws) => {
        const runs = await listScenarioRuns(ws, name);
        // A misspelt scenario name is not "no runs": list the names that have runs.
        if (name !== undefined && !runs.length) throw unknownValueError('scenario', name, [...new Set((await listScenarioRuns(ws)).map((r) => r.scenario))].sort(), { plural: 'scenarios with stored runs' });
        // Targets as the document gave them (codes, names or groups), named in the region's own language or --lang.
        const named = await regionNamer(ws, o.lang);
        return runs.map((r) => ({ ...r, targetNames: r.settings?.targets.map((x) => named(x) ?? x) ?? [] }));
      }, { create: false });
      if (out.json) return printJson(out, rows);
      const lang: CliLang = o.lang === 'zh' ? 'zh' : 'en';
      const w = scenarioWords(lang);
      const columns: Column<(typeof rows)[number]>[] = [
        { header: 'run', value: (r) => r.id }, { header: 'scenario', value: (r) => r.scenario },
        // What each run was run with: two runs of one document differ here.
        { header: 'a month', value: (r) => (r.settings?.amountPerYear == null ? '' : money(fmt(r.settings.amountPerYear / 12), r.settings.currency ?? '', lang)) },
        { header: 'years', value: (r) => r.settings?.benefitYears ?? '' },
        { header: 'paid', value: (r) => r.settings?.eligibility.join('+') ?? '' },
        { header: 'targets', value: (r) => w.targets(r.targetNames) },
        { header: 'model', value: (r) => r.model },
        { header: 'version', value: (r) => r.modelVersion }, { header: 'seed', value: (r) => r.seed }, { header: 'draws', value: (r) => r.draws },
        { header: 'at', value: (r) => r.createdAt },
      ];
      out.write(renderTable(rows, columns.map((c) => ({ ...c, header: w.head(c.header) }))));
    }));
  return cmd;
}
