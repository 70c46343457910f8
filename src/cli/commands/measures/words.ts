import { MEASURE_ZH } from '../../../core/messages/measure-zh.ts';
import type { CliLang } from '../../lang.ts';
import { headIn } from '../../heads.ts';

/**
 * The words of `talentflow measures`' first line, table heads and system lines in each --lang:
 * the English is the result's own field names, as the command has always printed them; the
 * Chinese names each as the measures' definitions do (core/messages/measure-zh.ts), heads as the
 * listing commands do (cli/heads.ts).
 */
const KIND_ZH: Readonly<Record<string, string>> = { observed: '观测', estimated: '估计', mixed: '观测与估计' };

export interface MeasureWords {
  /** The first line: the measure, its kind and its definition (already in the language). */
  title(measure: string, kind: string, definition: string): string;
  method(text: string): string;
  assumption(text: string): string;
  warning(text: string): string;
  /** A row or system field's head. */
  field(key: string): string;
  /** A system figure's line. */
  system(key: string, value: string): string;
}

const ENGLISH: MeasureWords = {
  title: (measure, kind, definition) => `${measure} (${kind}): ${definition}`,
  method: (text) => `method: ${text}`,
  assumption: (text) => `assumption: ${text}`,
  warning: (text) => `warning: ${text}`,
  field: (key) => key,
  system: (key, value) => `${key}: ${value}`,
};

const CHINESE: MeasureWords = {
  // The measure's short name: the definition after it says what it is.
  title: (measure, kind, definition) => `${(MEASURE_ZH[measure] ?? measure).replace(/（.*）$/, '')}（${KIND_ZH[kind] ?? kind}）：${definition}`,
  method: (text) => `方法：${text}`,
  assumption: (text) => `假设：${text}`,
  warning: (text) => `警告：${text}`,
  field: (key) => headIn(key, 'zh'),
  system: (key, value) => `${headIn(key, 'zh')}：${value}`,
};

export const measureWords = (lang: CliLang): MeasureWords => (lang === 'zh' ? CHINESE : ENGLISH);
