import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogger, readConfig, settings } from '@partnergraph/core';
import { ManifestError, openDocumentStore } from '@partnergraph/gateway/trusted-documents';
import { apiSchemaOf } from './api-schema';
import { openLocalDatabase } from './local-database';
import { publishManifest } from './publish-documents';
import { runCommand } from './run-command';
import { readStackConfig, REPOSITORY_ROOT } from './stack-config';

const USAGE = 'usage: npm run documents:publish -- --client <client name> <manifest.json>';

/**
 * `npm run documents:publish -- --client <name> <manifest.json>`: checks a
 * persisted-document manifest against schema/supergraph.graphql's API schema
 * (SUPERGRAPH_PATH to use another) and publishes it for that client name in
 * PERSISTED_DOCUMENTS_DATABASE_URL, else DATABASE_URL, else the development
 * stack's embedded database.
 */
runCommand('documents:publish', async () => {
  const args = process.argv.slice(2);
  const clientIndex = args.indexOf('--client');
  const clientName = clientIndex >= 0 ? args[clientIndex + 1] : undefined;
  const files = args.filter((_, index) => index !== clientIndex && index !== clientIndex + 1);
  const [file] = files;
  if (!clientName || !file || files.length !== 1) throw new Error(USAGE);

  const { persistedDocumentsDatabaseUrl, supergraphPath } = readConfig(
    {
      persistedDocumentsDatabaseUrl: {
        variable: 'PERSISTED_DOCUMENTS_DATABASE_URL',
        setting: settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] }),
      },
      supergraphPath: { variable: 'SUPERGRAPH_PATH', setting: settings.string({ default: join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql') }) },
    },
    process.env,
  );
  const logger = createLogger({ level: 'warn', format: 'text', fields: { service: 'documents:publish' } });
  const apiSchema = apiSchemaOf(await readFile(supergraphPath, 'utf8'));
  const manifest = await readFile(file, 'utf8');
  const database = persistedDocumentsDatabaseUrl
    ? { url: persistedDocumentsDatabaseUrl, stop: async () => {} }
    : await openLocalDatabase(readStackConfig(process.env), logger, { reuseRunning: true });
  try {
    const store = await openDocumentStore({ url: database.url, logger, applicationName: 'partnergraph-documents-publish' });
    try {
      const { documents, published } = await publishManifest({ store, clientName, manifest, apiSchema });
      process.stdout.write(`${clientName}: ${documents} documents, ${published} newly published, ${documents - published} already there\n`);
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    process.stderr.write(`documents:publish: ${file}: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
});
