import { Command, CommanderError } from 'commander';
import { isTalentflowError, InputError } from '../core/errors.ts';
import { takeRecoveryNotes } from '../store/index.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { flowsCommand } from './commands/flows.ts';
import { importCommand } from './commands/import.ts';
import { indicatorsCommand } from './commands/indicators.ts';
import { initCommand } from './commands/init.ts';
import { privacyCommand } from './commands/privacy.ts';
import { regionsCommand } from './commands/regions.ts';
import { measuresCommand } from './commands/measures.ts';
import { reportCommand } from './commands/report.ts';
import { rankCommand } from './commands/rank.ts';
import { fitCommand } from './commands/fit.ts';
import { estimateCommand } from './commands/estimate.ts';
import { modelsCommand } from './commands/models.ts';
import { scenarioCommand } from './commands/scenario.ts';
import { stocksCommand } from './commands/stocks.ts';
import { serveCommand, startCommand } from './commands/serve.ts';

/** Exit codes: 0 success, 1 user error (bad input, usage, conflict), 2 internal error. */
export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

export function buildProgram(): Command {
  const program = new Command('talentflow')
    .description('Measure, explain, forecast and counter talent outflow between regions')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const make of [initCommand, importCommand, regionsCommand, flowsCommand, stocksCommand, indicatorsCommand, exportCommand, demoCommand, measuresCommand, reportCommand, rankCommand, fitCommand, estimateCommand, modelsCommand, serveCommand, startCommand, scenarioCommand, privacyCommand]) {
    const cmd = make();
    cmd.exitOverride();
    program.addCommand(cmd);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.user;
    }
    if (isTalentflowError(e)) {
      if (json) process.stdout.write(JSON.stringify({ error: e.toJSON() }, null, 2) + '\n');
      process.stderr.write(`error: ${e.message}\n`);
      if (e instanceof InputError) for (const m of e.more.slice(0, 4)) process.stderr.write(`  also: ${m}\n`);
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
