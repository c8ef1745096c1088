import { existsSync } from 'node:fs';
import type { Logger } from '@partnergraph/core';
import { withDatabase } from '@partnergraph/scripts/database-setup';
import { childPids, commandLine, parentPid } from './process-stats';

/**
 * The PostgreSQL processes whose CPU time is the benchmark's own: when the
 * server runs on this machine, its background processes and the backends
 * connected to the benchmark's database or to `otherDatabases` of its own
 * (issue 18's baseline); backends of other databases (other people's tests
 * on a shared server) are not. Listed afresh each time, since pools open
 * connections as they need them.
 */
export async function postgresProcessLister(databaseUrl: string, logger: Logger, otherDatabases: readonly string[] = []): Promise<() => number[]> {
  // The backend is looked up while its connection is open: it exits with it.
  const found = await withDatabase({ name: 'bench', schema: 'public', entities: [], migrations: [] }, databaseUrl, logger, async (database) => {
    const [row] = await database.dataSource.query<{ pid: number; database: string }[]>('SELECT pg_backend_pid() AS pid, current_database() AS database');
    if (!row || !existsSync(`/proc/${row.pid}`)) return undefined;
    const postmaster = parentPid(row.pid);
    return postmaster === undefined ? undefined : { postmaster, database: row.database };
  });
  if (!found) return () => [];
  const databases = new Set([found.database, ...otherDatabases]);
  return () =>
    [found.postmaster, ...childPids(found.postmaster)].filter((pid) => {
      // A client backend shows "postgres: [cluster: ]user database host(port) state".
      const backend = /(\S+) (\S+) \S+\(\d+\)/.exec(commandLine(pid));
      return !backend || databases.has(backend[2] ?? '');
    });
}
