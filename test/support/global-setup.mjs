import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';
import pg from 'pg';
import { require as tsxRequire } from 'tsx/cjs/api';

/**
 * Jest global setup for the federation and e2e projects: a PostgreSQL server
 * for the whole run. DATABASE_URL when it is set (checked to accept
 * connections); otherwise an embedded server in a fresh temporary directory on
 * a free port, whose URL becomes DATABASE_URL for the test workers.
 *
 * The state lives on globalThis, shared with global-teardown.mjs; each setup
 * call takes a reference and the last teardown call stops the server.
 */
export const SHARED_DATABASE = Symbol.for('partnergraph.test.sharedDatabase');

const EMBEDDED_POSTGRES_MODULE = '../../scripts/src/embedded-postgres.ts';
const CONNECT_TIMEOUT_MS = 5000;

function withoutPassword(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function assertAcceptsConnections(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`DATABASE_URL ${withoutPassword(url)} does not accept connections: ${error.message}`, { cause: error });
  } finally {
    await client.end().catch(() => {});
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startTemporaryServer() {
  const dir = await mkdtemp(join(tmpdir(), 'partnergraph-test-'));
  try {
    // When running as root, PostgreSQL runs as the postgres user, which must be able to traverse this directory.
    await chmod(dir, 0o755);
    const { startEmbeddedPostgres } = tsxRequire(EMBEDDED_POSTGRES_MODULE, import.meta.url);
    const server = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort(), persistent: false });
    return { server, dir };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export default async function globalSetup() {
  const shared = globalThis[SHARED_DATABASE];
  if (shared) {
    shared.users += 1;
    return;
  }
  if (process.env.DATABASE_URL) {
    await assertAcceptsConnections(process.env.DATABASE_URL);
    globalThis[SHARED_DATABASE] = { users: 1, embedded: undefined };
    return;
  }
  const embedded = await startTemporaryServer();
  process.env.DATABASE_URL = embedded.server.url;
  globalThis[SHARED_DATABASE] = { users: 1, embedded };
}
