import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { GravityResult } from '../../models/index.ts';
import type { ScenarioDocument } from '../../sim/index.ts';
import type { ChoiceModelResult } from '../choice/fit-choice.ts';
import { PERSON_TERMS, parseChoiceSpec } from '../choice/spec.ts';
import { loadModel, type SavedModel } from '../models.ts';
import type { Workspace } from '../workspace.ts';
import { termsOf } from './prepare-choice.ts';

/**
 * Refuses a scenario whose saved model lacks a variable the scenario needs, before anything runs:
 * the variable an intervention changes (unless borrowed from elsewhere) and those the document
 * lists in `baseline.requires`. Without this check a model fitted without, say, population runs
 * silently and gives other numbers than documented (issue 12: 762 instead of 451). The error names
 * the model, the missing variables and a `talentflow fit` command that fits a model with them.
 */

/** The variables a saved model reads: gravity `origin_x`/`destination_x` columns; a choice model's attributes. */
function variablesOf(saved: SavedModel<GravityResult | ChoiceModelResult>): { columns: Set<string>; names: Set<string> } {
  const columns = new Set<string>();
  const names = new Set<string>();
  if (saved.kind === 'gravity') {
    for (const t of (saved.result as GravityResult).termSpecs) {
      if (t.role !== 'origin' && t.role !== 'destination') continue;
      const column = t.column ?? t.name;
      columns.add(column);
      names.add(column.replace(/^(origin|destination)_/, ''));
    }
  } else {
    const { terms } = termsOf(parseChoiceSpec(saved.spec), saved.result as ChoiceModelResult);
    for (const t of terms) { columns.add(t.of); names.add(t.of); }
  }
  return { columns, names };
}

/** A `requires` entry or an intervention term the model lacks, as the variable a refit must add. */
interface Missing { readonly variable: string; readonly side: 'origin' | 'destination' | null; readonly why: string }

function missingOf(doc: ScenarioDocument, saved: SavedModel<GravityResult | ChoiceModelResult>, have: { columns: Set<string>; names: Set<string> }): Missing[] {
  const borrowed = new Set(doc.baseline.borrowedTerms.map((t) => t.term));
  const out: Missing[] = [];
  const add = (m: Missing) => { if (!out.some((x) => x.variable === m.variable && x.side === m.side)) out.push(m); };
  for (const [k, name] of doc.baseline.requires.entries()) {
    const sided = /^(origin|destination)_(.+)$/.exec(name);
    if (saved.kind === 'gravity' && sided) {
      if (!have.columns.has(name)) add({ variable: sided[2], side: sided[1] as 'origin' | 'destination', why: `baseline.requires[${k}]` });
    } else if (!have.names.has(name) && !have.columns.has(name)) add({ variable: name, side: saved.kind === 'gravity' ? 'destination' : null, why: `baseline.requires[${k}]` });
  }
  for (const [k, iv] of doc.interventions.entries()) {
    if (borrowed.has(iv.term) || have.columns.has(iv.term)) continue;
    const sided = /^(origin|destination)_(.+)$/.exec(iv.term);
    // Other unknown terms (a misspelt cost or person term) are left to compileLevers, which lists the model's attributes.
    if (saved.kind === 'gravity' && sided) add({ variable: sided[2], side: sided[1] as 'origin' | 'destination', why: `interventions[${k}].term` });
    else if (saved.kind === 'choice' && !(PERSON_TERMS as readonly string[]).includes(iv.term)) add({ variable: iv.term, side: null, why: `interventions[${k}].term` });
  }
  return out;
}

/** The region or group every region of the model lies in (the lowest common ancestor), for `--within`. */
async function commonAncestor(ws: Workspace, regions: readonly string[]): Promise<string | null> {
  const row = await ws.db.one<{ ancestor: string }>(
    `SELECT a.ancestor FROM region_ancestors a WHERE a.code IN (SELECT unnest(string_split(?, ',')))
     GROUP BY a.ancestor HAVING count(DISTINCT a.code) = ?
     ORDER BY (SELECT count(*) FROM region_ancestors d WHERE d.ancestor = a.ancestor), a.ancestor LIMIT 1`,
    [regions.join(','), regions.length]);
  return row?.ancestor ?? null;
}

