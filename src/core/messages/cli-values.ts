import { def } from './message.ts';

/**
 * A command-line option's value refused by its parser before anything runs (src/cli): commander
 * prints the reason after its own words ("option '--top <n>' argument 'abc' is invalid."), which
 * src/cli/commander-zh.ts says in Chinese; these say the reason in the language of the call.
 */
export const CLI_VALUE_MESSAGES = {
  'cli.value.notWhole': def({ value: 'abc' }, (p) => `"${p.value}" is not a whole number`),
  'cli.value.notNumber': def({ value: 'abc' }, (p) => `"${p.value}" is not a number`),
  'cli.value.notYear': def({ value: '20x0' }, (p) => `"${p.value}" is not a year`),
  'cli.value.notRate': def({ value: '4%' }, (p) => `"${p.value}" is not an annual rate (e.g. 0.004 for 0.4% a year)`),
  'cli.value.notPort': def({ value: '70000' }, (p) => `"${p.value}" is not a port`),
  'cli.value.notAmount': def({ value: '-5' }, (p) => `"${p.value}" is not an amount >= 0`),
  /** `option` the flag as given (--level), `first` its first value, `commaSeparated` whether it takes a list. */
  'cli.value.givenTwice': def({ option: '--level', first: 'province', commaSeparated: false as boolean },
    (p) => `${p.option} was given twice (first "${p.first}"); give it once${p.commaSeparated ? ', with its values comma-separated' : ''}`),
  'cli.value.sscPairs': def({ text: 'adj' }, (p) => `--ssc "${p.text}": expected none, fixest or name=value pairs of adj, fixef.K, cluster.adj, cluster.df`),
  'cli.value.sscBoolean': def({ key: 'adj', value: 'yes' }, (p) => `--ssc ${p.key}=${p.value}: expected TRUE or FALSE`),
  'cli.value.sscChoice': def({ key: 'fixef.K', value: 'all', choices: ['none', 'full', 'nested'] as readonly string[] }, (p) => `--ssc ${p.key}=${p.value}: expected ${p.choices.join(', ')}`),
};
