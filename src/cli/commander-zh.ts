/**
 * Commander's own refusals (an unknown option, a missing or invalid value, too many arguments) in
 * Chinese, for `--lang zh`: commander writes them in English from templates of its own
 * (node_modules/commander/lib/command.js) and offers no catalogue, so the CLI rewrites its
 * output line by the shape of those templates. A line of another shape (a later commander) stays
 * as written. The values, flags and names inside stay as the user typed them.
 */

/** "option '--level <level>'" and "environment variable 'X'", as commander names the two sides of a conflict. */
const optionName = (s: string) => s.replace(/^option '(.+)'$/, '选项“$1”').replace(/^environment variable '(.+)'$/, '环境变量“$1”');

/** "(Did you mean --level?)" and "(Did you mean one of a, b?)" after an unknown option or command. */
function suggestion(rest: string | undefined): string {
  if (!rest) return '';
  const m = /^\n\(Did you mean (one of )?(.+)\?\)$/.exec(rest);
  if (!m) return rest;
  return m[1] ? `\n（是否想用以下之一：${m[2].split(', ').join('、')}？）` : `\n（是否想用 ${m[2]}？）`;
}

/** What follows "is invalid.": commander's list of choices, or the parser's own reason (already in the CLI's language). */
function reason(rest: string): string {
  const choices = /^ ?Allowed choices are (.+)\.$/.exec(rest);
  if (choices) return `可选值：${choices[1].split(', ').join('、')}。`;
  return rest.trim();
}

const RULES: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.+?)'((?:\n.*)?)$/s, (flag, rest) => `错误：未知选项“${flag}”${suggestion(rest)}`],
  [/^error: unknown command '(.+?)'((?:\n.*)?)$/s, (name, rest) => `错误：未知命令“${name}”${suggestion(rest)}`],
  [/^error: missing required argument '(.+)'$/, (name) => `错误：缺少必需的参数“${name}”`],
  [/^error: option '(.+)' argument missing$/, (flags) => `错误：选项“${flags}”缺少取值`],
  [/^error: required option '(.+)' not specified$/, (flags) => `错误：未指定必需的选项“${flags}”`],
  [/^error: (.+) cannot be used with (.+)$/, (a, b) => `错误：${optionName(a)}不能与${optionName(b)}同时使用`],
  [/^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (cmd, expected, got) =>
    `错误：参数过多${cmd ? `（命令“${cmd}”）` : ''}：应为 ${expected} 个，实际为 ${got} 个。`],
  [/^error: option '(.+)' argument '(.*)' is invalid\.(.*)$/s, (flags, value, rest) => `错误：选项“${flags}”的取值“${value}”无效。${reason(rest)}`],
  [/^error: option '(.+)' value '(.*)' from env '(.+)' is invalid\.(.*)$/s, (flags, value, env, rest) => `错误：环境变量“${env}”给选项“${flags}”的取值“${value}”无效。${reason(rest)}`],
  [/^error: command-argument value '(.*)' is invalid for argument '(.+)'\.(.*)$/s, (value, name, rest) => `错误：参数“${name}”的取值“${value}”无效。${reason(rest)}`],
];

/** One refusal as commander writes it (ending in a newline), in Chinese where its shape is known. */
export function commanderErrorZh(text: string): string {
  const end = text.endsWith('\n') ? '\n' : '';
  const line = end ? text.slice(0, -1) : text;
  for (const [shape, say] of RULES) {
    const m = shape.exec(line);
    if (m) return say(...m.slice(1)) + end;
  }
  return text;
}
