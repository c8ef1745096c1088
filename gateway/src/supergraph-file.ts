import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@partnergraph/core';

const SETTLE_MS = 100;

/**
 * Serves the composed supergraph from a file and swaps it in when the file
 * changes. Operations already running finish on the schema they started with;
 * a file that does not load (half written, invalid) is logged and the current
 * supergraph stays in service.
 */
export function supergraphFromFile(path: string, logger: Logger, onLoaded: (sdl: string) => void): SupergraphSdlHook {
  return async ({ update }) => {
    const initial = await readFile(path, 'utf8');
    onLoaded(initial);
    let current = initial;
    let timer: NodeJS.Timeout | undefined;

    const reload = async (): Promise<void> => {
      let next: string;
      try {
        next = await readFile(path, 'utf8');
      } catch (error) {
        logger.warn('supergraph file could not be read; keeping the current supergraph', { path, error });
        return;
      }
      if (next === current) return;
      try {
        update(next);
        current = next;
        onLoaded(next);
        logger.info('supergraph reloaded', { path });
      } catch (error) {
        logger.error('supergraph file is not a valid supergraph; keeping the current one', { path, error });
      }
    };

    // Watch the directory, not the file: editors and `npm run compose` may replace the file by renaming.
    const watcher: FSWatcher = watch(dirname(path), (_event, filename) => {
      if (filename !== null && filename !== basename(path)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), SETTLE_MS);
    });

    return {
      supergraphSdl: initial,
      async cleanup() {
        clearTimeout(timer);
        watcher.close();
      },
    };
  };
}
