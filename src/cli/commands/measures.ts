import { Command } from 'commander';
import { withWorkspace } from '../../store/workspace.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { langAllOption, regionNamer } from '../region-names.ts';
import { measureInput, type MeasureInput } from '../../app/measure/input.ts';
import { runMeasure } from '../../app/measure/run.ts';
import { MEASURES } from '../../app/measure/types.ts';
import { inputFrom } from '../app-input.ts';
import { printMeasure } from './measures/print.ts';
import { coded } from '../../core/messages/index.ts';
import { CodedArgumentError } from '../lang.ts';

const numberOption = (v: string): number => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new CodedArgumentError(coded('cli.value.notNumber', { value: v }));
  return n;
};

export function measuresCommand(): Command {
  return withCommon(new Command('measures'))
    .description('flow measures of regions: in, out, net, gross, efficiency, rates, retention, corridors, concentration, intensity, change, census net migration')
    .argument('<measure>', MEASURES.join(' | '))
    .option('--group <group>', 'report the regions inside this group or region (e.g. northeast); flows with an end inside it are read')
    .option('--within <region>', 'same as --group')
    .option('--region <region>', 'report this one region')
    .option('--origin <region>', 'only flows leaving this region or group')
    .option('--destination <region>', 'only flows arriving in this region or group')
    .option('--level <level>', 'roll flows up to this level (province, city, country) or to a group as one unit (e.g. northeast)')
    .option('--period <period>', 'flows of this period (2019 or 2010-2020); `net` over a census interval without flows uses the censuses')
    .option('--cohort <cohort>', 'flows of this cohort, as stored')
    .option('--from <period>', 'change: first period; census-net: first census year')
    .option('--to <period>', 'change: second period; census-net: second census year')
    .option('--of <measure>', 'change: the per-region measure compared (default net)')
    .option('--natural-rate <rate>', 'census net: annual rate of natural increase per person (e.g. -0.001); 0 ignores natural change', numberOption)
    .option('--natural-indicator <name>', 'census net: indicator holding each region\'s natural change (persons, period FROM-TO)')
    .option('--years <n>', 'rates: years the flows span (default from the period)', numberOption)
    .option('--population-year <year>', 'rates, intensity: year of the populations (default the period\'s first year)', intOption)
    .option('--k <n>', 'concentration: share of the top k destinations (default 5)', intOption)
    .option('--top <n>', 'the n largest values (corridors: the n largest corridors; with --losing, the n largest losses)', intOption)
    .option('--losing', 'only regions with a negative net (or value)')
    .option('--gaining', 'only regions with a positive net (or value)')
    .option('--limit <n>', 'at most n table rows (all with --json)', intOption)
    .addOption(langAllOption())
    .addHelpText('after', `
Examples:
  talentflow measures summary --period 2019 --within KR
  talentflow measures net --group northeast --level city --period 2010-2020 --json
  talentflow measures census-net --from 2010 --to 2020 --level city --natural-rate 0 --losing
  talentflow measures corridors --period 2019 --origin KR --top 5
  talentflow measures change --of net --from 2015 --to 2020 --within KR
  talentflow measures net --level northeast --period 2019     (a group as one unit)`)
    .action(async (measure: string, o: MeasureInput & { limit?: number; lang?: string }, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      await withWorkspace(workspace, async (ws) => {
        const result = await runMeasure(ws, measure, inputFrom(measureInput, o));
        if (out.json) return printJson(out, result);
        printMeasure(out, result, o.limit, await regionNamer(ws, o.lang), o.lang === 'zh' ? 'zh' : 'en');
      }, { create: false });
    });
}
