import { Command, Option } from 'commander';
import { rankInput, type RankInput } from '../../app/rank/input.ts';
import { runRank } from '../../app/rank/run.ts';
import { EXAMPLES } from '../../app/rank/spec.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { inputFrom } from '../app-input.ts';
import { common, intOption, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { langAllOption, regionNamer } from '../region-names.ts';
import { printRank } from './rank/print.ts';
import { printRevealed } from './rank/print-revealed.ts';

/** The request (src/app/rank) plus what only the terminal needs: rows shown, names' language, width. */
type RankFlags = RankInput & { top?: number; wide?: boolean; lang?: string };

export function rankCommand(): Command {
  return withCommon(new Command('rank'))
    .description('composite attractiveness index of regions from workspace indicators: scores, ranks, contributions, rank change, weight sensitivity')
    .option('--indicators <terms>', 'comma-separated terms with direction, e.g. "growth(population,2010,2020):+,share_age_65@2020:-,log(population@2020)" (name, name@YEAR, growth(name,Y1,Y2), change(name,Y1,Y2), log(term))')
    .addOption(new Option('--example <name>', 'a documented example index (docs/example-index.md)').choices(Object.keys(EXAMPLES)))
    .option('--level <level>', 'rank regions of this level (e.g. city)')
    .option('--within <region>', 'rank regions inside this region or group (e.g. CN, northeast)')
    .option('--period <period>', 'period of plain indicator names')
    .option('--normalisation <method>', 'minmax, zscore or rank', 'minmax')
    .option('--weighting <method>', 'equal, entropy, pca or user', 'equal')
    .option('--weights <weights>', 'user weights: "1,2,1" by position or "name=2,other=1"; or choice:MODEL: rank by the utility graduates reveal in a saved destination-choice model')
    .addOption(new Option('--missing <policy>', 'regions with a missing value: exclude or impute-mean').choices(['exclude', 'impute-mean']).default('exclude'))
    .option('--sensitivity <draws>', 'Monte Carlo draws of the weights (Dirichlet around them): rank bands and 90% interval', intOption)
    .option('--seed <seed>', 'seed of the sensitivity draws (reported)', intOption, 1)
    .option('--compare-period <period>', 'rank change against the same index with plain names in this period')
    .option('--show <region>', 'rank all regions, show only those inside this region or group (e.g. northeast)')
    .option('--top <n>', 'show the n best ranked in the table (all with --json)', intOption)
    .addOption(langAllOption())
    .option('--wide', 'print every column with its full header, however wide (default: fit the terminal, numbering long indicator columns)')
    .option('--holdout-years <years>', 'with choice:MODEL: graduation years held out to validate both rankings (default the latest, when the model has two or more)')
    .option('--holdout-share <share>', 'with choice:MODEL: share of graduates held out at random (with --seed) instead', Number)
    .option('--draws <n>', 'with choice:MODEL: coefficient draws of the rank intervals', intOption, 1000)
    .addHelpText('after', `
Examples:
  talentflow rank --example china-cities --top 10
  talentflow rank --example china-cities --show northeast      (national ranks of the Northeast's cities)
  talentflow rank --indicators "population:+,share_age_65:-" --level city --within 辽宁 --period 2020 --compare-period 2010
  talentflow rank --example china-cities --weighting user --weights "share_age_65@2020=1" --json
  talentflow rank --weights choice:northeast-choice        (revealed preference of a saved choice model, validated on held-out graduates)
  talentflow rank --weights choice:northeast-choice --indicators "disposable_income_pc:+,population_year_end:+" --period 2016 --holdout-share 0.2 --seed 3`)
    .action(async (o: RankFlags, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      await withWorkspace(workspace, async (ws) => {
        const ranked = await runRank(ws, inputFrom(rankInput, o));
        if (out.json) return printJson(out, ranked.result);
        const name = await regionNamer(ws, o.lang);
        if (ranked.by === 'revealed') return printRevealed(out, ranked.result, o.top, { wide: o.wide, lang: o.lang === 'zh' ? 'zh' : 'en', name });
        const rows = ranked.result.index.rows.map((r) => ({ ...r, name: name(r.code) ?? r.name }));
        printRank(out, { ...ranked.result, index: { ...ranked.result.index, rows } }, o.top, { wide: o.wide, lang: o.lang === 'zh' ? 'zh' : 'en', name });
      }, { create: false });
    });
}
