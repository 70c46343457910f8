import { z } from 'zod';
import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { CHOICE_SPEC_RULES as RULE, transformNotAttribute } from '../../core/messages/choice-spec.ts';
import { schemaIssue } from '../../core/messages/schema-issue.ts';

/**
 * The specification of a destination-choice model on a workspace's graduate records: the one
 * format the CLI (`talentflow fit choice --persons`), the API (`POST /api/models/choice`), saved
 * models (kind 'choice') and the policy lab read. Parsing gives the canonical form: aliases
 * replaced by indicator names, every default applied here and nowhere else.
 *
 * Term names of the fitted model (stable; see `alternativeTermName`, `interactionTermName`):
 * - alternative attribute `x`: `log_x` (log), `log1p_x` (log1p), `x` (identity), `x` without its
 *   `_x10` suffix (tenths: stored in tenths, entered in units, e.g. degrees Celsius);
 * - person x alternative terms: `distance_home`, `distance_study` (100 km between the level's
 *   centroids), `is_home`, `is_study`, `same_macro_region` (0/1);
 * - interactions: `degree[master]:log_disposable_income_pc`, one per category but the base;
 * - outside option: `asc_outside` (its alternative is labelled `outside`).
 */

/**
 * Short names accepted for common NBS provincial indicators (replaced by the indicator name). None
 * is itself the name of a bundled indicator (`population` stays the census population).
 */
export const ALTERNATIVE_VAR_ALIASES: Readonly<Record<string, string>> = {
  income: 'disposable_income_pc',
  gdp: 'gdp_per_capita',
  temperature: 'weather_air_temperature_x10',
  rail: 'urban_rail_transit_length',
  restaurants: 'chain_restaurant_stores',
  retail: 'retail_sales_consumer_goods',
};

export const PERSON_TERMS = ['distance_home', 'distance_study', 'is_home', 'is_study', 'same_macro_region'] as const;
export type PersonTerm = (typeof PERSON_TERMS)[number];

/** Person attributes that may interact with alternative attributes (as dummies against a base). */
export const PERSON_ATTRIBUTES = ['degree', 'major', 'university'] as const;
export type PersonAttribute = (typeof PERSON_ATTRIBUTES)[number];

export const TRANSFORMS = ['log', 'log1p', 'identity', 'tenths'] as const;
export type AlternativeTransform = (typeof TRANSFORMS)[number];

/** Money and size indicators: logged unless the spec says otherwise. */
const LOGGED = /income|gdp|salary|wage|population|retail|sales|stores|length|expenditure|funding|beds|institutions|enrollees|price|rent/;

/**
 * The transform an alternative attribute gets when the spec names none: 'tenths' for indicators
 * stored in tenths (name ending `_x10`, e.g. the NBS weather series), 'log' for money and size
 * indicators (name matching income, gdp, salary, wage, population, retail, sales, stores, length,
 * expenditure, funding, beds, institutions, enrollees, price, rent), else 'identity'.
 */
export function defaultTransform(name: string): AlternativeTransform {
  if (/_x10$/.test(name)) return 'tenths';
  return LOGGED.test(name) ? 'log' : 'identity';
}

export function alternativeTermName(name: string, transform: AlternativeTransform): string {
  if (transform === 'identity') return name;
  if (transform === 'tenths') return /_x10$/.test(name) ? name.slice(0, -4) : `${name}_div10`;
  return `${transform}_${name}`;
}

export function interactionTermName(attribute: PersonAttribute, category: string, term: string): string {
  return `${attribute}[${category}]:${term}`;
}

const name = z.string().trim().regex(/^[A-Za-z][\w.-]{0,63}$/, RULE.indicatorName);
const resolve = (v: string): string => ALTERNATIVE_VAR_ALIASES[v] ?? v;
const year = z.number().int().gte(1900).lte(2200);

const nestSchema = z.union([
  /** 'home-rest': the home region against every other region; 'macro-regions': one nest per macro-region group. */
  z.enum(['home-rest', 'macro-regions']),
  /** A named nest of alternatives: region codes or names at the level, or group codes (their members). */
  z.object({ name: z.string().trim().regex(/^[\w.-]{1,32}$/, RULE.nestName), members: z.array(z.string().trim().min(1).max(200)).min(1).max(1000) }).strict(),
]);

