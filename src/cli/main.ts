import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { isTalentflowError, InputError } from '../core/errors.ts';
import { alsoIn, cliLang, CodedArgumentError, errorIn, setArgumentLang } from './lang.ts';
import { commanderErrorZh } from './commander-zh.ts';
import { refuseRepeats } from './single-valued.ts';
import { prepareTables } from './output.ts';
import { takeRecoveryNotes } from '../store/recovery.ts';
import { COMMAND_LOADERS, isCommandName, loadCommand, readCommandSummaries, type CommandName } from './command-registry.ts';

/** Exit codes: 0 success, 1 user error (bad input, usage, conflict), 2 internal error. */
export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

/**
 * The program for one call: only the command `argv` names is loaded (`help NAME` counts as
 * NAME). Anything else (top-level help, a misspelt command) gets the other commands by name and
 * description from the build's summaries, or, when run from src/ without them, loads them all.
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const zh = cliLang(argv) === 'zh';
  const program = new Command('talentflow')
    .description('Measure, explain, forecast and counter talent outflow between regions')
    .version('0.1.0')
    .showHelpAfterError(zh ? '（加 --help 查看用法）' : '(add --help for usage)')
    .exitOverride();
  // Every command and subcommand: a single-valued option given twice is refused (commander keeps
  // the last silently), and under --lang zh commander's own refusals are said in Chinese.
  const prepare = (cmd: Command): void => {
    refuseRepeats(cmd);
    if (zh) cmd.configureOutput({ outputError: (text, write) => write(commanderErrorZh(text)) });
    cmd.commands.forEach(prepare);
  };
  prepare(program);
  const add = (cmd: Command) => {
    prepare(cmd);
    program.addCommand(cmd.exitOverride());
  };
  const first = argv.find((a) => !a.startsWith('-'));
  const wanted = first === 'help' ? argv[argv.indexOf('help') + 1] : first;
  if (isCommandName(wanted)) {
    // The command's tables need string-width, unless it answers in JSON or only shows its help.
    const [command] = await Promise.all([loadCommand(wanted), argv.some((a) => a === '--json' || a === '--help' || a === '-h') || first === 'help' ? null : prepareTables()]);
    add(command);
    return program;
  }
  const summaries = readCommandSummaries();
  if (!summaries) {
    for (const name of Object.keys(COMMAND_LOADERS) as CommandName[]) add(await loadCommand(name));
    return program;
  }
  const terms = new Map(summaries.map((s) => [s.name, s.term]));
  program.configureHelp({
    subcommandTerm(cmd: Command): string {
      return terms.get(cmd.name() as CommandName) ?? Help.prototype.subcommandTerm.call(this, cmd);
    },
  });
  for (const s of summaries) add(new Command(s.name).description(s.description));
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const lang = cliLang(argv);
  setArgumentLang(lang);
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      // Commander prints the errors of its own parsing; one thrown by a command's action is not printed yet.
      if (e instanceof InvalidArgumentError) process.stderr.write(e instanceof CodedArgumentError && lang === 'zh' ? `错误：${e.message}\n` : `error: ${e.message}\n`);
      return EXIT.user;
    }
    if (isTalentflowError(e)) {
      if (json) process.stdout.write(JSON.stringify({ error: e.toJSON() }, null, 2) + '\n');
      const zh = lang === 'zh';
      process.stderr.write(`${zh ? '错误：' : 'error: '}${errorIn(e, lang)}\n`);
      if (e instanceof InputError) for (const m of alsoIn(e, lang).slice(0, 4)) process.stderr.write(`  ${zh ? '另有：' : 'also: '}${m}\n`);
      return e.code === 'STORE' ? EXIT.internal : EXIT.user;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  } finally {
    printRecoveryNotes();
  }
}

/** Repairs made when a workspace was opened (an import interrupted by a crash), on stderr. */
function printRecoveryNotes(): void {
  for (const n of takeRecoveryNotes()) process.stderr.write(`warning: ${n}\n`);
}
