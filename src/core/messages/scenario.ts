import { currencyWord } from '../currency.ts';
import { CHOICE_MESSAGES } from './choice.ts';
import { def, type Place } from './message.ts';

/**
 * Scenario notes (what a computation assumed or changed, src/store/scenarios/*) and scenario
 * errors (what a document asks that the workspace or model cannot give, src/sim, src/store/
 * scenarios). The English is the text the CLI has always printed; a SpecError's field is
 * prefixed by the error, not written here.
 */
const REGIONS: readonly Place[] = [{ code: '230000', zh: '黑龙江省', en: 'Heilongjiang' }, { code: '220000', zh: '吉林省', en: 'Jilin' }];
const REGION: Place = REGIONS[0];

export const SCENARIO_MESSAGES = {
  // Notes: src/store/scenarios/persons-by-region.ts (the workspace's small-cell rule).
  'scenario.cohort.smallCellsLeftOut': def({ count: 2, k: 10, regions: REGIONS },
    (p, f) => `${f.number(p.count)} region(s) with fewer than ${p.k} graduate records left out of the cohort (small-cell rule, suppressed (<${p.k})): ${f.list(p.regions.map(f.place), 12)}`),
  'scenario.cohort.smallCellsPooled': def({ count: 2, k: 10, share: 0.625, regions: REGIONS },
    (p, f) => `${f.number(p.count)} region(s) whose stayers or leavers number fewer than ${p.k} take the stay share pooled over the other regions, ${f.number(p.share, 3)} (small-cell rule, suppressed (<${p.k})): ${f.list(p.regions.map(f.place), 12)}`),
  'scenario.cohort.smallCellsNoShare': def({ count: 2, k: 10, regions: REGIONS },
    (p, f) => `${f.number(p.count)} region(s) whose stayers or leavers number fewer than ${p.k} have no stay share from the records (small-cell rule, suppressed (<${p.k})): ${f.list(p.regions.map(f.place), 12)}`),
  // Note: src/sim/payment.ts (a requested monthly amount, the slider's or `--amount`'s).
  'scenario.payment.set': def({ monthly: 500, currency: 'CNY' as string | null, before: 1000, changeType: 'relative', term: 'destination_gdp_per_capita', from: 0.156, to: 0.078 },
    (p, f) => {
      // The currency's word, as the dashboard's cards write it ("500 yuan", not "500 CNY").
      const c = p.currency ? ` ${currencyWord(p.currency, 'en')}` : '';
      // At the document's own amount nothing is scaled: "scaled from 0.156 to 0.156" said nothing.
      if (p.monthly === p.before) return `payment ${f.number(p.monthly)}${c} a month (${f.number(p.monthly * 12)}${c} a year), the document's own amount: the ${p.changeType} change of ${p.term} is ${f.number(p.from)}`;
      return `payment set to ${p.monthly}${c} a month (${p.monthly * 12}${c} a year; the document had ${p.before}${c}): the ${p.changeType} change of ${p.term} scaled from ${p.from} to ${p.to} in proportion`;
    }),
  // Notes: src/store/scenarios/prepare.ts and prepare-choice.ts (the baseline's sources).
  'scenario.cohort.fromRecords': def({ years: 3 },
    (p) => `cohort sizes: graduate records with a region as destination, per year over ${p.years} year(s)`),
  'scenario.cohort.fromIndicator': def({ indicator: '常住人口', period: '2020', unit: '万人' as string | null, personsPerUnit: 10000, rate: 0.01 },
    (p, f) => `cohort sizes: indicator "${p.indicator}" in ${p.period}${p.unit ? ` (${p.unit}${p.personsPerUnit !== 1 ? ` = ${f.number(p.personsPerUnit)} persons` : ''})` : ''} x ${p.rate}, an assumed rate`),
  'scenario.stay.assumed': def({ share: 0.6 }, (p) => `stay shares: ${p.share} in every region, an assumption`),
  'scenario.stay.modelOwn': def({}, () => "stay shares: the choice model's own, not calibrated"),
  'scenario.stay.fromFlows': def({ period: '2015-2020', indicator: '常住人口', unit: '万人' as string | null, personsPerUnit: 10000 },
    (p, f) => `stay shares from flows: 1 - out-migration / population in ${p.period} (indicator "${p.indicator}"${p.personsPerUnit !== 1 ? `, ${p.unit} = ${f.number(p.personsPerUnit)} persons` : ''}; all ages, one year), an estimate`),
  'scenario.stay.populationFound': def({ indicator: '常住人口', unit: '万人' as string | null, period: '2020', others: ['户籍人口'] },
    (p) => `population: indicator "${p.indicator}"${p.unit ? ` (${p.unit})` : ''} in ${p.period}, found by its name${p.others.length ? ` (also there: ${p.others.join(', ')})` : ''}; name another to use it`),
  // Note: src/store/scenarios/payment-terms.ts (a payment through a term that is not money, core/payment-term.ts).
  'scenario.lever.notMoney': def({ model: 'own-provinces', kind: 'gravity', term: 'destination_population', indicator: 'population', unit: 'persons' as string | null, money: [] as readonly string[], has: ['destination_population'], available: ['avg_wage'] },
    (p) => `the payment acts through ${p.term} (${p.indicator}${p.unit ? `, in ${p.unit}` : ''}), which is neither money nor an income: the ${p.kind} model "${p.model}" answers what a little more ${p.indicator} would do, `
      + 'so the graduates retained and the cost per retained graduate do not measure a payment. '
      + (p.money.length ? `Let the payment act through the model's ${p.money.join(', ')} instead`
        : `The model has no wage, income or other money term (it has: ${p.has.join(', ') || 'none'}): fit one with ${p.available.length ? `one of ${p.available.join(', ')}` : 'a wage or income indicator (the workspace has none: import one with talentflow import indicators)'} among its ${p.kind === 'gravity' ? 'destination' : 'alternative'} variables`)),
  // Note: src/store/scenarios/payment-terms.ts (a payment as a share of an income stored without a unit, core/payment-term.ts incomePer).
  'scenario.lever.unitAssumedYearly': def({ term: 'destination_avg_wage', indicator: 'avg_wage' },
    (p) => `indicator "${p.indicator}" has no unit: a payment priced as a relative change of ${p.term} takes its values as amounts a year (a twelfth of them a month), an assumption; `
      + `if they are amounts a month, the change is 12 times too large. Give the unit when importing it (talentflow import indicators --unit, e.g. yuan/month or yuan/year)`),
  'scenario.model.destinationEffects': def({ constraint: 'attraction' },
    (p) => `the ${p.constraint}-constrained model has destination effects, so only its cost term and borrowed terms can change`),
  'scenario.term.borrowed': def({ term: 'destination_wage', coefficient: 0.8, standardError: 0.1, source: 'Chen et al. 2020' },
    (p) => `term ${p.term}: coefficient ${p.coefficient} (SE ${p.standardError}) borrowed from ${p.source}`),
  'scenario.synthetic.records': def({ records: 24000 },
    (p, f) => `SYNTHETIC: cohort sizes and stay shares come from ${f.number(p.records)} synthetic graduate records (not real people)`),
  'scenario.synthetic.model': def({ model: 'northeast-choice' }, (p) => `SYNTHETIC: the choice model ${p.model} was fitted to synthetic graduate records`),
  'scenario.choice.outsideLeftOut': def({},
    () => 'graduates choose among regions: the outside option (not employed / further study) and its constant are left out, so the probabilities are those of choosing each region given that one is chosen'),
  // The note of the attributes' values (choice.note.nearestEarlier), its parameters carried so that a front-end says all of it in its language.
  'scenario.choice.baselineAttributes': def(CHOICE_MESSAGES['choice.note.nearestEarlier'].example,
    (p, f) => `baseline attributes: ${CHOICE_MESSAGES['choice.note.nearestEarlier'].en(p, f)}`),
  'scenario.choice.noHomeRegion': def({ records: 12 },
    (p, f) => `${f.number(p.records)} graduate record(s) without a home region among the model's regions are left out of the mix of graduates (the model's home terms need one)`),
  'scenario.choice.groups': def({ groups: 40, attributes: ['degree'], records: 9000 },
    (p, f) => `each origin's graduates as ${f.number(p.groups)} groups of home region${p.attributes.length ? `, ${p.attributes.join(', ')}` : ''} from ${f.number(p.records)} records with a region as destination (origins without records: home = study = origin)`),

  // Errors.
  'scenario.cohort.noRecords': def({}, () => 'the workspace has no graduate records with a region as destination'),
  'scenario.targets.coversNone': def({ ref: '110000', regions: 36 }, (p, f) => `"${p.ref}" covers none of the model's ${f.number(p.regions)} regions`),
  'scenario.targets.notModelRegion': def({ ref: '110000' }, (p) => `"${p.ref}" is not one of the model's regions`),
  'scenario.model.wrongKind': def({ model: 'china-radiation', kind: 'radiation' },
    (p) => `model "${p.model}" is a ${p.kind} model; scenarios need a gravity or a destination-choice model`),
  'scenario.model.lacksVariables': def({ kind: 'gravity', model: 'korea-2019', missing: ['destination_population (the cohort needs it)'], has: ['gdp_per_capita'], command: 'talentflow fit gravity --save korea-2019 --replace' },
    (p) => `the ${p.kind} model "${p.model}" lacks ${p.missing.length === 1 ? 'the variable' : 'the variables'} ${p.missing.join(', ')} that this scenario needs (it has: ${p.has.join(', ') || 'none'}); `
      + `fit a model with ${p.missing.length === 1 ? 'it' : 'them'} first: ${p.command}`),
  'scenario.model.offset': def({ model: 'korea-2019-offset', offset: 'destination:population:log' },
    (p) => `model "${p.model}" was fitted with the offset ${p.offset}, which the scenario simulator cannot carry: refit it without that offset (an origin offset is fine)`),
  'scenario.region.noCentroid': def({ region: REGION }, (p, f) => `region ${f.place(p.region)} has no centroid, so no distance`),
  'scenario.indicator.missingValues': def({ indicator: 'gdp_per_capita', period: '2020', regions: REGIONS },
    (p, f) => `indicator "${p.indicator}" has no value in ${p.period} for ${f.list(p.regions.map(f.place), 5)}`),
  'scenario.stay.gravityNeedsShare': def({}, () => 'a gravity model has no stay alternative of its own: give a stay share (a number, persons, flows or fixed)'),
  'scenario.stay.noFlows': def({ period: '2015-2020' }, (p) => `no flows stored for period ${p.period} among the model's regions`),
  'scenario.stay.outOfRange': def({ region: REGION, share: 1.2 }, (p, f) => `no stay share in [0, 1] for ${f.place(p.region)} (${p.share}); give a default`),
  'scenario.term.notAttribute': def({ term: 'destination_wage', known: ['destination_gdp_per_capita', 'distance'] },
    (p) => `"${p.term}" is not an attribute of the model (it has: ${p.known.join(', ') || 'none'}); add it to baseline.borrowedTerms to use a coefficient from elsewhere`),
  'scenario.change.nonPositive': def({ value: -1.5 }, (p) => `a relative change of ${p.value} would make the attribute non-positive`),
  'scenario.term.allZero': def({ term: 'destination_subsidy' },
    (p) => `"${p.term}" is 0 for every region in the baseline, so a relative change does nothing; give an absolute change`),
  'scenario.run.notStored': def({ runs: ['7'] }, (p) => `no stored scenario run ${p.runs.join(', ')}: see GET /api/scenarios`),
};
