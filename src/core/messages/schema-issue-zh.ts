import type { SchemaIssueParams } from './schema-issue.ts';

/**
 * A failed schema check in Chinese (schema-issue.ts): the schema's own check by its rule, else
 * zod's issue code (v4) in words; any other issue keeps zod's English detail. Field names and
 * allowed values stay as typed.
 */
const RULE: Record<string, (value: string | null) => string> = {
  indicatorName: () => '应为指标名称（字母、数字、_ . -）',
  nestName: () => '应为嵌套名称（字母、数字、_ . -）',
  level: () => '应为层级，例如 province 或 city',
  interaction: () => '应为“个人属性:备选项属性”，个人属性为 degree、major、university 之一，例如 degree:income',
  homeRestAlone: () => '“home-rest”不能与其他嵌套同时使用',
  clusteredNeedsUniversity: () => '聚类标准误需要 cluster 设为“university”',
  transformNotAttribute: (value) => `“${value ?? ''}”不是设定中的备选项属性`,
};

const ISSUE: Record<string, (p: SchemaIssueParams) => string> = {
  invalid_type: (p) => (p.expected ? `应为 ${p.expected} 类型` : '类型不符'),
  too_big: (p) => (p.limit === null ? '过大或过长' : `不能大于 ${p.limit}`),
  too_small: (p) => (p.limit === null ? '过小或过短' : `不能小于 ${p.limit}`),
  invalid_value: (p) => `可选值：${p.values.join('、')}`,
  unrecognized_keys: (p) => `未知字段：${p.values.join('、')}`,
  invalid_format: () => '格式不符',
};

export function schemaIssueZh(p: SchemaIssueParams): string {
  return (p.rule !== null && RULE[p.rule]?.(p.value)) || ISSUE[p.issue]?.(p) || p.detail;
}
