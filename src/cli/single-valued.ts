import { InvalidArgumentError, type Command } from 'commander';

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
        throw new InvalidArgumentError(`${opt.long ?? opt.short} was given twice (first "${String(previous)}"); give it once${opt.description.includes('comma') ? ', with its values comma-separated' : ''}`);
      }
      return (inner ? inner(value, previous) : value) as T;
    };
  }
  return cmd;
}
