import type { Command } from 'commander';
import { DEFAULT_WORKSPACE } from '../store/workspace.ts';
import { stdOut, type Out } from './output.ts';
import { coded } from '../core/messages/index.ts';
import { CodedArgumentError } from './lang.ts';

/** Options every command shares; read from the command and its parents. */
export interface CommonOptions {
  workspace: string;
  json: boolean;
}

export function common(cmd: Command): CommonOptions {
  const o = cmd.optsWithGlobals() as { workspace?: string; json?: boolean };
  // An empty $TALENTFLOW_WORKSPACE counts as unset (it would name the current folder).
  return { workspace: o.workspace ?? (process.env.TALENTFLOW_WORKSPACE || DEFAULT_WORKSPACE), json: o.json ?? false };
}

export function outFor(cmd: Command): Out {
  return stdOut(common(cmd).json);
}

/** Adds the options every command takes, so each command's --help lists them. */
export function withCommon(cmd: Command): Command {
  return cmd
    .option('-w, --workspace <path>', `workspace file (default ${DEFAULT_WORKSPACE}, or $TALENTFLOW_WORKSPACE)`)
    .option('--json', 'print the result as JSON');
}

export function intOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CodedArgumentError(coded('cli.value.notWhole', { value: v }));
  return n;
}
