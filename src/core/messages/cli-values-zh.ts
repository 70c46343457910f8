import type { CLI_VALUE_MESSAGES } from './cli-values.ts';
import type { ZhOf } from './zh-of.ts';

export const CLI_VALUE_MESSAGES_ZH: ZhOf<typeof CLI_VALUE_MESSAGES> = {
  'cli.value.notWhole': (p) => `“${p.value}”不是非负整数`,
  'cli.value.notNumber': (p) => `“${p.value}”不是数字`,
  'cli.value.notYear': (p) => `“${p.value}”不是年份`,
  'cli.value.notRate': (p) => `“${p.value}”不是年率（例如 0.004 表示每年 0.4%）`,
  'cli.value.notPort': (p) => `“${p.value}”不是端口号（0 到 65535）`,
  'cli.value.notAmount': (p) => `“${p.value}”不是大于等于 0 的金额`,
  'cli.value.givenTwice': (p) => `${p.option} 给出了两次（第一次为“${p.first}”）；只能给出一次${p.commaSeparated ? '，多个值以逗号分隔' : ''}`,
  'cli.value.sscPairs': (p) => `--ssc “${p.text}”：应为 none、fixest，或 adj、fixef.K、cluster.adj、cluster.df 的 名称=取值 对`,
  'cli.value.sscBoolean': (p) => `--ssc ${p.key}=${p.value}：应为 TRUE 或 FALSE`,
  'cli.value.sscChoice': (p) => `--ssc ${p.key}=${p.value}：应为 ${p.choices.join('、')} 之一`,
};
