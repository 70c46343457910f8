import { Command, InvalidArgumentError } from 'commander';
import type { DecaySpec } from '../../models/index.ts';
import { estimateCensusFlows } from '../../store/estimate-census-flows.ts';
import { chooseFlowsFromStocksMethod, estimateBirthplaceFlows, type BirthplaceFlowsOutcome, type BirthplaceFlowsRequest } from '../../store/index.ts';
import { loadModel } from '../../store/models.ts';
import { withWorkspace } from '../../store/index.ts';
import { decayFromGravity, type GravityResult } from '../../models/index.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson, renderTable } from '../output.ts';
import { checkOptions } from '../validate.ts';

const year = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1800 || n > 2200) throw new InvalidArgumentError(`"${v}" is not a year`);
  return n;
};
const rate = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || Math.abs(n) > 0.2) throw new InvalidArgumentError(`"${v}" is not an annual rate (e.g. 0.004 for 0.4% a year)`);
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
    .option('--level <level>', 'census-residual: level of the regions', 'city')
    .option('--within <region>', 'only regions inside this region or group (e.g. CN)')
    .option('--natural-rate <rate>', 'annual natural change rate for every region (default: the rate that makes national net migration zero)', rate)
    .option('--gross-rate <share>', 'gross migration on top of the net, as a share of population (default 0: minimum migration)', Number)
    .option('--decay <form:parameter>', 'prior distance decay, e.g. power:-1.2 (default) or exponential:-0.002')
    .option('--decay-from <model>', 'take the decay from a saved gravity model')
    .option('--save', 'store the estimated flows in the workspace for the period FROM-TO (replacing an earlier estimate)')
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
      const given = (flags: readonly (keyof EstimateFlags)[]) => flags.filter((f) => cmd.getOptionValueSource(f) === 'cli').map(flagName);
      const birthplace = await withWorkspace(workspace, async (ws) => {
        const choice = await chooseFlowsFromStocksMethod(ws, {
          method: o.method, from: o.from, to: o.to,
          given: { birthplace: given(BIRTHPLACE_FLAGS), censusResidual: given(RESIDUAL_FLAGS) },
        });
        return choice.method === 'birthplace' ? estimateBirthplaceFlows(ws, birthplaceRequest(o)) : null;
      }, { create: false });
      if (birthplace) return printBirthplace(out, birthplace);
      const outcome = await withWorkspace(workspace, async (ws) => {
        let decay: DecaySpec | undefined;
        if (o.decay) {
          const [form, p] = o.decay.split(':');
          if ((form !== 'power' && form !== 'exponential') || !Number.isFinite(Number(p))) throw new InvalidArgumentError(`--decay "${o.decay}": give power:-1.2 or exponential:-0.002`);
          decay = { form, parameter: Number(p), source: 'given with --decay' };
        } else if (o.decayFrom) {
          decay = decayFromGravity((await loadModel<GravityResult>(ws, o.decayFrom)).result);
        }
        const { level } = await checkOptions(ws, { level: o.level }, { level: 'level' });
        return estimateCensusFlows(ws, { from: o.from, to: o.to, level, within: o.within, naturalRate: o.naturalRate, grossRate: o.grossRate, decay, store: o.save });
      }, { create: false });
      const r = outcome.result;
      if (out.json) return printJson(out, { period: outcome.period, stored: outcome.stored, skipped: outcome.skipped, unit: outcome.unit, naturalRange: outcome.naturalRange, ...r, definition: outcome.definition, source: outcome.source });
      out.write(`Flows from stocks, ${outcome.period}: ${r.regions.length} regions, ${r.flow.length.toLocaleString('en-US')} estimated flows${outcome.stored ? ' (stored in the workspace)' : ''}`);
      out.write(`Method: ${r.method}`);
      out.write('Assumptions:');
      for (const a of r.assumptions) out.write(`  - ${a}`);
      out.write(`Parameters: ${Object.entries(r.parameters).map(([k, v]) => `${k} = ${v}`).join(', ')}`);
      out.write(`IPF: ${r.iterations} iterations, ${r.converged ? 'converged' : 'NOT converged'}, largest margin error ${r.maxMarginError.toExponential(2)}\n`);
      const nets = Object.entries(r.net).sort((a, b) => a[1] - b[1]);
      out.write('Largest estimated net losses and gains:');
      const range = new Map((outcome.naturalRange ?? []).map((x) => [x.code, x]));
      out.write(renderTable([...nets.slice(0, 5), ...nets.slice(-5)], [
        { header: 'region', value: (x) => x[0] }, { header: 'in', value: (x) => Math.round(r.inTotals[x[0]]) }, { header: 'out', value: (x) => Math.round(r.outTotals[x[0]]) },
        { header: 'net', value: (x) => Math.round(x[1]) },
        ...(outcome.naturalRange ? [{ header: 'net, natural change -0.4 pt', value: (x: [string, number]) => Math.round(range.get(x[0])!.low) }, { header: '+0.4 pt', value: (x: [string, number]) => Math.round(range.get(x[0])!.high) }] : []),
      ]));
      for (const w of r.warnings) out.write(`warning: ${w}`);
    }));
  return estimate;
}

