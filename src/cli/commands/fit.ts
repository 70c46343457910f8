import { Command, Option } from 'commander';
import { fitGravity, fitRadiation, type GravityData, type GravityResult, type GravitySpec, type SmallSampleSpec, type TermSpec } from '../../models/index.ts';
import { gravityDataFromWorkspace } from '../../store/queries/model-data.ts';
import { readGravityFile } from '../../store/queries/gravity-file.ts';
import { saveModel } from '../../store/models.ts';
import { withWorkspace } from '../../store/index.ts';
import { InputError } from '../../core/errors.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson, renderTable } from '../output.ts';
import { gravitySummary } from '../model-summary.ts';
import { radiationDataFrom } from './radiation-data.ts';
import { fitChoiceCommand } from './fit-choice.ts';
import { gravityFileOptions, gravityModelOptions, inFile, parseOffset, parseSsc } from './fit-gravity-options.ts';
import { refuseRepeats } from '../single-valued.ts';

const list = (v: string | undefined): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** `a,b:raw` -> terms; a term is logged unless marked `:raw`. */
function terms(v: string | undefined, prefix = ''): TermSpec[] {
  return list(v).map((t) => {
    const [column, how] = t.split(':');
    return { column: prefix + column, transform: how === 'raw' ? 'identity' : 'log' };
  });
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

export function fitCommand(): Command {
  const fit = new Command('fit').description('fit a model: spatial interaction on flows (gravity by Poisson PML, radiation), destination choice on graduate records or choice files');

  fit.addCommand(refuseRepeats(selectionOptions(withCommon(new Command('gravity')))
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
    .option('--offset <column>', 'file: column entering with coefficient 1 (add :log to take its log)')
    .option('--cluster <list>', 'cluster the standard errors by origin, destination, pair, period or a file column; two or more comma-separated for multiway (default: pair on panels)')
    .addOption(new Option('--ssc <choice>', 'small-sample correction of the standard errors: none (default: as R glm / sandwich), fixest (fixest\'s default), or fixest\'s options, e.g. adj=TRUE,fixef.K=full,cluster.adj=FALSE,cluster.df=conventional').argParser(parseSsc))
    .addOption(new Option('--na <rule>', 'rows with a missing value in a column the model uses: drop them (default, counted by column) or error').choices(['drop', 'error']))
    .option('--sum-duplicates', 'add up rows with the same origin, destination, period and fixed-effect categories (refused by default)')
    .option('--save <name>', 'save the fitted model in the workspace under this name')
    .option('--replace', 'with --save: replace a saved model of that name')
    .addHelpText('after', `
Examples:
  talentflow fit gravity --flows austria.csv --origin Origin --destination Destination --flow Data --cost Dij --constraint doubly --decay exponential
  talentflow fit gravity --flows trade.csv --origin Origin --destination Destination --flow Euros --cost dist_km --fixed-effects Origin,Destination,Product,Year --cluster Origin --ssc fixest
  talentflow fit gravity --period 2019 --within KR --origin-vars population --destination-vars population --json
  talentflow fit gravity --period 2012,2013,2014 --within KR --constraint doubly --cluster origin,destination --save korea-doubly`))
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const s = (k: string) => o[k] as string | undefined;
      let data: GravityData;
      const notes: string[] = [];
      let costName = s('cost') ?? 'distance_km';
      const spec: Partial<GravitySpec> = {};
      const run = async (ws?: Parameters<typeof gravityDataFromWorkspace>[0]) => {
        if (s('flows')) {
          for (const k of ['origin', 'destination', 'flow', 'cost']) if (!s(k)) throw new InputError(`--flows needs --${k} COLUMN`);
          const covs = [...terms(s('originVars')), ...terms(s('destinationVars')), ...terms(s('pairVars'))].map((t) => t.column);
          const file = gravityFileOptions({ origin: s('origin')!, destination: s('destination')!, period: s('periodColumn') }, s('fixedEffects'), s('cluster'));
          const offset = s('offset') ? parseOffset(s('offset')!) : null;
          ({ data } = await readGravityFile(s('flows')!, {
            origin: s('origin')!, destination: s('destination')!, flow: s('flow')!, cost: s('cost'), covariates: covs, period: s('periodColumn'),
            categories: file.categories, offset: offset?.column,
          }, { encoding: s('encoding'), sheet: s('sheet') }));
          if (offset?.log) data = { ...data, offset: data.offset!.map(Math.log) };
          Object.assign(spec, { originTerms: terms(s('originVars')), destinationTerms: terms(s('destinationVars')), pairTerms: terms(s('pairVars')), fixedEffects: file.fixedEffects, ...(file.cluster ? { cluster: file.cluster } : {}) });
        } else {
          if (s('offset')) throw new InputError('--offset needs --flows (a workspace has no offset column)');
          if (!ws) throw new InputError('no workspace');
          costName = 'distance_km';
          const sel = { periods: list(s('period')), within: s('within'), level: s('level'), originIndicators: terms(s('originVars')).map((t) => t.column), destinationIndicators: terms(s('destinationVars')).map((t) => t.column), fillZeros: o.fillZeros !== false };
          const res = await gravityDataFromWorkspace(ws, sel);
          data = res.data;
          notes.push(...res.notes);
          const ws2 = gravityFileOptions({ origin: 'origin', destination: 'destination', period: 'period' }, s('fixedEffects'), s('cluster'));
          if (ws2.categories.length) throw new InputError(`--fixed-effects / --cluster: "${ws2.categories[0]}" is not origin, destination, period or pair (other columns need --flows)`);
          Object.assign(spec, { originTerms: terms(s('originVars'), 'origin_'), destinationTerms: terms(s('destinationVars'), 'destination_'), fixedEffects: ws2.fixedEffects, ...(ws2.cluster ? { cluster: ws2.cluster } : {}) });
        }
        Object.assign(spec, { constraint: s('constraint'), decay: s('decay'), costName, intra: Boolean(o.intra) }, gravityModelOptions(o.ssc as SmallSampleSpec | undefined, s('na'), Boolean(o.sumDuplicates)));
        const t0 = performance.now();
        let result: GravityResult;
        const fileNames = { flow: s('flow'), cost: s('cost'), offset: s('offset') ? parseOffset(s('offset')!).column : undefined, origin: s('origin'), destination: s('destination'), period: s('periodColumn') };
        try {
          result = fitGravity(data, spec as GravitySpec);
        } catch (e) {
          if (!s('flows')) throw e;
          throw inFile(e, s('flows')!, fileNames);
        }
        // Missing values counted under the file's column names.
        if (s('flows') && result.dropped.missing) {
          const byColumn = Object.fromEntries(Object.entries(result.dropped.byColumn).map(([c, k]) => [(fileNames as Record<string, string | undefined>)[c] ?? c, k]));
          result = { ...result, dropped: { ...result.dropped, byColumn } };
        }
        const fitSeconds = (performance.now() - t0) / 1000;
        if (s('save')) {
          if (!ws) throw new InputError('--save needs a workspace (--workspace)');
          await saveModel(ws, s('save')!, 'gravity', spec, result, { replace: Boolean(o.replace) });
          notes.push(`saved as model "${s('save')}" in ${workspace}`);
        }
        return { result, fitSeconds };
      };
      const needsWs = !s('flows') || s('save');
      const { result, fitSeconds } = needsWs ? await withWorkspace(workspace, (ws) => run(ws), { create: false }) : await run();
      if (out.json) return printJson(out, { ...result, fitSeconds, notes });
      out.write(gravitySummary(result, fitSeconds));
      for (const n of notes) out.write(`note: ${n}`);
    }));

  fit.addCommand(selectionOptions(withCommon(new Command('radiation')))
    .description('radiation model (Simini et al. 2012) with the finite-size normalisation, and its fit statistics')
    .option('--distance <column>', 'file: distance column (every ordered pair must be present)')
    .option('--origin-pop <column>', 'file: population of the origin')
    .option('--destination-pop <column>', 'file: population of the destination')
    .option('--no-finite-size', 'leave out the finite-size normalisation 1 / (1 - m_i / M)')
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const get = async (ws?: Parameters<typeof gravityDataFromWorkspace>[0]) => radiationDataFrom(o, ws);
      const data = o.flows ? await get() : await withWorkspace(workspace, (ws) => get(ws), { create: false });
      const t0 = performance.now();
      const result = fitRadiation(data, { finiteSize: o.finiteSize !== false });
      const fitSeconds = (performance.now() - t0) / 1000;
      if (out.json) return printJson(out, { ...result, fitSeconds });
      out.write(`Radiation model (${result.method}), ${result.nobs} flows between ${result.regions.length} regions; no parameters to fit\n`);
      out.write(renderTable([result], [
        { header: 'deviance', value: (r) => r.deviance }, { header: 'log-likelihood', value: (r) => r.logLikelihood }, { header: 'AIC', value: (r) => r.aic },
        { header: 'SRMSE', value: (r) => r.srmse, digits: 4 }, { header: 'CPC', value: (r) => r.cpc, digits: 4 }, { header: 'SSI', value: (r) => r.ssi, digits: 4 },
      ]));
      for (const w of result.warnings) out.write(`warning: ${w}`);
    }));
  fit.addCommand(fitChoiceCommand());
  return fit;
}
