import type { CodedMessage, MessageFormat, MessageParams } from './message.ts';
import { CHOICE_FILE_MESSAGES_ZH } from './choice-file-zh.ts';
import { CHOICE_FIT_MESSAGES_ZH } from './choice-fit-zh.ts';
import { CHOICE_MESSAGES_ZH } from './choice-zh.ts';
import { CHOICE_SPEC_MESSAGES_ZH } from './choice-spec-zh.ts';
import { CHOICE_WARNING_MESSAGES_ZH } from './choice-warn-zh.ts';
import { CONVERGENCE_MESSAGES_ZH } from './convergence-zh.ts';
import { FIT_DATA_MESSAGES_ZH } from './fit-data-zh.ts';
import { FILE_MESSAGES_ZH } from './file-zh.ts';
import { FIT_MESSAGES_ZH } from './fit-zh.ts';
import { GRADUATE_MESSAGES_ZH } from './graduates-zh.ts';
import { GRAVITY_DATA_MESSAGES_ZH } from './gravity-data-zh.ts';
import { GRAVITY_OPTION_MESSAGES_ZH } from './gravity-options-zh.ts';
import { IMPORT_MESSAGES_ZH } from './import-zh.ts';
import { IMPORT_ERROR_MESSAGES_ZH } from './import-errors-zh.ts';
import { LOGIT_MESSAGES_ZH } from './logit-zh.ts';
import { MEASURE_MESSAGES_ZH } from './measure-zh.ts';
import { RADIATION_MESSAGES_ZH } from './radiation-zh.ts';
import { RANK_MESSAGES_ZH } from './rank-zh.ts';
import { REGION_MESSAGES_ZH } from './region-zh.ts';
import { REQUEST_MESSAGES_ZH } from './request-zh.ts';
import { REVEALED_MESSAGES_ZH } from './revealed-zh.ts';
import { SCENARIO_MESSAGES_ZH } from './scenario-zh.ts';
import { STOCKS_FLOWS_MESSAGES_ZH } from './stocks-flows-zh.ts';
import { CLI_VALUE_MESSAGES_ZH } from './cli-values-zh.ts';
import { STOCKS_ASSUMPTION_MESSAGES_ZH } from './stocks-assumptions-zh.ts';

/**
 * The catalogue's Chinese that the library's own front-ends need, not only the page: the CLI
 * (`--lang zh`) and the printable reports render these codes in Chinese and may not import the
 * dashboard, whose Chinese (web/src/i18n/messages-zh*.ts) includes them. A code without Chinese
 * here keeps its English there.
 */
export const LIBRARY_ZH = { ...GRADUATE_MESSAGES_ZH, ...CONVERGENCE_MESSAGES_ZH, ...FIT_DATA_MESSAGES_ZH, ...GRAVITY_OPTION_MESSAGES_ZH, ...GRAVITY_DATA_MESSAGES_ZH, ...CHOICE_FILE_MESSAGES_ZH, ...CHOICE_FIT_MESSAGES_ZH, ...FIT_MESSAGES_ZH, ...RADIATION_MESSAGES_ZH, ...MEASURE_MESSAGES_ZH, ...SCENARIO_MESSAGES_ZH, ...CHOICE_WARNING_MESSAGES_ZH, ...CHOICE_MESSAGES_ZH, ...RANK_MESSAGES_ZH, ...REVEALED_MESSAGES_ZH, ...LOGIT_MESSAGES_ZH, ...CHOICE_SPEC_MESSAGES_ZH, ...FILE_MESSAGES_ZH, ...REQUEST_MESSAGES_ZH, ...IMPORT_MESSAGES_ZH, ...IMPORT_ERROR_MESSAGES_ZH, ...REGION_MESSAGES_ZH, ...STOCKS_FLOWS_MESSAGES_ZH, ...STOCKS_ASSUMPTION_MESSAGES_ZH, ...CLI_VALUE_MESSAGES_ZH };

/** Chinese as the CLI and the reports write it: grouped digits, Chinese names first, lists joined by 、. */
export const CHINESE: MessageFormat = {
  lang: 'zh',
  number: (n, digits) => (digits !== undefined ? n.toFixed(digits) : n.toLocaleString('zh-CN')),
  place: (p) => p.zh ?? p.en ?? p.code,
  list: (items, max = Infinity) => `${items.slice(0, max).join('、')}${items.length > max ? ` 等 ${items.length} 项` : ''}`,
  source: (text) => text,
};

type Template = (p: MessageParams, f: MessageFormat) => string;

/**
 * A coded message in `lang`: English as the library wrote it; Chinese from `templates` (by default
 * LIBRARY_ZH) written with `format`, or its English for a code without Chinese there or parameters of another shape (a
 * result saved by another version).
 */
export function messageIn(m: CodedMessage, lang: 'zh' | 'en', templates: Readonly<Record<string, Template>> = LIBRARY_ZH as unknown as Record<string, Template>, format: MessageFormat = CHINESE): string {
  if (lang === 'en') return m.message;
  const zh = Object.hasOwn(templates, m.code) ? templates[m.code] : undefined;
  if (!zh) return m.message;
  try {
    return zh(m.params, format);
  } catch {
    return m.message;
  }
}
