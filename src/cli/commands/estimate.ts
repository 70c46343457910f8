import { Command, InvalidArgumentError } from 'commander';
import type { DecaySpec } from '../../models/index.ts';
import { estimateCensusFlows } from '../../store/estimate-census-flows.ts';
import { loadModel } from '../../store/models.ts';
import { withWorkspace } from '../../store/index.ts';
import { decayFromGravity, type GravityResult } from '../../models/index.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson, renderTable } from '../output.ts';

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
    .description('estimate an origin-destination flow table between two censuses from region populations alone (IPF on a gravity-shaped prior)')
    .requiredOption('--from <year>', 'first census year (population indicator)', year)
    .requiredOption('--to <year>', 'second census year', year)
    .option('--level <level>', 'level of the regions', 'city')
    .option('--within <region>', 'only regions inside this region or group (e.g. CN)')
    .option('--natural-rate <rate>', 'annual natural change rate for every region (default: the rate that makes national net migration zero)', rate)
    .option('--gross-rate <share>', 'gross migration on top of the net, as a share of population (default 0: minimum migration)', Number)
    .option('--decay <form:parameter>', 'prior distance decay, e.g. power:-1.2 (default) or exponential:-0.002')
    .option('--decay-from <model>', 'take the decay from a saved gravity model')
    .option('--save', 'store the estimated flows in the workspace for the period FROM-TO (replacing an earlier estimate)')
    .addHelpText('after', `
Method: net migration per region = population change less natural change; out- and in-totals
are the minimum consistent with those nets (plus --gross-rate); flows are spread by iterative
proportional fitting on a prior proportional to mass_i * mass_j * f(distance). The result lists
every assumption. Example:
  talentflow estimate flows-from-stocks --from 2010 --to 2020 --level city --within CN --save`)
    .action(async (o: { from: number; to: number; level: string; within?: string; naturalRate?: number; grossRate?: number; decay?: string; decayFrom?: string; save?: boolean }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const outcome = await withWorkspace(workspace, async (ws) => {
        let decay: DecaySpec | undefined;
        if (o.decay) {
          const [form, p] = o.decay.split(':');
          if ((form !== 'power' && form !== 'exponential') || !Number.isFinite(Number(p))) throw new InvalidArgumentError(`--decay "${o.decay}": give power:-1.2 or exponential:-0.002`);
          decay = { form, parameter: Number(p), source: 'given with --decay' };
        } else if (o.decayFrom) {
          decay = decayFromGravity((await loadModel<GravityResult>(ws, o.decayFrom)).result);
        }
        return estimateCensusFlows(ws, { from: o.from, to: o.to, level: o.level, within: o.within, naturalRate: o.naturalRate, grossRate: o.grossRate, decay, store: o.save });
      }, { create: false });
      const r = outcome.result;
      if (out.json) return printJson(out, { period: outcome.period, stored: outcome.stored, skipped: outcome.skipped, ...r });
      out.write(`Flows from stocks, ${outcome.period}: ${r.regions.length} regions, ${r.flow.length.toLocaleString('en-US')} estimated flows${outcome.stored ? ' (stored in the workspace)' : ''}`);
      out.write(`Method: ${r.method}`);
      out.write('Assumptions:');
      for (const a of r.assumptions) out.write(`  - ${a}`);
      out.write(`Parameters: ${Object.entries(r.parameters).map(([k, v]) => `${k} = ${v}`).join(', ')}`);
      out.write(`IPF: ${r.iterations} iterations, ${r.converged ? 'converged' : 'NOT converged'}, largest margin error ${r.maxMarginError.toExponential(2)}\n`);
      const nets = Object.entries(r.net).sort((a, b) => a[1] - b[1]);
      out.write('Largest estimated net losses and gains:');
      out.write(renderTable([...nets.slice(0, 5), ...nets.slice(-5)], [{ header: 'region', value: (x) => x[0] }, { header: 'net', value: (x) => Math.round(x[1]) }]));
      for (const w of r.warnings) out.write(`warning: ${w}`);
    }));
  return estimate;
}
