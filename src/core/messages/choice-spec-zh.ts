import type { CHOICE_SPEC_MESSAGES } from './choice-spec.ts';
import { schemaIssueZh } from './schema-issue-zh.ts';
import type { ZhOf } from './zh-of.ts';

/** Chinese for an input or a choice spec that fails its schema (choice-spec.ts), as the CLI says it with `--lang zh`. */
export const CHOICE_SPEC_MESSAGES_ZH: ZhOf<typeof CHOICE_SPEC_MESSAGES> = {
  'input.invalid': (p) => `${schemaIssueZh(p)}${p.others ? `（另有 ${p.others} 处：${p.more.join('、')}）` : ''}`,
};
