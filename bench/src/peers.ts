import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';

/**
 * The gateways the benchmark compares ours with (Hive Gateway and its Rust
 * planner) live in bench/peers/, a package of its own with its own lock
 * file and outside the workspace: `npm install` at the root does not bring
 * their ~750 packages. `npm run bench` installs them there on first use, and
 * again whenever the committed lock file no longer matches what is installed.
 */
export const PEERS_DIRECTORY = join(REPOSITORY_ROOT, 'bench', 'peers');

interface LockedPackage {
  version?: string;
  optional?: boolean;
}

function lockedPackages(file: string): Record<string, LockedPackage> {
  const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages?: Record<string, LockedPackage> };
  return Object.fromEntries(Object.entries(lock.packages ?? {}).filter(([path]) => path.startsWith('node_modules/')));
}

/**
 * Why the peers must be installed, or null when node_modules holds what the
 * lock file names: every package it must have (optional ones, such as other
 * platforms' binaries, may be absent), each at the locked version, and no other.
 */
export function peersInstallReason(directory: string = PEERS_DIRECTORY): string | null {
  const installedLock = join(directory, 'node_modules', '.package-lock.json');
  if (!existsSync(installedLock)) return 'not installed yet';
  const wanted = lockedPackages(join(directory, 'package-lock.json'));
  const installed = lockedPackages(installedLock);
  for (const [path, locked] of Object.entries(wanted)) {
    const have = installed[path];
    if (have === undefined ? !locked.optional : have.version !== locked.version) return `${path.replace(/^node_modules\//, '')} differs from the lock file`;
  }
  const extra = Object.keys(installed).find((path) => wanted[path] === undefined);
  return extra === undefined ? null : `${extra.replace(/^node_modules\//, '')} is not in the lock file`;
}

/** Where a peer package's entry point is, resolved from bench/peers/ (not from the workspace). */
export function resolvePeer(name: string, directory: string = PEERS_DIRECTORY): string {
  return createRequire(join(directory, 'package.json')).resolve(name);
}