function quote(v: string): string {
  return /^[\w.,:-]+$/.test(v) ? v : `"${v.replace(/(["\\$`])/g, '\\$1')}"`;
}

async function gravityCommand(ws: Workspace, doc: ScenarioDocument, saved: SavedModel<GravityResult>, missing: readonly Missing[]): Promise<string> {
  const r = saved.result;
  const vars = { origin: [] as string[], destination: [] as string[] };
  for (const t of r.termSpecs) {
    if (t.role !== 'origin' && t.role !== 'destination') continue;
    const name = (t.column ?? t.name).replace(/^(origin|destination)_/, '');
    vars[t.role].push(t.transform === 'log' ? name : `${name}:raw`);
  }
  for (const m of missing) if (!vars[m.side ?? 'destination'].includes(m.variable)) vars[m.side ?? 'destination'].push(m.variable);
  const within = doc.baseline.within ?? await commonAncestor(ws, r.regions);
  const parts = ['talentflow fit gravity', `--period ${quote(r.periods?.join(',') ?? doc.baseline.period)}`];
  if (within) parts.push(`--within ${quote(within)}`);
  parts.push(`--constraint ${r.constraint}`);
  if (r.decay !== 'power') parts.push(`--decay ${r.decay}`);
  if (vars.origin.length) parts.push(`--origin-vars ${quote(vars.origin.join(','))}`);
  parts.push(`--destination-vars ${quote(vars.destination.join(','))}`, `--save ${quote(saved.name)} --replace`);
  return parts.join(' ');
}

function choiceCommand(saved: SavedModel<ChoiceModelResult>, missing: readonly Missing[]): string {
  const spec = parseChoiceSpec(saved.spec);
  const vars = [...spec.alternativeVars, ...missing.map((m) => m.variable).filter((v) => !spec.alternativeVars.includes(v))];
  const parts = ['talentflow fit choice --persons', `--level ${quote(spec.level)}`];
  if (spec.within) parts.push(`--within ${quote(spec.within)}`);
  parts.push(`--alternative-vars ${quote(vars.join(','))}`);
  if (spec.personTerms.length) parts.push(`--person-vars ${quote(spec.personTerms.join(','))}`);
  if (spec.interactions.length) parts.push(`--interactions ${quote(spec.interactions.join(','))}`);
  parts.push(`--save ${quote(saved.name)} --replace`);
  return parts.join(' ');
}

/** Throws SpecError (a user error: exit 1, HTTP 400) when the model lacks a variable the scenario needs. */
export async function checkModelVariables(ws: Workspace, doc: ScenarioDocument, saved: SavedModel<GravityResult | ChoiceModelResult>): Promise<void> {
  const have = variablesOf(saved);
  const missing = missingOf(doc, saved, have);
  if (!missing.length) return;
  const label = (m: Missing) => `${m.side ? `${m.side}_` : ''}${m.variable} (${m.why})`;
  const command = saved.kind === 'gravity'
    ? await gravityCommand(ws, doc, saved as SavedModel<GravityResult>, missing)
    : choiceCommand(saved as SavedModel<ChoiceModelResult>, missing);
  throw new SpecError(coded('scenario.model.lacksVariables', { kind: saved.kind, model: saved.name, missing: missing.map(label), has: [...have.columns], command }), 'baseline.model');
}

/** The same check on its own, for a front end that answers before it starts a run (HTTP 400, not a failed job). */
export async function checkScenarioModel(ws: Workspace, doc: ScenarioDocument): Promise<void> {
  let saved: SavedModel<GravityResult | ChoiceModelResult>;
  try {
    saved = await loadModel<GravityResult | ChoiceModelResult>(ws, doc.baseline.model);
  } catch (e) {
    throw new SpecError((e as Error).message, 'baseline.model');
  }
  if (saved.kind === 'gravity' || saved.kind === 'choice') await checkModelVariables(ws, doc, saved);
}
