import { Command } from 'commander';
import type { FlowsFromStocksInput } from '../../app/estimate/input.ts';
import { chooseFlowsFromStocks, runFlowsFromStocks, type FlowsFromStocksResult } from '../../app/estimate/run.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { common, outFor, withCommon } from '../context.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { estimateWords, type EstimateWords } from '../estimate-words.ts';
import { CodedArgumentError, messageLangOption, said, type CliLang } from '../lang.ts';
import { regionNamer, type RegionNamer } from '../region-names.ts';
import { printJson, renderTable } from '../output.ts';
import { spoken } from '../message-names.ts';

const year = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1800 || n > 2200) throw new CodedArgumentError(coded('cli.value.notYear', { value: v }));
  return n;
};
const rate = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || Math.abs(n) > 0.2) throw new CodedArgumentError(coded('cli.value.notRate', { value: v }));
  return n;
};

export function estimateCommand(): Command {
  const estimate = new Command('estimate').description('estimate what was not observed');
  estimate.addCommand(withCommon(new Command('flows-from-stocks'))
    .description('estimate an origin-destination flow table between two censuses: from two birthplace x residence stock tables (Abel 2013), or from region populations alone')
    .requiredOption('--from <year>', 'first census year (stock table or population indicator)', year)
    .requiredOption('--to <year>', 'second census year', year)
    .option('--method <method>', 'birthplace (alias stock-differencing): two stock tables, Abel 2013 / migest ffs_demo; census-residual: populations alone (default: birthplace when both stock tables are stored)')
    .option('--natural <rates>', 'birthplace: natural change as BIRTHS:DEATHS per 1,000 residents a year, "none", "range" (a stated low/central/high range) or "data" (indicators birth_rate and death_rate, or natural_growth_rate, by region; the default when every region has them, else range)')
    .option('--no-stayers', 'birthplace: drop the stayer assumption (migest stayer_assumption = FALSE) and use a distance prior, so gaining regions send people too')
    .option('--moves-factor <f>', 'birthplace without stayers: total moves as a multiple of the minimum-migration estimate (default 1.5)', Number)
    .option('--total-moves <n>', 'birthplace without stayers: total moves (persons)', Number)
    .option('--distance-power <p>', 'birthplace without stayers: prior distance^-p (default 1)', Number)
    .option('--tolerance <tol>', 'birthplace: IPF tolerance (default 1e-3 as migest; 1e-8 for a converged estimate)', Number)
    .option('--level <level>', 'census-residual: level of the regions (default city)')
    .option('--within <region>', 'only regions inside this region or group (e.g. CN)')
    .option('--natural-rate <rate>', 'annual natural change rate for every region (default: the rate that makes national net migration zero)', rate)
    .option('--gross-rate <share>', 'gross migration on top of the net, as a share of population (default 0: minimum migration)', Number)
    .option('--decay <form:parameter>', 'prior distance decay, e.g. power:-1.2 (default) or exponential:-0.002')
    .option('--decay-from <model>', 'take the decay from a saved gravity model')
    .option('--save', 'store the estimated flows in the workspace for the period FROM-TO (replacing an earlier estimate)')
    .addOption(messageLangOption())
    .addHelpText('after', `
Methods:
  birthplace        two census tables of people by region of birth x region of residence
                    (talentflow import stocks); flows by demographic accounting with stayers
                    maximised, a port of R migest's ffs_demo (Abel 2013, Demographic Research
                    28(18)); without stayers, a log-linear fit with a distance prior.
  census-residual   net migration per region = population change less natural change; out- and
                    in-totals the minimum consistent with those nets (plus --gross-rate), spread
                    by IPF on a gravity-shaped prior.
The result lists every assumption. Examples:
  talentflow estimate flows-from-stocks --method birthplace --from 2000 --to 2010 --save
  talentflow estimate flows-from-stocks --method birthplace --from 2000 --to 2010 --no-stayers --json
  talentflow estimate flows-from-stocks --method census-residual --from 2010 --to 2020 --level city --within CN`)
    .action(async (o: EstimateFlags, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const lang = o.lang ?? 'en';
      const { result, name } = await withWorkspace(workspace, async (ws) => {
        const { options, choice } = await chooseFlowsFromStocks(ws, inputOf(o, cmd), flagName);
        const r = await runFlowsFromStocks(ws, options, choice);
        // Regions by name as every other command prints them: in --lang's language, else each in its own.
        return { result: r, name: out.json ? undefined : await regionNamer(ws, o.lang) };
      }, { create: false });
      if (out.json) return printJson(out, result);
      printEstimate(out, result, lang, name);
    }));
  return estimate;
}

interface EstimateFlags {
  from: number; to: number; method?: string; level?: string; within?: string; naturalRate?: number; grossRate?: number; decay?: string; decayFrom?: string; save?: boolean;
  natural?: string; stayers: boolean; movesFactor?: number; totalMoves?: number; distancePower?: number; tolerance?: number; lang?: CliLang;
}

