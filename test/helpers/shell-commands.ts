/**
 * The commands of a shell snippet as `sh -c` takes them: lines continued with a backslash joined,
 * blank lines and lines that hold only a comment left out (a comment after a command stays: the
 * shell ignores it).
 */
export function shellCommands(block: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of block.split('\n')) {
    if (!pending && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1);
      continue;
    }
    out.push((pending + line).trim());
    pending = '';
  }
  if (pending) out.push(pending.trim());
  return out;
}
