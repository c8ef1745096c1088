import { ConfigError, createLogger, listen, PortInUseError } from '@partnergraph/core';
import { readGatewayConfig } from './config';
import { createGatewayServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = readGatewayConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`gateway: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, format: config.logFormat, fields: { service: 'gateway' } });
  try {
    const server = await createGatewayServer(config, logger);
    const port = await listen(server.httpServer, { host: config.host, port: config.port, portVariable: 'PORT' });
    await server.start();
    logger.info('listening', { url: `http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${port}/graphql` });
    // Ctrl-C under `npm start` brings SIGINT from the terminal and SIGTERM from the launcher: stop once.
    let stopping = false;
    const shutdown = async (signal: string): Promise<void> => {
      if (stopping) return;
      stopping = true;
      logger.info('shutting down', { signal });
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', (signal) => void shutdown(signal));
    process.once('SIGTERM', (signal) => void shutdown(signal));
  } catch (error) {
    if (error instanceof PortInUseError) logger.error(error.message);
    else logger.error('failed to start', { error });
    process.exit(1);
  }
}

void main();
