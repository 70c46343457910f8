/**
 * The ONE catalogue of coded messages: every note, warning and error text the library hands to
 * a person that a front-end may show in another language. Self-contained and pure (no I/O):
 * the server and CLI import it to write English, the dashboard imports it to know the codes
 * (and render the English itself, with names in English) and gives each code a Chinese template
 * (web/src/i18n/messages-zh.ts, typed against this catalogue, so a missing one does not compile;
 * test/web/message-catalogue.test.ts walks the catalogue and renders each code's example).
 *
 * How an answer carries them (backward compatible: every English text field stays as it was):
 * - an error body: `{ error: { code: 'SPEC', message, messageCode, params, field? } }`
 *   (core/errors.ts: a TalentflowError built from a coded message);
 * - a field of text (`notes`, `warnings`, `definition`): the English field as before, and a
 *   `messages` object keyed by the same field name holding `{ code, params, message }` (one per
 *   element for a list), e.g. `{ notes: ['…'], messages: { notes: [{ code, params, message }] } }`.
 * A front-end shows `messages.<field>` where present and the English field otherwise.
 *
 * To add a message: add `def(example, englishTemplate)` to its group, produce it with
 * `coded(code, params)` where the text is made, and add the Chinese template.
 */
import { ENGLISH, type CodedMessage, type MessageFormat } from './message.ts';
import { ANALYSIS_MESSAGES } from './analysis.ts';
import { CHOICE_MESSAGES } from './choice.ts';
import { CLI_VALUE_MESSAGES } from './cli-values.ts';
import { CHOICE_FILE_MESSAGES } from './choice-file.ts';
import { CHOICE_FIT_MESSAGES } from './choice-fit.ts';
import { CHOICE_SPEC_MESSAGES } from './choice-spec.ts';
import { CONVERGENCE_MESSAGES } from './convergence.ts';
import { FIT_MESSAGES } from './fit.ts';
import { FIT_DATA_MESSAGES } from './fit-data.ts';
import { FILE_MESSAGES } from './file.ts';
import { GRADUATE_MESSAGES } from './graduates.ts';
import { GRAVITY_MESSAGES } from './gravity.ts';
import { GRAVITY_OPTION_MESSAGES } from './gravity-options.ts';
import { IMPORT_MESSAGES } from './import.ts';
import { IMPORT_ERROR_MESSAGES } from './import-errors.ts';
import { JOB_MESSAGES } from './job.ts';
import { LOGIT_MESSAGES } from './logit.ts';
import { MEASURE_MESSAGES } from './measure.ts';
import { MEASURE_METHOD_MESSAGES } from './measure-method.ts';
import { MEASURE_ERROR_MESSAGES } from './measure-errors.ts';
import { RADIATION_MESSAGES } from './radiation.ts';
import { RANK_MESSAGES } from './rank.ts';
import { REGION_MESSAGES } from './region.ts';
import { REQUEST_MESSAGES } from './request.ts';
import { REVEALED_MESSAGES } from './revealed.ts';
import { SCENARIO_MESSAGES } from './scenario.ts';
import { STOCKS_FLOWS_MESSAGES } from './stocks-flows.ts';
import { STOCKS_ASSUMPTION_MESSAGES } from './stocks-assumptions.ts';

export { ENGLISH, def, type CodedMessage, type CodedParam, type MessageDef, type MessageFormat, type MessageParam, type MessageParams, type Place } from './message.ts';

export const MESSAGES = { ...SCENARIO_MESSAGES, ...ANALYSIS_MESSAGES, ...FIT_MESSAGES, ...GRAVITY_MESSAGES, ...RADIATION_MESSAGES, ...CHOICE_MESSAGES, ...MEASURE_MESSAGES, ...MEASURE_METHOD_MESSAGES, ...MEASURE_ERROR_MESSAGES, ...RANK_MESSAGES, ...REVEALED_MESSAGES, ...GRADUATE_MESSAGES, ...REGION_MESSAGES, ...REQUEST_MESSAGES, ...JOB_MESSAGES, ...CONVERGENCE_MESSAGES, ...FIT_DATA_MESSAGES, ...GRAVITY_OPTION_MESSAGES, ...CHOICE_FILE_MESSAGES, ...CHOICE_FIT_MESSAGES, ...LOGIT_MESSAGES, ...CHOICE_SPEC_MESSAGES, ...FILE_MESSAGES, ...IMPORT_MESSAGES, ...IMPORT_ERROR_MESSAGES, ...STOCKS_FLOWS_MESSAGES, ...STOCKS_ASSUMPTION_MESSAGES, ...CLI_VALUE_MESSAGES };

export type MessageCode = keyof typeof MESSAGES;
export type ParamsOf<C extends MessageCode> = (typeof MESSAGES)[C]['example'];

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}

/** The code's English template applied to `params` with `format`. */
export function renderMessage<C extends MessageCode>(code: C, params: ParamsOf<C>, format: MessageFormat = ENGLISH): string {
  return (MESSAGES[code].en as (p: ParamsOf<C>, f: MessageFormat) => string)(params, format);
}

/** A coded message with its English text, as answers carry it. */
export function coded<C extends MessageCode>(code: C, params: ParamsOf<C>): CodedMessage {
  return { code, params, message: renderMessage(code, params) };
}

/** The English texts of coded messages, for an answer's plain text field. */
export function english(list: readonly CodedMessage[]): string[] {
  return list.map((m) => m.message);
}

/** An answer's warnings as every producer carries them: the English list and, in the same order, the coded one. */
export function withWarnings(list: CodedMessage[]): { warnings: string[]; messages: { warnings: CodedMessage[] } } {
  return { warnings: english(list), messages: { warnings: list } };
}
