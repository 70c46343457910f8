import { readFileSync } from 'node:fs';
import { Help, type Command } from 'commander';

/**
 * The CLI's commands, each loaded only when it runs or its help is shown. Most command modules
 * pull in DuckDB, exceljs and zod (over a second of start-up together), which `talentflow
 * --help` and a typo in a command name should not pay for.
 */
export const COMMAND_LOADERS = {
  init: async () => (await import('./commands/init.ts')).initCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  regions: async () => (await import('./commands/regions.ts')).regionsCommand,
  flows: async () => (await import('./commands/flows.ts')).flowsCommand,
  stocks: async () => (await import('./commands/stocks.ts')).stocksCommand,
  indicators: async () => (await import('./commands/indicators.ts')).indicatorsCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  measures: async () => (await import('./commands/measures.ts')).measuresCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  rank: async () => (await import('./commands/rank.ts')).rankCommand,
  fit: async () => (await import('./commands/fit.ts')).fitCommand,
  estimate: async () => (await import('./commands/estimate.ts')).estimateCommand,
  models: async () => (await import('./commands/models.ts')).modelsCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  start: async () => (await import('./commands/serve.ts')).startCommand,
  scenario: async () => (await import('./commands/scenario.ts')).scenarioCommand,
  privacy: async () => (await import('./commands/privacy.ts')).privacyCommand,
} satisfies Record<string, () => Promise<() => Command>>;

export type CommandName = keyof typeof COMMAND_LOADERS;

export function isCommandName(s: string | undefined): s is CommandName {
  return s !== undefined && Object.hasOwn(COMMAND_LOADERS, s);
}

/** What the top-level help shows of a command without loading it. */
export interface CommandSummary {
  name: CommandName;
  /** As commander's help prints it, e.g. `import [options] <kind> <file>`. */
  term: string;
  description: string;
}

/** File the build writes beside the compiled registry (scripts/build.mjs); absent when run from src/. */
export const SUMMARIES_FILE = new URL('./command-summaries.json', import.meta.url);

/** Loads one command and checks that its module names it as the registry does. */
export async function loadCommand(name: CommandName): Promise<Command> {
  const cmd = (await COMMAND_LOADERS[name]())();
  if (cmd.name() !== name) throw new Error(`the command registered as "${name}" calls itself "${cmd.name()}"`);
  return cmd;
}

/** Every command's summary, by loading all of them: what the build writes to SUMMARIES_FILE. */
export async function describeCommands(): Promise<CommandSummary[]> {
  const help = new Help();
  const out: CommandSummary[] = [];
  for (const name of Object.keys(COMMAND_LOADERS) as CommandName[]) {
    const cmd = await loadCommand(name);
    out.push({ name, term: help.subcommandTerm(cmd), description: cmd.description() });
  }
  return out;
}

/**
 * The summaries written by the build, or undefined when there are none or they do not list
 * exactly the registered commands (a build older than the registry): the caller then loads
 * every command instead.
 */
export function readCommandSummaries(): CommandSummary[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(SUMMARIES_FILE, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const names = Object.keys(COMMAND_LOADERS);
  const ok = parsed.length === names.length && parsed.every((s: Partial<CommandSummary>, i) =>
    s?.name === names[i] && typeof s.term === 'string' && typeof s.description === 'string');
  return ok ? (parsed as CommandSummary[]) : undefined;
}
