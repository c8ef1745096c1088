import { connect } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '@partnergraph/core';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import type { StackConfig } from './stack-config';

export interface LocalDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'partnergraph';
const EMBEDDED_SERVER_URL = (port: number): string => `postgres://postgres:postgres@127.0.0.1:${port}`;

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * DATABASE_URL when it is set; otherwise a PostgreSQL server from the
 * `embedded-postgres` package, with its data under the data directory.
 */
export async function openLocalDatabase(
  config: StackConfig,
  logger: Logger,
  options: { reuseRunning?: boolean } = {},
): Promise<LocalDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  if (options.reuseRunning && (await isListening(config.embeddedPostgresPort))) {
    // `npm start` is running: use its embedded server rather than start a second one on the same data.
    return { url: `${EMBEDDED_SERVER_URL(config.embeddedPostgresPort)}/${DATABASE_NAME}`, embedded: true, stop: async () => {} };
  }
  const dataDir = join(config.dataDir, 'postgres');
  logger.info('starting embedded PostgreSQL', { dataDir, port: config.embeddedPostgresPort });
  const server = await startEmbeddedPostgres({
    dataDir,
    port: config.embeddedPostgresPort,
    persistent: true,
    onLog: (line) => logger.debug(line.trim()),
  });
  try {
    return { url: await ensureDatabase(server.url, DATABASE_NAME), embedded: true, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
