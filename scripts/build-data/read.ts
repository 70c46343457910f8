import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a file of the shared data folder as UTF-8 text by its path relative to that folder. */
export type Read = (relativePath: string) => string;

export function reader(root: string): Read {
  return (p) => readFileSync(join(root, p), 'utf8');
}
