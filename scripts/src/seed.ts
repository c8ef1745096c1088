import { createLogger } from '@partnergraph/core';
import { migrateAll, seedDemoDataIfEmpty } from './database-setup';
import { openLocalDatabase } from './local-database';
import { runCommand } from './run-command';
import { readStackConfig } from './stack-config';

/** `npm run seed`: migrates, then seeds the demo data into an empty database. */
runCommand('seed', async () => {
  const logger = createLogger({ level: 'info', format: 'text', fields: { service: 'seed' } });
  const database = await openLocalDatabase(readStackConfig(process.env), logger);
  try {
    await migrateAll(database.url, logger);
    const seeded = await seedDemoDataIfEmpty(database.url, logger);
    logger.info(seeded ? 'seeded the demo data' : 'the database already has organizations; nothing seeded');
  } finally {
    await database.stop();
  }
});
