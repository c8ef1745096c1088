import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The path of the program `name` in the directories of `path` (a PATH value),
 * or in the sbin directories Debian installs daemons to (not on every user's
 * PATH), or undefined.
 */
export function findExecutable(name: string, path: string): string | undefined {
  const directories = [...path.split(delimiter).filter((directory) => directory !== ''), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const directory of directories) {
    const candidate = join(directory, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