/** How the CLI spells the estimate operation's fields in a refusal (e.g. a birthplace flag given to census-residual). */
const FLAGS: Record<string, string> = { stayerAssumption: '--no-stayers', prior: '--moves-factor, --total-moves or --distance-power' };
const flagName = (f: string) => FLAGS[f] ?? `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** From flags to the operation's input (src/app/estimate): only what was given, so each estimator's defaults apply. */
function inputOf(o: EstimateFlags, cmd: Command): FlowsFromStocksInput {
  const stayersGiven = cmd.getOptionValueSource('stayers') === 'cli';
  const priorGiven = o.movesFactor !== undefined || o.totalMoves !== undefined || o.distancePower !== undefined;
  return {
    method: o.method as FlowsFromStocksInput['method'], from: o.from, to: o.to,
    natural: naturalOf(o.natural), stayerAssumption: stayersGiven ? o.stayers : undefined,
    prior: priorGiven ? { movesFactor: o.movesFactor, totalMoves: o.totalMoves, distancePower: o.distancePower } : undefined,
    tolerance: o.tolerance, level: o.level, within: o.within, naturalRate: o.naturalRate, grossRate: o.grossRate,
    decay: decayOf(o.decay), decayFrom: o.decayFrom, save: o.save ?? false,
  };
}

/** --natural BIRTHS:DEATHS (per 1,000 a year), none, range or data. */
function naturalOf(text: string | undefined): FlowsFromStocksInput['natural'] {
  if (text === undefined || text === 'range' || text === 'none' || text === 'data') return text;
  const [b, d] = text.split(':').map(Number);
  if (!(b >= 0 && b < 100 && d >= 0 && d < 100)) throw new CodedArgumentError(coded('stocks.cli.badNatural', { text }));
  return { births: b, deaths: d };
}

/** --decay power:-1.2 or exponential:-0.002. */
function decayOf(text: string | undefined): FlowsFromStocksInput['decay'] {
  if (text === undefined) return undefined;
  const [form, p] = text.split(':');
  if ((form !== 'power' && form !== 'exponential') || p === undefined || p.trim() === '' || !Number.isFinite(Number(p))) throw new CodedArgumentError(coded('stocks.cli.badDecay', { text }));
  return { form, parameter: Number(p) };
}

type Out = ReturnType<typeof outFor>;

/** The estimate's summary, every line in `lang`: definition, source, method and assumptions from their coded forms. */
function printEstimate(out: Out, r: FlowsFromStocksResult, lang: CliLang, name: RegionNamer | undefined): void {
  const w = estimateWords(lang);
  const m: Partial<Record<'definition' | 'source' | 'method', CodedMessage>> & { assumptions?: CodedMessage[]; warnings?: CodedMessage[] } = r.messages ?? {};
  const birthplace = r.estimator === 'birthplace';
  if (birthplace) {
    out.write(w.birthplaceTitle(said(r.definition, m.definition, lang), r.regions.length, r.flow.length, r.stored > 0));
    out.write(w.source(said(r.source, m.source, lang)));
  } else {
    out.write(w.residualTitle(r.period, r.regions.length, r.flow.length, r.stored > 0));
    out.write(w.method(said(r.method, m.method, lang)));
  }
  out.write(w.assumptions);
  const assumptions = m.assumptions?.length === r.assumptions.length ? m.assumptions : undefined;
  r.assumptions.forEach((a, i) => out.write(`  - ${spoken(a, assumptions?.[i], lang, name)}`));
  if (!birthplace) out.write(w.parameters(r.parameters as Record<string, number | string>));
  out.write(w.ipf(r.iterations, r.converged, r.maxMarginError, birthplace ? (r.parameters as { tolerance: number }).tolerance : undefined));
  out.write(w.netTitle(birthplace));
  out.write(netTable(r, w, birthplace, name));
  // The warnings in Chinese under --lang zh where the result carries them coded (both estimators do).
  const warnings = m.warnings?.length === r.warnings.length ? m.warnings : undefined;
  r.warnings.forEach((x, i) => out.write(w.warning(spoken(x, warnings?.[i], lang, name))));
}

/** The five largest net losses and gains, with the natural-change range when the estimate has one. */
function netTable(r: FlowsFromStocksResult, w: EstimateWords, birthplace: boolean, name: RegionNamer | undefined): string {
  const range = new Map((r.naturalRange ?? []).map((x) => [x.code, x]));
  const nets = Object.entries(r.net).sort((a, b) => a[1] - b[1]);
  const [low, high] = w.rangeHeads(birthplace);
  return renderTable([...nets.slice(0, 5), ...nets.slice(-5)], [
    { header: w.heads.region, value: (x) => name?.(x[0]) ?? x[0] }, { header: w.heads.in, value: (x) => Math.round(r.inTotals[x[0]]) }, { header: w.heads.out, value: (x) => Math.round(r.outTotals[x[0]]) },
    { header: w.heads.net, value: (x) => Math.round(x[1]) },
    ...(r.naturalRange ? [{ header: low, value: (x: [string, number]) => Math.round(range.get(x[0])!.low) }, { header: high, value: (x: [string, number]) => Math.round(range.get(x[0])!.high) }] : []),
  ]);
}
