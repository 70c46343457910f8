import type { CaseDef } from '../state.ts';
import { regionName, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { attributeChecks, checks, selectField as select } from './form-fields.ts';

/**
 * The Models tab's fields of a destination-choice fit (POST /api/models/choice, the same spec as
 * `talentflow fit choice --persons`, src/store/choice/spec.ts): whose records (universities,
 * graduation years), the region attributes and the graduate-by-region terms, an interaction of
 * degree with one attribute, the outside option, missing values, nests, standard errors and a
 * held-out year. What is not offered here (named nests, sampling of alternatives, transforms,
 * a money term other than the default) stays with the CLI and the API.
 */

/** A university of the workspace's graduate records, as GET /api/reports/graduates/catalogue lists it. */
export interface CatalogueUniversity { university: string; name_zh: string | null; name_en: string | null; years: number[]; synthetic: boolean; countries: string[] }

/** Graduate-by-region terms the spec knows (PERSON_TERMS), in the order offered. */
const PERSON_TERMS = ['distance_home', 'is_home', 'is_study', 'distance_study', 'same_macro_region'] as const;
/** The demo's model (northeast-choice) as the starting choice: distance from home, home and study region. */
const DEFAULT_TERMS: readonly string[] = ['distance_home', 'is_home', 'is_study'];
/** Attributes ticked at first where the case has them: income, size and climate, as the demo's model. */
const DEFAULT_ATTRIBUTES: readonly string[] = ['disposable_income_pc', 'population_year_end', 'weather_air_temperature_x10'];

/** The choice fields for case `c` at `level`, the universities and years from the graduate catalogue. */
export function choiceFields(c: CaseDef, level: string, universities: readonly CatalogueUniversity[]): (Node | string)[] {
  const attributes = attributeChecks(c, level);
  const years = [...new Set(universities.flatMap((u) => u.years))].sort((a, b) => a - b).map(String);
  const none = t('choice.form.none');
  return [
    universities.length > 1 ? h('fieldset', {}, h('legend', {}, t('choice.form.universities')),
      checks('university', universities.map((u) => ({ value: u.university, text: regionName({ code: u.university, name_zh: u.name_zh, name_en: u.name_en }), title: u.university })), [])) : '',
    years.length > 1 ? h('fieldset', {}, h('legend', {}, t('choice.form.years')), checks('years', years.map((y) => ({ value: y, text: y })), [])) : '',
    attributes.length ? h('fieldset', {}, h('legend', {}, t('choice.form.attributes')), checks('alternativeVars', attributes, DEFAULT_ATTRIBUTES.filter((a) => attributes.some((x) => x.value === a)))) : '',
    attributes.length ? h('p', { class: 'note' }, t('models.attrHint')) : '',
    h('fieldset', {}, h('legend', {}, t('choice.form.personTerms')), checks('personTerms', PERSON_TERMS.map((p) => ({ value: p, text: t(`term.${p}`), title: p })), DEFAULT_TERMS)),
    select('degreeWith', 'choice.form.degreeWith', [['', none], ...attributes.map((a): [string, string] => [a.value, a.text])], attributes.some((a) => a.value === 'disposable_income_pc') ? 'disposable_income_pc' : ''),
    select('nests', 'choice.form.nests', [['', t('choice.form.nestsNone')], ['home-rest', t('choice.form.nestsHome')], ['macro-regions', t('choice.form.nestsMacro')]], ''),
    select('vcov', 'choice.form.vcov', [['classical', t('choice.form.vcovClassical')], ['robust', t('choice.form.vcovRobust')], ['clustered', t('choice.form.vcovClustered')]], 'classical'),
    years.length > 1 ? select('holdout', 'choice.form.holdout', [['', none], ...years.map((y): [string, string] => [y, y])], '') : '',
    h('div', { class: 'field check' }, h('input', { id: 'm-outside', type: 'checkbox', name: 'outside' }), h('label', { for: 'm-outside' }, t('choice.form.outside'))),
    h('div', { class: 'field check' }, h('input', { id: 'm-missing', type: 'checkbox', name: 'missing' }), h('label', { for: 'm-missing' }, t('choice.form.missing'))),
  ];
}

/** The body of POST /api/models/choice from the form: unticked universities and years mean all. */
export function choiceBody(fd: FormData): Record<string, unknown> {
  const all = (name: string) => fd.getAll(name).map(String);
  const one = (name: string) => String(fd.get(name) ?? '');
  const vcov = one('vcov') || 'classical';
  return {
    level: one('level') || undefined, within: one('within') || undefined,
    university: all('university').length ? all('university') : undefined,
    years: all('years').length ? all('years').map(Number) : undefined,
    alternativeVars: all('alternativeVars'), personTerms: all('personTerms'),
    interactions: one('degreeWith') ? [`degree:${one('degreeWith')}`] : [],
    outside: fd.get('outside') === 'on' ? 'option' : 'exclude', missing: fd.get('missing') === 'on' ? 'listwise' : 'error',
    nests: one('nests') ? [one('nests')] : undefined,
    vcov, cluster: vcov === 'clustered' ? 'university' : 'none',
    holdout: one('holdout') ? { years: [Number(one('holdout'))] } : undefined,
    save: one('save') || undefined, replace: true,
  };
}