/** The fields of a spec (for request bodies that add their own, e.g. save / replace). */
export const choiceSpecShape = {
  /** Level of the alternatives (regions at this level; destinations, homes and study places are rolled up to it). */
  level: z.string().trim().regex(/^[a-z][a-z0-9_-]{0,31}$/, RULE.level),
  /** Region or group code the alternatives lie in. Default: the country of the persons' destinations. */
  within: z.string().trim().min(1).max(200).optional(),
  /** Persons of these universities only. Default all. */
  university: z.array(z.string().trim().min(1).max(200)).min(1).max(200).optional(),
  /** Persons of these graduation years only. Default all. */
  years: z.array(year).min(1).max(100).optional(),
  /**
   * Alternative attributes: indicator names (or ALTERNATIVE_VAR_ALIASES). The value is the
   * indicator of the graduation year, else of the nearest earlier year (the notes say where).
   */
  alternativeVars: z.array(name).max(40).default([]).transform((vs) => vs.map(resolve)),
  /** Transform by indicator name. Default: defaultTransform(name); the notes say which applied. */
  transforms: z.record(name, z.enum(TRANSFORMS)).default({}).transform((t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [resolve(k), v]))),
  /** Person x alternative terms. Default none. */
  personTerms: z.array(z.enum(PERSON_TERMS)).max(PERSON_TERMS.length).default([]),
  /**
   * Interactions `person:alternative`, e.g. `degree:income`: the person attribute's categories
   * (against the most frequent one as base, ties by name) times an alternative attribute (an
   * indicator, transformed as above) or a person term. Default none.
   */
  interactions: z.array(z.string().trim().regex(/^(degree|major|university):[A-Za-z][\w.-]{0,63}$/, RULE.interaction))
    .max(20).default([]).transform((is) => is.map((i) => { const [p, a] = i.split(':'); return `${p}:${resolve(a)}`; })),
  /** Not employed / further study: left out (counted) or one outside alternative with its constant. Default 'exclude'. */
  outside: z.enum(['exclude', 'option']).default('exclude'),
  /** An attribute missing for a region and year: an error naming them, or the region left out of that year's choice sets (persons who chose it counted as excluded). Default 'error'. */
  missing: z.enum(['error', 'listwise']).default('error'),
  /** Sampling of alternatives (McFadden's correction for 'importance', weights = observed shares + 0.5). Default all alternatives. */
  sample: z.object({
    size: z.number().int().gte(2).lte(10000),
    method: z.enum(['uniform', 'importance']).default('uniform'),
    seed: z.number().int().gte(0).lte(2 ** 32 - 1).default(1),
  }).strict().optional(),
  /** Nests of a nested logit (FIML). 'home-rest' stands alone. Default none (conditional logit). */
  nests: z.array(nestSchema).max(50).optional(),
  /** Group codes whose members define `same_macro_region` and 'macro-regions' nests. Default the NBS four regions. */
  macroRegions: z.array(z.string().trim().min(1).max(200)).min(1).max(50).default(['northeast', 'east', 'central', 'west']),
  /** Clusters for clustered standard errors. Default 'none'. */
  cluster: z.enum(['university', 'none']).default('none'),
  /** Covariance of the reported SEs, z, p and intervals. Default 'clustered' with cluster 'university', else 'classical'. */
  vcov: z.enum(['classical', 'robust', 'clustered']).optional(),
  /**
   * The money attribute of willingness to pay: an indicator (or alias, or term) and the money per
   * unit of it, e.g. { term: 'disposable_income_pc', unit: 'yuan a month', scale: 1/12 } for an
   * income in yuan a year. Default: the first alternative attribute whose unit is yuan a year,
   * with that unit and scale. A logged money term is valued at the mean over the alternatives.
   */
  money: z.object({ term: name.transform(resolve), unit: z.string().trim().min(1).max(60), scale: z.number().positive().finite() }).strict().optional(),
  /** Graduation years held out of the fit, to report its hit rate and log-likelihood on them. */
  holdout: z.object({ years: z.array(year).min(1).max(100) }).strict().optional(),
};

/** Checks across fields, applied by choiceSpecSchema and by request schemas built on choiceSpecShape. */
export function refineChoiceSpec(s: z.output<z.ZodObject<typeof choiceSpecShape>>, ctx: z.RefinementCtx): void {
  if (s.nests?.includes('home-rest') && s.nests.length > 1) ctx.addIssue({ code: 'custom', path: ['nests'], message: RULE.homeRestAlone });
  if (s.vcov === 'clustered' && s.cluster === 'none') ctx.addIssue({ code: 'custom', path: ['vcov'], message: RULE.clusteredNeedsUniversity });
  for (const k of Object.keys(s.transforms)) {
    if (!s.alternativeVars.includes(k) && !s.interactions.some((i) => i.endsWith(`:${k}`))) ctx.addIssue({ code: 'custom', path: ['transforms', k], message: transformNotAttribute(k), params: { rule: 'transformNotAttribute', value: k } });
  }
}

export const choiceSpecSchema = z.object(choiceSpecShape).strict().superRefine(refineChoiceSpec);

/** A spec as written (aliases, defaults left out). */
export type ChoiceSpecInput = z.input<typeof choiceSpecSchema>;
/** A parsed spec: canonical names, every default applied. */
export type ChoiceSpec = z.output<typeof choiceSpecSchema>;

/** Validates a spec; throws SpecError naming the first bad field and what is wrong (coded: input.invalid). */
export function parseChoiceSpec(input: unknown): ChoiceSpec {
  const r = choiceSpecSchema.safeParse(input);
  if (r.success) return r.data;
  const [first, ...rest] = r.error.issues;
  const path = (p: readonly PropertyKey[]) => p.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[') || 'spec';
  throw new SpecError(coded('input.invalid', { ...schemaIssue(first), more: rest.slice(0, 3).map((i) => path(i.path)), others: rest.length }), path(first.path));
}

/** The transform of an alternative attribute under a parsed spec. */
export function transformOf(spec: ChoiceSpec, name: string): AlternativeTransform {
  return spec.transforms[name] ?? defaultTransform(name);
}

/** The covariance reported under a parsed spec. */
export function vcovOf(spec: ChoiceSpec): 'classical' | 'robust' | 'clustered' {
  return spec.vcov ?? (spec.cluster === 'university' ? 'clustered' : 'classical');
}
