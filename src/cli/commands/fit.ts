import { Command, Option } from 'commander';
import { finishGravityFit, prepareGravityFit } from '../../app/fit/gravity.ts';
import type { GravityInput } from '../../app/fit/gravity-input.ts';
import type { SmallSampleSpec } from '../../models/gravity/index.ts';
import { withWorkspace, type Workspace } from '../../store/workspace.ts';
import { InputError } from '../../core/errors.ts';
import { coded, english, type ParamsOf } from '../../core/messages/index.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { gravitySummary, noteLine, radiationSummary } from '../model-summary.ts';
import { messageLangOption, type CliLang } from '../lang.ts';
import { radiationNeedsWorkspace, runRadiationFit } from '../../app/fit/radiation.ts';
import type { RadiationInput } from '../../app/fit/radiation-input.ts';
import { fitChoiceCommand } from './fit-choice.ts';
import { parseSsc } from './fit-gravity-options.ts';

const list = (v: string | undefined): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** `a,b:raw` -> the input's terms: `a:raw` enters as is, any other suffix (or none) is logged. */
const vars = (v: string | undefined): string[] => list(v).map((t) => {
  const [column, how] = t.split(':');
  return how === 'raw' ? `${column}:raw` : column;
});

/**
 * The flags of `fit gravity` as the fit operation's input (src/app/fit/gravity-input.ts): lists
 * split at commas, a flow file's columns under `file`. Flags that need another one are refused
 * here in the CLI's words; everything else is checked by the shared schema.
 */
function gravityInputOf(o: Record<string, string | boolean | undefined>): GravityInput {
  const s = (k: string) => o[k] as string | undefined;
  const file = s('flows');
  if (file) {
    for (const k of ['origin', 'destination', 'flow', 'cost']) if (!s(k)) throw new InputError(coded('fit.flowsNeedsColumn', { option: `--${k}` }));
  }
  return {
    ...(file ? { file: { path: file, origin: s('origin')!, destination: s('destination')!, flow: s('flow')!, cost: s('cost')!, period: s('periodColumn'), encoding: s('encoding'), sheet: s('sheet') } } : {}),
    periods: list(s('period')), within: s('within'), level: s('level'), fillZeros: o.fillZeros !== false,
    constraint: s('constraint') as GravityInput['constraint'], decay: s('decay') as GravityInput['decay'],
    originVars: vars(s('originVars')), destinationVars: vars(s('destinationVars')), pairVars: vars(s('pairVars')), intra: Boolean(o.intra),
    ...(s('fixedEffects') !== undefined ? { fixedEffects: list(s('fixedEffects')) } : {}),
    ...(s('cluster') !== undefined ? { cluster: list(s('cluster')) } : {}),
    offset: s('offset'), ssc: o.ssc as SmallSampleSpec | undefined, na: s('na') as GravityInput['na'],
    sumDuplicates: Boolean(o.sumDuplicates), save: s('save'), replace: Boolean(o.replace),
  };
}

function selectionOptions(cmd: Command): Command {
  return cmd
    .option('--flows <file>', 'fit on a flow file (CSV, xlsx, Parquet, JSON lines) instead of the workspace')
    .option('--origin <column>', 'file: origin column')
    .option('--destination <column>', 'file: destination column')
    .option('--flow <column>', 'file: flow column')
    .option('--encoding <name>', 'file: text encoding of a CSV (default: detected)')
    .option('--sheet <name>', 'file: xlsx sheet')
    .option('--period <periods>', 'workspace: period(s) of the flows, comma-separated (several make a panel)')
    .option('--within <region>', 'workspace: only flows with both ends inside this region or group (e.g. KR)')
    .option('--level <level>', 'workspace: roll flows up to this level first')
    .option('--no-fill-zeros', 'workspace: do not add pairs without a stored flow as zero flows');
}

/** The flags of `fit radiation` as the operation's input (src/app/fit/radiation-input.ts); a flow file's columns are refused here in the CLI's words. */
function radiationInputOf(o: Record<string, string | boolean | undefined>): RadiationInput {
  const s = (k: string) => o[k] as string | undefined;
  const path = s('flows');
  if (path) {
    for (const k of ['origin', 'destination', 'flow', 'distance', 'originPop', 'destinationPop']) {
      if (!s(k)) throw new InputError(coded('fit.flowsNeedsColumn', { option: `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}` }));
    }
  }
  return {
    ...(path ? { file: { path, origin: s('origin')!, destination: s('destination')!, flow: s('flow')!, distance: s('distance')!, originPop: s('originPop')!, destinationPop: s('destinationPop')!, encoding: s('encoding'), sheet: s('sheet') } } : {}),
    periods: list(s('period')), within: s('within'), level: s('level'), fillZeros: o.fillZeros !== false, finiteSize: o.finiteSize !== false,
  };
}

