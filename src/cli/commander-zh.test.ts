import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command, Option } from 'commander';
import { commanderErrorZh } from './commander-zh.ts';

/** What commander itself writes for `args` to a small program (its templates, not copies of them). */
function refusal(args: string[]): string {
  let written = '';
  const sub = new Command('measures').argument('<measure>').option('--limit <n>', 'rows')
    .addOption(new Option('--lang <lang>').choices(['en', 'zh'])).addOption(new Option('--a').conflicts('b')).option('--b')
    .requiredOption('--period <p>', 'period').exitOverride().configureOutput({ writeErr: (s) => (written += s), writeOut: () => undefined }).action(() => undefined);
  try {
    new Command('talentflow').addCommand(sub).exitOverride().configureOutput({ writeErr: (s) => (written += s) }).parse(args, { from: 'user' });
  } catch {
    // commander throws (exitOverride) after writing the refusal
  }
  return written;
}

test("commander's refusals are said in Chinese, the user's flags and values as typed", () => {
  const cases: [string[], string][] = [
    [['measures', 'net', '--period', '2010', '--limt', '3'], '错误：未知选项“--limt”\n（是否想用 --limit？）\n'],
    [['measures', 'net', '--period', '2010', '--lang', 'fr'], '错误：选项“--lang <lang>”的取值“fr”无效。可选值：en、zh。\n'],
    [['measures', '--period', '2010'], '错误：缺少必需的参数“measure”\n'],
    [['measures', 'net', '--period'], '错误：选项“--period <p>”缺少取值\n'],
    [['measures', 'net'], '错误：未指定必需的选项“--period <p>”\n'],
    [['measures', 'net', 'more', '--period', '2010'], '错误：参数过多（命令“measures”）：应为 1 个，实际为 2 个。\n'],
    [['measures', 'net', '--period', '2010', '--a', '--b'], '错误：选项“--a”不能与选项“--b”同时使用\n'],
    [['measurs'], '错误：未知命令“measurs”\n（是否想用 measures？）\n'],
  ];
  for (const [args, chinese] of cases) {
    const english = refusal(args);
    assert.match(english, /^error: /, args.join(' '));
    assert.equal(commanderErrorZh(english), chinese, english);
  }
});

test("a parser's own reason after 'is invalid.' is kept as given; a line of an unknown shape stays as written", () => {
  assert.equal(commanderErrorZh("error: option '--top <n>' argument 'abc' is invalid. “abc”不是整数\n"), '错误：选项“--top <n>”的取值“abc”无效。“abc”不是整数\n');
  assert.equal(commanderErrorZh('error: something commander says one day\n'), 'error: something commander says one day\n');
  assert.equal(commanderErrorZh("error: unknown option '--x'\n(Did you mean one of --xa, --xb?)\n"), '错误：未知选项“--x”\n（是否想用以下之一：--xa、--xb？）\n');
});
