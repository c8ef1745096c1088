import { createLogger, readConfig, settings } from '@partnergraph/core';
import { COORDINATE, openUsageStore, parsePeriod, usageReport } from '@partnergraph/gateway/field-usage';
import { openLocalDatabase } from './local-database';
import { runCommand } from './run-command';
import { readStackConfig } from './stack-config';

const USAGE = 'usage: npm run usage -- [Type.field | Type.field(argument:)] [--since 30d]   (periods: 12h, 30d, 2w)';
const DEFAULT_PERIOD = '30d';

/**
 * `npm run usage -- Device.firmwareRevision --since 30d`: who selected a
 * field (or gave an argument) over a period, from the counts the gateways
 * keep by the hour: client name, operation, executions, last seen. With no
 * field, every client's operations. Reads FIELD_USAGE_DATABASE_URL, else
 * DATABASE_URL, else the development stack's embedded database.
 */
runCommand('usage', async () => {
  const args = process.argv.slice(2);
  const sinceIndex = args.indexOf('--since');
  const periodText = sinceIndex >= 0 ? args[sinceIndex + 1] : DEFAULT_PERIOD;
  const fields = args.filter((_, index) => sinceIndex < 0 || (index !== sinceIndex && index !== sinceIndex + 1));
  const period = periodText === undefined ? undefined : parsePeriod(periodText);
  const [field] = fields;
  if (period === undefined || fields.length > 1 || (field !== undefined && !COORDINATE.test(field))) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const { fieldUsageDatabaseUrl } = readConfig(
    { fieldUsageDatabaseUrl: { variable: 'FIELD_USAGE_DATABASE_URL', setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }) } },
    process.env,
  );
  const logger = createLogger({ level: 'warn', format: 'text', fields: { service: 'usage' } });
  const database = fieldUsageDatabaseUrl
    ? { url: fieldUsageDatabaseUrl, stop: async () => {} }
    : await openLocalDatabase(readStackConfig(process.env), logger, { reuseRunning: true });
  try {
    const store = await openUsageStore({ url: database.url, logger, applicationName: 'partnergraph-usage' });
    try {
      process.stdout.write(await usageReport(store, { field, since: new Date(Date.now() - period) }));
    } finally {
      await store.close();
    }
  } finally {
    await database.stop();
  }
});
