// What several test suites would otherwise each make again: made once per state of its sources
// under tmp/<kind>/<hash>, then copied. Suites run in parallel processes, so the first to need
// an entry makes it under a lock and the others wait for it; a suite still gets exactly what its
// sources make (the hash covers them), never an older state.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** A lock left by a killed run is older than any making takes. */
const STALE_LOCK_MS = 180_000;

/** A hash of the files under `dirs` (relative to the repository; dist/ and node_modules/ left out) and of the lock file. */
export function sourcesHash(dirs: readonly string[]): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'dist' && e.name !== 'node_modules') walk(p);
      } else if (e.isFile()) {
        h.update(p.slice(ROOT.length)).update('\0').update(readFileSync(p));
      }
    }
  };
  for (const d of dirs) walk(join(ROOT, d));
  h.update(readFileSync(join(ROOT, 'package-lock.json')));
  return h.digest('hex').slice(0, 16);
}

/** The folder tmp/<kind>/<hash><variant> if it has been made (cachedFolder), else null. */
export function madeFolder(kind: string, hash: string, variant = ''): string | null {
  const built = join(ROOT, 'tmp', kind, `${hash}${variant}`);
  return existsSync(join(built, '.done')) ? built : null;
}

/**
 * The folder tmp/<kind>/<hash><variant>, made by `make(staging)` (which fills the folder it is
 * given) if it does not exist yet. Entries of the kind made from other sources (another hash)
 * are removed when a new one is made; variants of the same sources (options) are kept.
 */
export async function cachedFolder(kind: string, hash: string, make: (staging: string) => void | Promise<void>, variant = ''): Promise<string> {
  const key = `${hash}${variant}`;
  const cache = join(ROOT, 'tmp', kind);
  const built = join(cache, key);
  const done = join(built, '.done');
  if (existsSync(done)) return built;
  mkdirSync(cache, { recursive: true });
  const lock = `${built}.lock`;
  // mkdir is atomic: the suite that creates the lock makes the entry, the others wait for it.
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(done)) return built;
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      assert.ok(Date.now() < deadline, `waited ${STALE_LOCK_MS / 1000} s for another test's ${kind} (${lock})`);
      await new Promise((ok) => setTimeout(ok, 200));
    }
  }
  try {
    if (existsSync(done)) return built;
    const staging = `${built}.tmp`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    await make(staging);
    mkdirSync(join(staging, '.done'));
    rmSync(built, { recursive: true, force: true });
    renameSync(staging, built);
    for (const old of readdirSync(cache)) if (!old.startsWith(hash)) rmSync(join(cache, old), { recursive: true, force: true });
    return built;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