export function fitCommand(): Command {
  const fit = new Command('fit').description('fit a model: spatial interaction on flows (gravity by Poisson PML, radiation), destination choice on graduate records or choice files');

  fit.addCommand(selectionOptions(withCommon(new Command('gravity')))
    .description('gravity model: unconstrained, production-, attraction- or doubly-constrained, fitted by Poisson pseudo-maximum likelihood')
    .option('--cost <column>', 'file: cost column (distance, time); workspace: the great-circle distance between centroids, named distance_km')
    .addOption(new Option('--constraint <type>', 'which totals the model keeps').choices(['unconstrained', 'production', 'attraction', 'doubly']).default('unconstrained'))
    .addOption(new Option('--decay <form>', 'power: log(cost) enters; exponential: cost enters').choices(['power', 'exponential']).default('power'))
    .option('--origin-vars <list>', 'origin attributes: file columns, or workspace indicators (logged; add :raw to enter as is)')
    .option('--destination-vars <list>', 'destination attributes, as --origin-vars')
    .option('--pair-vars <list>', 'file: pair attributes (e.g. contig:raw)')
    .option('--period-column <column>', 'file: period column for a panel (adds period effects)')
    .option('--intra', 'keep intra-regional rows (origin = destination); dropped by default')
    .option('--fixed-effects <list>', 'further fixed effects, comma-separated: file columns, origin, destination, period, pair, or interactions such as Origin^Year (the origin / destination columns are the constraints)')
    .option('--offset <term>', 'a term entering with coefficient 1 (fixest\'s offset): file: a COLUMN; workspace: origin:INDICATOR, destination:INDICATOR or distance (km); add :log to take its log, e.g. destination:population:log')
    .option('--cluster <list>', 'cluster the standard errors by origin, destination, pair, period or a file column; two or more comma-separated for multiway (default: pair on panels)')
    .addOption(new Option('--ssc <choice>', 'small-sample correction of the standard errors: none (default: as R glm / sandwich), fixest (fixest\'s default), or fixest\'s options, e.g. adj=TRUE,fixef.K=full,cluster.adj=FALSE,cluster.df=conventional').argParser(parseSsc))
    .addOption(new Option('--na <rule>', 'rows with a missing value in a column the model uses: drop them (default, counted by column) or error').choices(['drop', 'error']))
    .option('--sum-duplicates', 'add up rows with the same origin, destination, period and fixed-effect categories (refused by default)')
    .option('--save <name>', 'save the fitted model in the workspace under this name')
    .option('--replace', 'with --save: replace a saved model of that name')
    .addOption(messageLangOption())
    .addHelpText('after', `
Examples:
  talentflow fit gravity --flows austria.csv --origin Origin --destination Destination --flow Data --cost Dij --constraint doubly --decay exponential
  talentflow fit gravity --flows trade.csv --origin Origin --destination Destination --flow Euros --cost dist_km --fixed-effects Origin,Destination,Product,Year --cluster Origin --ssc fixest
  talentflow fit gravity --period 2019 --within KR --origin-vars population --destination-vars population --json
  talentflow fit gravity --period 2019 --within KR --constraint production --offset destination:population:log --destination-vars grdp_pc
  talentflow fit gravity --period 2012,2013,2014 --within KR --constraint doubly --cluster origin,destination --save korea-doubly`)
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const input = gravityInputOf(o);
      const run = async (ws: Workspace | null) => finishGravityFit(ws, await prepareGravityFit(ws, input));
      const needsWs = !o.flows || o.save;
      const result = needsWs ? await withWorkspace(workspace, (ws) => run(ws), { create: false }) : await run(null);
      const offset = result.offset ? [coded('fit.offsetNote', { term: result.offset.term, ...(result.offset.messages.definition.params as ParamsOf<'fit.offsetDefinition'>) })] : [];
      const saved = result.saved !== null ? [coded('fit.savedAs', { name: result.saved, workspace })] : [];
      const notes = [...result.notes, ...english([...offset, ...saved])];
      if (out.json) return printJson(out, { ...result, notes });
      const lang = (o.lang ?? 'en') as CliLang;
      out.write(gravitySummary(result, result.fitSeconds, lang));
      // Every note coded (the data's, the offset's, the save's): each in `lang`.
      const codedNotes = result.messages.notes.length === result.notes.length ? [...result.messages.notes, ...offset, ...saved] : [];
      notes.forEach((n, i) => out.write(noteLine(n, codedNotes[i], lang)));
    }));

  fit.addCommand(selectionOptions(withCommon(new Command('radiation')))
    .description('radiation model (Simini et al. 2012) with the finite-size normalisation, and its fit statistics')
    .option('--distance <column>', 'file: distance column (every ordered pair must be present)')
    .option('--origin-pop <column>', 'file: population of the origin')
    .option('--destination-pop <column>', 'file: population of the destination')
    .option('--no-finite-size', 'leave out the finite-size normalisation 1 / (1 - m_i / M)')
    .addOption(messageLangOption())
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const input = radiationInputOf(o);
      const result = radiationNeedsWorkspace(input)
        ? await withWorkspace(workspace, (ws) => runRadiationFit(ws, input), { create: false })
        : await runRadiationFit(null, input);
      if (out.json) return printJson(out, result);
      const lang = (o.lang ?? 'en') as CliLang;
      out.write(radiationSummary(result, lang));
      result.notes.forEach((n, i) => out.write(noteLine(n, result.messages.notes[i], lang)));
    }));
  fit.addCommand(fitChoiceCommand());
  return fit;
}
