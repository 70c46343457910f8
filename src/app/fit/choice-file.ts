import { z } from 'zod';
import { fitChoiceFile, type ChoiceFileResult } from '../../store/choice/choice-file.ts';
import { parseInput } from '../parse-input.ts';

/** A column name as the file's header spells it. */
const column = z.string().trim().min(1).max(200);

/**
 * What a conditional (or nested) logit on the user's own long-format choice file may say, from
 * `talentflow fit choice --data FILE --flags` (as R's survival::clogit(choice ~ vars +
 * strata(case)) takes it: one row per case and available alternative). A file path, so the CLI
 * only: the server never fits a path on its own disk.
 */
export const choiceFileInput = z.object({
  path: z.string().min(1).max(4096).describe('the choice file (CSV, xlsx, Parquet, JSON lines)'),
  case: column.describe('case (choice situation) column; its rows need not be adjacent'),
  alternative: column.describe('alternative column'),
  choice: column.describe('1 for the chosen row, else 0 (or counts of persons choosing it)'),
  vars: z.array(column).min(1, 'give at least one var').max(100).describe('numeric columns entering the utility, one coefficient each'),
  nests: z.array(z.object({
    name: z.string().regex(/^[\w.-]{1,32}$/, 'letters, digits, _ . - (up to 32)'),
    alternatives: z.array(z.string().trim().min(1).max(200)).min(1).max(1000).describe('alternative labels as the file writes them'),
  }).strict()).min(1).max(50).optional().describe('nests by alternative label (a nested logit); default none'),
  cluster: column.optional().describe('column holding a cluster id per case (constant within a case)'),
  vcov: z.enum(['classical', 'robust', 'clustered']).optional().describe('covariance of the SEs; default clustered with a cluster column, else classical'),
  money: z.object({
    term: column.describe('the var measured in money'),
    unit: z.string().trim().min(1).max(40).default('yuan a month').describe('unit of the willingness-to-pay values'),
    scale: z.number().positive().finite().default(1).describe('money per unit of the money var'),
  }).strict().optional().describe('willingness to pay of every other var against this one; default none'),
  encoding: z.string().trim().min(1).max(40).optional().describe('text encoding of a CSV (default: detected)'),
  sheet: z.string().trim().min(1).max(200).optional().describe('xlsx sheet'),
}).strict().superRefine((b, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const seen = new Set<string>();
  b.vars.forEach((v, i) => {
    if (seen.has(v)) issue(['vars', i], `"${v}" is given twice`);
    seen.add(v);
    if (v === b.case || v === b.alternative || v === b.choice) issue(['vars', i], `"${v}" is the case, alternative or choice column, not a var`);
  });
  if (b.money && !b.vars.includes(b.money.term)) issue(['money', 'term'], `"${b.money.term}" is not one of the vars (${b.vars.join(', ')})`);
  if (b.vcov === 'clustered' && b.cluster === undefined) issue(['vcov'], 'clustered standard errors need a cluster column');
});

export type ChoiceFileInput = z.input<typeof choiceFileInput>;

/**
 * The fit of a choice file (for `talentflow fit choice --data`, and any program through the
 * library): validates the input, reads the file as typed columns, merges identical situations and
 * fits the conditional or nested logit with its WTP and elasticities (src/store/choice/
 * choice-file.ts). Data errors name the file, row and column.
 */
export async function runChoiceFileFit(input: ChoiceFileInput): Promise<ChoiceFileResult> {
  const o = parseInput(choiceFileInput, input);
  return fitChoiceFile(o.path, {
    case: o.case, alternative: o.alternative, choice: o.choice, vars: o.vars,
    ...(o.nests ? { nests: o.nests } : {}), ...(o.cluster !== undefined ? { cluster: o.cluster } : {}),
    ...(o.vcov ? { vcov: o.vcov } : {}), ...(o.money ? { money: o.money } : {}),
  }, { encoding: o.encoding, sheet: o.sheet });
}
