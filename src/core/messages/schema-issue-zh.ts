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
  // The flows-from-stocks estimate's input (src/app/estimate/input.ts); `value` the first year.
  toAfterFrom: (value) => `应晚于 from（${value ?? ''}）`,
  priorNeedsNoStayers: () => '先验只在 stayerAssumption: false 时使用',
  decayOrDecayFrom: () => 'decay 和 decayFrom 只能给出一个',
};

/** What a size bound counts, by zod's origin: items of a list, characters of a text. */
const COUNTED: Record<string, string> = { array: '项', set: '项', string: '个字符', file: '字节' };

/**
 * A bound in words by what it bounds (schema-issue.ts `origin`): "最多 20 项" for a list,
 * "最多 20 个字符" for a text, "不能大于 20" for a number, "不能晚于 2020-01-01" for a date;
 * an exclusive bound (lt, gt, positive) says "应小于"/"应大于".
 */
function bound(p: SchemaIssueParams, big: boolean): string {
  if (p.limit === null) return big ? '过大或过长' : '过小或过短';
  // Messages coded before origin and inclusive were carried: a number's inclusive bound, as then.
  const inclusive = p.inclusive !== false;
  const counted = Object.hasOwn(COUNTED, p.origin ?? '') ? COUNTED[p.origin] : undefined;
  if (counted) {
    if (p.exact === true) return `应为 ${p.limit} ${counted}`;
    if (inclusive) return `${big ? '最多' : '至少'} ${p.limit} ${counted}`;
    return `应${big ? '少' : '多'}于 ${p.limit} ${counted}`;
  }
  if (p.origin === 'date') {
    const day = new Date(p.limit).toISOString().slice(0, 10);
    return inclusive ? `不能${big ? '晚' : '早'}于 ${day}` : `应${big ? '早' : '晚'}于 ${day}`;
  }
  return inclusive ? `不能${big ? '大' : '小'}于 ${p.limit}` : `应${big ? '小' : '大'}于 ${p.limit}`;
}

const ISSUE: Record<string, (p: SchemaIssueParams) => string> = {
  invalid_type: (p) => (p.expected ? `应为 ${p.expected} 类型` : '类型不符'),
  too_big: (p) => bound(p, true),
  too_small: (p) => bound(p, false),
  invalid_value: (p) => `可选值：${p.values.join('、')}`,
  unrecognized_keys: (p) => `未知字段：${p.values.join('、')}`,
  invalid_format: () => '格式不符',
};

export function schemaIssueZh(p: SchemaIssueParams): string {
  return (p.rule !== null && RULE[p.rule]?.(p.value)) || ISSUE[p.issue]?.(p) || p.detail;
}