interface EstimateFlags {
  from: number; to: number; method?: string; level: string; within?: string; naturalRate?: number; grossRate?: number; decay?: string; decayFrom?: string; save?: boolean;
  natural?: string; stayers: boolean; movesFactor?: number; totalMoves?: number; distancePower?: number; tolerance?: number;
}

/** Flags only one method reads: given to the other method they are refused (src/store/flows-from-stocks-method.ts). */
const BIRTHPLACE_FLAGS = ['natural', 'stayers', 'movesFactor', 'totalMoves', 'distancePower', 'tolerance'] as const;
const RESIDUAL_FLAGS = ['level', 'within', 'naturalRate', 'grossRate', 'decay', 'decayFrom'] as const;
const flagName = (f: string) => (f === 'stayers' ? '--no-stayers' : `--${f.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);

function birthplaceRequest(o: EstimateFlags): BirthplaceFlowsRequest {
  let natural: BirthplaceFlowsRequest['natural'];
  if (o.natural === undefined || o.natural === 'range' || o.natural === 'none' || o.natural === 'data') natural = o.natural as 'range' | 'none' | 'data' | undefined;
  else {
    const [b, d] = o.natural.split(':').map(Number);
    if (!(b >= 0 && b < 100 && d >= 0 && d < 100)) throw new InvalidArgumentError(`--natural "${o.natural}": give BIRTHS:DEATHS per 1,000 a year (e.g. 12.5:6.7), none, range or data`);
    natural = { births: b, deaths: d };
  }
  return {
    from: o.from, to: o.to, natural, stayerAssumption: o.stayers, tolerance: o.tolerance, store: o.save,
    prior: o.stayers ? undefined : { movesFactor: o.movesFactor, totalMoves: o.totalMoves, distancePower: o.distancePower },
  };
}

function printBirthplace(out: ReturnType<typeof outFor>, b: BirthplaceFlowsOutcome): void {
  const r = b.result;
  if (out.json) return printJson(out, { period: b.period, stored: b.stored, unit: b.unit, naturalRange: b.naturalRange, ...r });
  out.write(`${b.definition}: ${r.regions.length} regions, ${r.flow.length.toLocaleString('en-US')} flows${b.stored ? ' (stored in the workspace)' : ''}`);
  out.write(`Source: ${b.source}`);
  out.write('Assumptions:');
  for (const a of r.assumptions) out.write(`  - ${a}`);
  out.write(`IPF: ${r.iterations} iterations, ${r.converged ? 'converged' : 'NOT converged'} at tolerance ${r.parameters.tolerance}, largest margin error ${r.maxMarginError.toExponential(2)} persons\n`);
  const range = new Map((b.naturalRange ?? []).map((x) => [x.code, x]));
  const nets = Object.entries(r.net).sort((a, c) => a[1] - c[1]);
  out.write('Largest estimated net losses and gains (persons):');
  out.write(renderTable([...nets.slice(0, 5), ...nets.slice(-5)], [
    { header: 'region', value: (x) => x[0] }, { header: 'in', value: (x) => Math.round(r.inTotals[x[0]]) }, { header: 'out', value: (x) => Math.round(r.outTotals[x[0]]) },
    { header: 'net', value: (x) => Math.round(x[1]) },
    ...(b.naturalRange ? [{ header: 'net, low natural change', value: (x: [string, number]) => Math.round(range.get(x[0])!.low) }, { header: 'net, high', value: (x: [string, number]) => Math.round(range.get(x[0])!.high) }] : []),
  ]));
  for (const w of r.warnings) out.write(`warning: ${w}`);
}
