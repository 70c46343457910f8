import { InvalidArgumentError, Option } from 'commander';
import { InputError, SpecError, formatLocationZh, type TalentflowError } from '../core/errors.ts';
import type { CodedMessage, MessageFormat } from '../core/messages/index.ts';
import { CHINESE, messageIn } from '../core/messages/zh.ts';
import { universityLabel } from '../report/graduates/university-name.ts';
import type { RegionNamer } from './region-names.ts';

/**
 * The language of what the CLI says besides region names: its errors, and a fit's notes,
 * warnings and stop reason. English unless `--lang zh` is given (on any command that takes
 * --lang: there it names regions in that language too); Chinese from the catalogue's templates
 * (core/messages/zh.ts), a message without Chinese keeping its English. `--json` output stays as
 * the API sends it: the English text with its code and parameters.
 */
export type CliLang = 'zh' | 'en';

/** Chinese as the CLI writes it: the catalogue's, with the demo's universities by their Chinese names (东北大学). */
const CLI_CHINESE: MessageFormat = { ...CHINESE, university: (u) => universityLabel(u, 'zh') };

/**
 * A coded message in `lang`, written as the CLI writes it (the library's Chinese, universities by
 * name); with `name`, a region the message gives by its code alone is named by it (沈阳市, not 210100).
 */
export const inLang = (m: CodedMessage, lang: CliLang, name?: RegionNamer): string =>
  messageIn(m, lang, undefined, name ? { ...CLI_CHINESE, place: (p) => p.zh ?? name(p.code) ?? CLI_CHINESE.place(p) } : CLI_CHINESE);

/**
 * A flag's value refused by the command's own parsing, coded so `--lang zh` says it in Chinese;
 * main.ts prints it as commander's other refusals ("error: ..." in English, the same words).
 */
export class CodedArgumentError extends InvalidArgumentError {
  readonly text: CodedMessage;
  constructor(text: CodedMessage) {
    // Commander prints a value's refusal itself, after its own words (commander-zh.ts says those
    // in Chinese): the reason is in the language of the call.
    super(argumentLang === 'zh' ? inLang(text, 'zh') : text.message);
    this.text = text;
  }
}

/** The language of the call being parsed (main.ts sets it from argv before commander parses). */
let argumentLang: CliLang = 'en';
export function setArgumentLang(lang: CliLang): void {
  argumentLang = lang;
}

/** `--lang en|zh` of a command whose messages follow it. */
export function messageLangOption(): Option {
  return new Option('--lang <lang>', 'language of notes, warnings, convergence and errors: en (default) or zh').choices(['en', 'zh']);
}

/** The language `argv` asks for (`--lang zh` or `--lang=zh`), read before commander parses it, for errors of any step. */
export function cliLang(argv: readonly string[]): CliLang {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'zh') || argv.includes('--lang=zh') ? 'zh' : 'en';
}

/** A result's text in `lang`: its coded form where the result carries one, else the English as written; `name` as inLang's. */
export function said(english: string, coded: CodedMessage | undefined, lang: CliLang, name?: RegionNamer): string {
  return coded ? inLang(coded, lang, name) : english;
}

/** An input error's further problems as the CLI prints them after "also: " or "另有：" ("row 5: …", "第 5 行，“origin”列：…"). */
export function alsoIn(e: InputError, lang: CliLang): readonly string[] {
  if (lang === 'en' || !e.moreCoded.length) return e.more;
  return e.moreCoded.map((m) => formatLocationZh(m) + inLang(m.text, 'zh'));
}

/** An error as the CLI prints it after "error: " (English) or "错误：". */
export function errorIn(e: TalentflowError, lang: CliLang): string {
  if (lang === 'en') return e.message;
  if (e instanceof InputError) return formatLocationZh(e) + (e.text ? inLang({ ...e.text, message: e.reason }, 'zh') : e.reason);
  if (!e.text) return e.message;
  // A SpecError's message starts with its field ("terms[0]: "), which stays as the user wrote it.
  const field = e instanceof SpecError && e.field ? e.field : null;
  const text = inLang({ ...e.text, message: field ? e.message.slice(field.length + 2) : e.message }, 'zh');
  return field ? `${field}：${text}` : text;
}
