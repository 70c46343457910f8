import type { CHOICE_SPEC_MESSAGES } from './choice-spec.ts';
import { schemaIssueZh } from './schema-issue-zh.ts';
import type { ZhOf } from './zh-of.ts';

/** Chinese for a choice spec that fails its schema (choice-spec.ts), as `talentflow fit choice --lang zh` says it. */
export const CHOICE_SPEC_MESSAGES_ZH: ZhOf<typeof CHOICE_SPEC_MESSAGES> = {
  'choicespec.invalid': (p) => `${schemaIssueZh(p)}${p.others ? `（另有 ${p.others} 处：${p.more.join('、')}）` : ''}`,
};
