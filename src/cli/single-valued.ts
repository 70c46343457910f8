import type { Command } from 'commander';
import { coded } from '../core/messages/index.ts';
import { CodedArgumentError } from './lang.ts';

/**
 * Makes every option of `cmd` that takes one value refuse a second occurrence: commander keeps
 * the last one silently, so `--period-column Year --period-column Product` fitted by Product
 * alone. List options take their values comma-separated in one occurrence instead.
 */
export function refuseRepeats(cmd: Command): Command {
  for (const opt of cmd.options) {
    if (!(opt.required || opt.optional) || opt.variadic) continue;
    const inner = opt.parseArg;
    const key = opt.attributeName();
    opt.parseArg = <T>(value: string, previous: T): T => {
      if (cmd.getOptionValueSource(key) === 'cli') {
        throw new CodedArgumentError(coded('cli.value.givenTwice', { option: opt.long ?? opt.short ?? '', first: String(previous), commaSeparated: opt.description.includes('comma') }));
      }
      return (inner ? inner(value, previous) : value) as T;
    };
  }
  return cmd;
}
