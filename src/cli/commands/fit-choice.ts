import { Command, Option } from 'commander';
import { InputError, SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { runChoiceFit } from '../../app/fit/choice.ts';
import { runChoiceFileFit } from '../../app/fit/choice-file.ts';
import { TRANSFORMS, type AlternativeTransform, type ChoiceSpecInput } from '../../store/choice/spec.ts';
import { parseNests } from '../../store/choice/choice-file.ts';
import { withWorkspace } from '../../store/workspace.ts';
import { choiceFileSummary, choiceSummary } from '../choice-summary.ts';
import { common, outFor, withCommon } from '../context.ts';
import { printJson } from '../output.ts';
import { messageLangOption, type CliLang } from '../lang.ts';

const list = (v: string | undefined): string[] => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
const years = (v: string | undefined): number[] | undefined => (v ? list(v).map(Number) : undefined);

/** `home,rest` / `home-rest`, `macro-regions`, or `NAME=a+b,...` -> the spec's nests. */
function personNests(v: string | undefined): ChoiceSpecInput['nests'] {
  if (!v) return undefined;
  const t = v.replace(/\s/g, '');
  if (t === 'home,rest' || t === 'home-rest') return ['home-rest'];
  if (t === 'macro' || t === 'macro-regions') return ['macro-regions'];
  return parseNests(v).map((n) => ({ name: n.name, members: n.alternatives.map(String) }));
}

/** `income,temperature:identity` -> alternative vars and the transforms given with them. */
function alternativeVars(v: string | undefined): Pick<ChoiceSpecInput, 'alternativeVars' | 'transforms'> {
  const transforms: Record<string, AlternativeTransform> = {};
  const vars = list(v).map((item) => {
    const [name, how] = item.split(':');
    if (how !== undefined) {
      if (!(TRANSFORMS as readonly string[]).includes(how)) throw new SpecError(`"${how}" is not ${TRANSFORMS.join(', ')}`, `--alternative-vars ${item}`);
      transforms[name] = how as AlternativeTransform;
    }
    return name;
  });
  return { alternativeVars: vars, transforms };
}

function money(o: Record<string, string | undefined>): ChoiceSpecInput['money'] {
  if (!o.money) return undefined;
  return { term: o.money, unit: o.moneyUnit ?? 'yuan a month', scale: o.moneyScale ? Number(o.moneyScale) : 1 };
}

/** Flags of one form only: the workspace's graduate records (--persons) or a choice file (--data). */
const PERSONS_ONLY = ['persons', 'university', 'year', 'level', 'within', 'alternativeVars', 'personVars', 'interactions', 'outside', 'missing', 'sample', 'sampleMethod', 'seed', 'holdout', 'save', 'replace'];
const FILE_ONLY = ['case', 'alternative', 'choice', 'vars', 'encoding', 'sheet'];
const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Refuses a flag of the other form (it would be silently ignored: --save with --data saved
 * nothing) and a file fit without its columns, in the CLI's words; the rest is the operation's
 * schema (src/app/fit/choice-file.ts).
 */
function refuseOtherForm(cmd: Command, file: boolean): void {
  const given = (k: string) => cmd.getOptionValueSource(k) === 'cli';
  const other = (file ? PERSONS_ONLY : FILE_ONLY).filter(given);
  if (file && other.includes('persons')) throw new InputError(coded('choicefit.cli.twoForms', {}));
  if (other.length) throw new InputError(coded('choicefit.cli.otherForm', { flags: other.map(flag), file, save: other.includes('save') }));
  if (file) {
    for (const k of ['case', 'alternative', 'choice', 'vars']) if (!given(k)) throw new InputError(coded('choicefit.cli.needs', { flag: `--${k}` }));
  } else if (!['alternativeVars', 'personVars', 'interactions'].some(given)) throw new InputError(coded('choicefit.cli.noTerm', {}));
}

/** `talentflow fit choice`: destination choice on workspace persons, or any long-format choice file as R clogit. */
export function fitChoiceCommand(): Command {
  return withCommon(new Command('choice'))
    .description('destination-choice model (conditional or nested logit): on the workspace\'s graduate records (--persons) or a long-format choice file (--data)')
    .option('--persons', 'fit on the workspace\'s graduate records (the default without --data)')
    .option('--university <list>', 'persons: only these universities, as stored or as report graduates takes them (NEU / 东北大学 / DUT / 大连理工大学)')
    .option('--year <list>', 'persons: only these graduation years')
    .option('--level <level>', 'persons: alternatives are the regions at this level', 'province')
    .option('--within <region>', 'persons: alternatives inside this region or group (default: the country of the destinations)')
    .option('--alternative-vars <list>', 'persons: indicators of the alternatives (aliases income, gdp, temperature, rail, restaurants, retail; :log, :log1p, :identity or :tenths to choose the transform)')
    .option('--person-vars <list>', 'persons: distance_home, distance_study, is_home, is_study, same_macro_region')
    .option('--interactions <list>', 'persons: person x alternative attribute, e.g. degree:income,major:rail')
    .addOption(new Option('--outside <how>', 'persons: not employed / further study left out or one outside alternative').choices(['exclude', 'option']).default('exclude'))
    .addOption(new Option('--missing <how>', 'persons: a missing attribute is an error, or its region leaves that year\'s choice sets').choices(['error', 'listwise']).default('error'))
    .option('--sample <n>', 'persons: sample this many alternatives per person (McFadden\'s correction for importance sampling)')
    .addOption(new Option('--sample-method <method>', 'persons: how alternatives are sampled').choices(['uniform', 'importance']).default('uniform'))
    .option('--seed <n>', 'persons: seed of the sampling', '1')
    .option('--holdout <years>', 'persons: graduation years held out of the fit and predicted')
    .option('--nests <spec>', 'nests: home,rest | macro-regions | NAME=alt1+alt2,...')
    .option('--cluster <what>', 'persons: university (clustered SEs); file: the cluster column')
    .addOption(new Option('--vcov <type>', 'covariance of the SEs (default clustered with --cluster, else classical)').choices(['classical', 'robust', 'clustered']))
    .option('--money <term>', 'the money attribute of willingness to pay (persons default: the income indicator, yuan a year -> a month)')
    .option('--money-unit <unit>', 'with --money: unit of the WTP values', 'yuan a month')
    .option('--money-scale <x>', 'with --money: money per unit of the money term (default 1; e.g. 0.0833333 for yuan a year -> a month)')
    .option('--save <name>', 'persons: save the fitted model in the workspace under this name')
    .option('--replace', 'with --save: replace a saved model of that name')
    .option('--data <file>', 'fit on a long-format choice file (CSV, xlsx, Parquet, JSON lines): one row per case and available alternative')
    .option('--case <column>', 'file: case (choice situation) column')
    .option('--alternative <column>', 'file: alternative column')
    .option('--choice <column>', 'file: 1 for the chosen row, else 0')
    .option('--vars <list>', 'file: numeric columns entering the utility')
    .option('--encoding <name>', 'file: text encoding of a CSV (default: detected)')
    .option('--sheet <name>', 'file: xlsx sheet')
    .addOption(messageLangOption())
    .addHelpText('after', `
Examples:
  talentflow fit choice --persons --level province --alternative-vars income,temperature,gdp --person-vars distance_home,is_home,is_study
  talentflow fit choice --persons --university "Northeastern University" --year 2015 --alternative-vars income --interactions degree:income --nests home,rest --vcov robust --save neu-2015 --json
  talentflow fit choice --persons --alternative-vars income,temperature --person-vars distance_home,is_home --sample 10 --sample-method importance
  talentflow fit choice --data travel.csv --case id --alternative mode --choice chosen --vars time,cost --nests land=car+bus+train --json`)
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const { workspace } = common(cmd);
      const out = outFor(cmd);
      const s = (k: string) => o[k] as string | undefined;
      const lang = (s('lang') ?? 'en') as CliLang;
      refuseOtherForm(cmd, s('data') !== undefined);
      if (s('data')) {
        const r = await runChoiceFileFit({
          path: s('data')!, case: s('case')!, alternative: s('alternative')!, choice: s('choice')!, vars: list(s('vars')),
          ...(s('nests') ? { nests: parseNests(s('nests')!).map((n) => ({ name: n.name, alternatives: n.alternatives.map(String) })) } : {}),
          ...(s('cluster') ? { cluster: s('cluster') } : {}), ...(s('vcov') ? { vcov: s('vcov') as 'classical' } : {}),
          ...(s('money') ? { money: money(o as Record<string, string>) } : {}), encoding: s('encoding'), sheet: s('sheet'),
        });
        if (out.json) return printJson(out, r);
        return out.write(choiceFileSummary(r, lang));
      }
      const spec: ChoiceSpecInput = {
        level: s('level')!, ...(s('within') ? { within: s('within') } : {}), ...(s('university') ? { university: list(s('university')) } : {}),
        ...(s('year') ? { years: years(s('year')) } : {}), ...alternativeVars(s('alternativeVars')),
        personTerms: list(s('personVars')) as ChoiceSpecInput['personTerms'], interactions: list(s('interactions')),
        outside: s('outside') as 'exclude', missing: s('missing') as 'error',
        ...(s('sample') ? { sample: { size: Number(s('sample')), method: s('sampleMethod') as 'uniform', seed: Number(s('seed')) } } : {}),
        ...(s('nests') ? { nests: personNests(s('nests')) } : {}), ...(s('cluster') ? { cluster: s('cluster') as 'university' } : {}),
        ...(s('vcov') ? { vcov: s('vcov') as 'classical' } : {}), ...(s('money') ? { money: money(o as Record<string, string>) } : {}),
        ...(s('holdout') ? { holdout: { years: years(s('holdout'))! } } : {}),
      };
      const r = await withWorkspace(workspace, (ws) => runChoiceFit(ws, { ...spec, save: s('save'), replace: Boolean(o.replace) }, undefined, { nameRecords: true }), { create: false });
      if (!r) return;
      if (out.json) return printJson(out, r);
      out.write(choiceSummary(r, lang));
    });
}
