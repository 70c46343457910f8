import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A package-lock.json for an empty project that depends on the packed talentflow tarball (and
 * any extra packages named), with every other entry copied from talentflow's own lock: resolved
 * URL and integrity included. `npm ci --offline` then installs it from the local npm cache, where
 * `npm ci` of the clone left every tarball. A plain `npm install TARBALL --offline` cannot: it
 * needs each dependency's registry document (to resolve version ranges), which npm ci never
 * fetched.
 */
type LockEntry = Record<string, unknown> & { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> };

/** Where Node would find `name` required from the package at `from` (a lock path, '' for the root). */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    const p = at ? `${at}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[p]) return p;
    if (!at) return undefined;
  }
}

/**
 * The registry address of a locked package's tarball. The repository's lock records none (npm
 * leaves `resolved` out for the default registry); npm finds the tarball in its cache by this
 * address and checks it against the recorded integrity.
 */
function tarballUrl(registry: string, lockPath: string, version: string | undefined): string {
  const name = lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const base = name.slice(name.lastIndexOf('/') + 1);
  return `${registry.replace(/\/?$/, '/')}${name}/-/${base}-${version}.tgz`;
}

export function consumerLock(options: { registry: string; repoLock: string; tarball: string; tarballRef: string; packageJson: { version: string; dependencies: Record<string, string>; bin?: unknown; engines?: unknown; license?: string }; extra?: readonly string[] }): { packageJson: object; lock: object } {
  const repo = (JSON.parse(readFileSync(options.repoLock, 'utf8')) as { packages: Record<string, LockEntry> }).packages;
  const out: Record<string, LockEntry> = {};
  const missing: string[] = [];
  // The closure of the packed package's dependencies, found as Node would from each requirer.
  const visit = (from: string, deps: Record<string, string> | undefined, required: boolean) => {
    for (const name of Object.keys(deps ?? {})) {
      const at = locate(repo, from, name);
      if (!at) {
        if (required) missing.push(`${name} (needed by ${from || 'talentflow'})`);
        continue;
      }
      if (out[at]) continue;
      const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = repo[at];
      out[at] = { resolved: tarballUrl(options.registry, at, entry.version), ...entry };
      visit(at, entry.dependencies, true);
      visit(at, entry.optionalDependencies, false);
      visit(at, entry.peerDependencies, false);
    }
  };
  visit('', options.packageJson.dependencies, true);
  const extra: Record<string, string> = {};
  for (const name of options.extra ?? []) {
    const at = locate(repo, '', name);
    if (!at) throw new Error(`${name} is not in the repository's lock`);
    extra[name] = repo[at].version ?? '*';
  }
  visit('', extra, true);
  if (missing.length) throw new Error(`not in the repository's lock: ${missing.join(', ')}`);
  const integrity = 'sha512-' + createHash('sha512').update(readFileSync(options.tarball)).digest('base64');
  const dependencies = { talentflow: options.tarballRef, ...extra };
  const { version, dependencies: tfDeps, bin, engines, license } = options.packageJson;
  const packages = {
    '': { name: 'consumer', version: '1.0.0', dependencies },
    'node_modules/talentflow': { version, resolved: options.tarballRef, integrity, license, dependencies: tfDeps, bin, engines },
    ...out,
  };
  return {
    packageJson: { name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies },
    lock: { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages },
  };
}
