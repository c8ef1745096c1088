import { createLogger } from '@partnergraph/core';
import { migrateAll } from './database-setup';
import { openLocalDatabase } from './local-database';
import { runCommand } from './run-command';
import { readStackConfig } from './stack-config';

/** `npm run migrate`: applies every subgraph's pending migrations to DATABASE_URL, or to the embedded server. */
runCommand('migrate', async () => {
  const logger = createLogger({ level: 'info', format: 'text', fields: { service: 'migrate' } });
  const database = await openLocalDatabase(readStackConfig(process.env), logger);
  try {
    const applied = await migrateAll(database.url, logger);
    logger.info(applied.length > 0 ? `applied ${applied.length} migrations` : 'no pending migrations', {
      migrations: applied.join(','),
    });
  } finally {
    await database.stop();
  }
});
