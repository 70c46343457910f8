import { def, type CodedParam, type Place } from './message.ts';

/**
 * Errors of a destination-choice fit on the workspace's graduate records (`talentflow fit choice
 * --persons`, POST /api/models/choice): the spec against the workspace (src/store/choice:
 * choice-set.ts, alternatives.ts, attributes.ts, nests.ts, money.ts, fit-choice.ts), nests the
 * data cannot carry (src/models/logit/nests.ts, a choice file's nests too) and the CLI's refusal
 * of flags of the other form (--persons or --data). Numbers the English has always written as
 * given are passed as text; region names as the workspace stores them.
 */
const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** A count of persons as errors write it: "fewer than k" for 1 to k - 1 (null), the number otherwise. */
const personsEn = (persons: number | null, k: number) => (persons === null ? `fewer than ${k} persons` : `${persons.toLocaleString('en-US')} person${persons > 1 ? 's' : ''}`);
const LEFT_OUT = { code: 'choice.leftOut.noPlace', params: { which: 'home' } } as CodedParam;

export const CHOICE_FIT_MESSAGES = {
  'choicefit.noGroups': def({ groups: ['northeast'] as readonly string[] },
    (p) => `no region group ${quoted(p.groups)} in the workspace (import groups, e.g. data/china/groups.json)`),
  'choicefit.noTerm': def({}, () => 'the model has no term: give alternativeVars, personTerms or interactions'),
  'choicefit.sampledNests': def({},
    () => "sampled choice sets with McFadden's correction are consistent for the conditional logit only (McFadden 1978): fit nests on the full choice sets"),
  'choicefit.noPersons': def({ universities: ['东北大学'] as readonly string[], years: ['2016'] as readonly string[] },
    (p) => `no person records${p.universities.length ? ` of ${p.universities.join(', ')}` : ''}${p.years.length ? ` in ${p.years.join(', ')}` : ''} (import them with talentflow import persons)`),
  /** The first region-year without a value; `more` how many others. */
  'choicefit.attributeGap': def({ name: '西藏自治区', code: '540000', indicator: 'disposable_income_pc', year: 2016, more: 3 },
    (p) => `${p.name} (${p.code}): ${p.indicator} has no value for ${p.year} or an earlier year${p.more > 0 ? ` (and ${p.more} more region-years)` : ''}; with missing 'listwise' such regions are left out of that year's choice sets`),
  'choicefit.noChoiceLeft': def({ available: 1, regions: 31, level: 'province', year: 2016, indicator: 'temperature' },
    (p) => `${p.available} of ${p.regions} regions at level ${p.level} have every attribute for ${p.year} or an earlier year (none has ${p.indicator}): no choice is left`),
  'choicefit.noTransform': def({ name: '海南省', code: '460000', indicator: 'snow_days', value: '0', from: '2016', transform: 'log' },
    (p) => `${p.name} (${p.code}): ${p.indicator} is ${p.value} in ${p.from}, which has no ${p.transform}; give transforms {"${p.indicator}": "log1p"} or "identity"`),
  'choicefit.singleCategory': def({ attribute: 'degree', category: 'bachelor', target: 'income' },
    (p) => `every selected person has ${p.attribute} "${p.category}": the interaction ${p.attribute}:${p.target} cannot be estimated`),
  'choicefit.termTwice': def({ terms: ['log_income', 'log_income'] as readonly string[] }, (p) => `a term appears twice (${p.terms.join(', ')})`),
  'choicefit.holdoutAbsent': def({ absent: ['2014'] as readonly string[], years: ['2015', '2016'] as readonly string[] },
    (p) => `no selected person graduated in ${p.absent.join(', ')} (years: ${p.years.join(', ')})`),
  'choicefit.holdoutAll': def({}, () => 'every year is held out: nothing is left to fit'),
  'choicefit.moneyNotTerm': def({ term: 'wage', terms: ['log_disposable_income_pc', 'distance_home'] as readonly string[] },
    (p) => `"${p.term}" is neither an alternative attribute nor a term of the model (${p.terms.join(', ')})`),
  'choicefit.noCountry': def({}, () => 'no destination of the selected persons lies in a country of the registry: name the region the alternatives lie in'),
  /** `within` as given; `area` the region or group it names, with its names (null where not known). */
  'choicefit.tooFewRegions': def({ count: 1, level: 'city', within: '110000', area: { code: '110000', zh: '北京市', en: 'Beijing' } as Place | null, levels: ['city', 'province'] as readonly string[] },
    (p) => `${p.count} region${p.count === 1 ? '' : 's'} at level "${p.level}" in ${p.within}: a choice needs two or more (levels there: ${p.levels.join(', ') || 'none'})`),
  'choicefit.unknownIndicator': def({ names: ['wage'] as readonly string[], all: ['disposable_income_pc', 'gdp_pc'] as readonly string[] },
    (p) => `no indicator named ${quoted(p.names)} in the workspace (indicators: ${p.all.join(', ') || 'none; import some'})`),
  'choicefit.nestEmpty': def({ member: '710000', level: 'province' }, (p) => `"${p.member}" contains no alternative at level ${p.level}`),
  'choicefit.noNest': def({}, () => 'no nest has two or more alternatives'),

  // Nests the data cannot carry (src/models/logit/nests.ts).
  'choicefit.nestTwice': def({ nest: 'land' }, (p) => `nest "${p.nest}" appears twice`),
  'choicefit.nestOfOne': def({ nest: 'air' }, (p) => `nest "${p.nest}" needs two or more alternatives (a nest of one has no parameter to estimate)`),
  /** `alternative` as JSON (a string quoted, a number bare). */
  'choicefit.nestAlternativeUnknown': def({ alternative: '"boat"', alternatives: ['air', 'train', 'bus', 'car'] as readonly string[] },
    (p) => `alternative ${p.alternative} is not in the data (alternatives: ${p.alternatives.join(', ')})`),
  'choicefit.inTwoNests': def({ alternative: 'bus' }, (p) => `alternative "${p.alternative}" is in two nests`),
  'choicefit.nestNotIdentified': def({ nest: 'land' },
    (p) => `nest "${p.nest}" never has two of its alternatives available in the same case, so its parameter is not identified`),

  /**
   * Too few clusters for the coefficients (src/models/logit/check.ts); what they were made of
   * where the fit knows it (src/store/choice/cluster-error.ts): the persons' university, or a
   * file's `column`.
   */
  'choicefit.tooFewClusters': def({ clusters: 2, coefficients: 7, university: false as boolean, column: null as string | null, file: null as string | null },
    (p) => `${p.university ? 'clusters by university (the universities of the selected persons): ' : p.column !== null ? `clusters by column "${p.column}" of ${p.file}: ` : ''}`
      + `${p.clusters} cluster(s) for ${p.coefficients} coefficients: a cluster-robust covariance from G clusters has rank at most G - 1, so with G <= K (${p.clusters} <= ${p.coefficients}) it is singular and its standard errors are meaningless; `
      + `fit without clustering (robust standard errors) or cluster by a finer unit with more than ${p.coefficients} groups (Cameron & Miller 2015)`),

  // The CLI's two forms of `fit choice` (src/cli/commands/fit-choice.ts).
  /**
   * Persons a person term needs the home or study region of (`terms`; none: the home-rest nests)
   * whose records cannot give it, by rule (`rules`, each a choicefit.missingPlace; `parts` their English).
   */
  'choicefit.missingPlaces': def({
    terms: ['distance_home'] as readonly string[], rules: [{ code: 'choicefit.missingPlace', params: { rule: LEFT_OUT, problem: 'no home region recorded', persons: 12, k: 5, years: ['2015'], example: null } }] as readonly CodedParam[],
    parts: ['no home region recorded: 12 persons (graduation year 2015)'] as readonly string[],
  }, (p) => `${p.terms.join(', ') || 'the home-rest nests'} need${p.terms.length === 1 ? 's' : ''} each person's region, which some records cannot give; ${p.parts.join('; ')}; with missing 'listwise' such persons are left out`),
  /** One rule of choicefit.missingPlaces: `rule` a choice.leftOut code, `problem` its English; `persons` null for 1 to k - 1; `example` a record id (only the owner's CLI asks for one). */
  'choicefit.missingPlace': def({ rule: LEFT_OUT, problem: 'no home region recorded', persons: 12 as number | null, k: 5, years: ['2015'] as readonly string[], example: 'P17' as string | null },
    (p) => `${p.problem}: ${personsEn(p.persons, p.k)} (graduation year${p.years.length > 1 ? 's' : ''} ${p.years.join(', ')})${p.example !== null ? `, e.g. person ${p.example}` : ''}`),
  /** Every selected person left out: `reasons` each a choicefit.leftOutCount, `parts` their English. */
  'choicefit.allLeftOut': def({
    reasons: [{ code: 'choicefit.leftOutCount', params: { reason: LEFT_OUT, problem: 'no home region recorded', persons: 12, k: 5 } }] as readonly CodedParam[],
    parts: ['no home region recorded: 12'] as readonly string[],
  }, (p) => `every selected person was left out (${p.parts.join('; ')})`),
  /** One reason of choicefit.allLeftOut: `reason` a choice.leftOut code, `problem` its English, `persons` null for 1 to k - 1. */
  'choicefit.leftOutCount': def({ reason: LEFT_OUT, problem: 'no home region recorded', persons: 12 as number | null, k: 5 },
    (p) => `${p.problem}: ${p.persons === null ? `fewer than ${p.k}` : p.persons}`),
  'choicefit.cli.twoForms': def({}, () => '--persons and --data are two forms: give one'),
  /** `file`: the flags belong to --persons but --data was given; `save`: --save among them. */
  'choicefit.cli.otherForm': def({ flags: ['--save'] as readonly string[], file: true as boolean, save: true as boolean },
    (p) => `${p.flags.join(', ')} ${p.flags.length > 1 ? 'apply' : 'applies'} to ${p.file ? '--persons (the workspace\'s graduate records), not --data' : '--data FILE, not the workspace\'s graduate records'}${p.file && p.save ? ' (a file fit is not saved in the workspace)' : ''}`),
  'choicefit.cli.needs': def({ flag: '--case' }, (p) => `--data needs ${p.flag}`),
  // choicefit.noTerm in the flags' words (that one names the spec's fields, as the API takes them).
  'choicefit.cli.noTerm': def({}, () => 'the model has no term: give --alternative-vars, --person-vars or --interactions'),
};
