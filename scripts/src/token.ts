import { Client } from 'pg';
import {
  createAccessTokenIssuer,
  createLogger,
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  NODE_ENVIRONMENTS,
  readConfig,
  settings,
  type OrganizationRole,
} from '@partnergraph/core';
import { loadOrCreateDevKeyPair } from './dev-keys';
import { openLocalDatabase } from './local-database';
import { runCommand } from './run-command';
import { readStackConfig } from './stack-config';

/**
 * `npm run token -- <email>`: prints an access token for a seeded user and
 * nothing else on stdout, to paste into Sandbox's Authorization header
 * (`Bearer <token>`). Signed with the development stack's key, as identity's
 * sign-in would, with the second factor counted as done.
 * `npm run token -- --operator <name>`: the same for a platform operator
 * (support staff), who decides Partner ID change requests; `--collector <name>`
 * for the telemetry collector that records readings. Refused in production.
 */
runCommand('token', async () => {
  const { nodeEnv } = readConfig({ nodeEnv: { variable: 'NODE_ENV', setting: settings.oneOf(NODE_ENVIRONMENTS, 'development') } }, process.env);
  if (nodeEnv === 'production') throw new Error('npm run token makes development tokens only; it refuses to run with NODE_ENV=production');
  const [first, second] = process.argv.slice(2).map((argument) => argument.trim());
  const config = readStackConfig(process.env);
  const keys = await loadOrCreateDevKeyPair(config.dataDir, 'access-token');
  const issuer = await createAccessTokenIssuer({
    ...keys,
    issuer: DEFAULT_ACCESS_TOKEN_ISSUER,
    audience: DEFAULT_ACCESS_TOKEN_AUDIENCE,
    ttlSeconds: 3600,
  });
  if (first === '--operator') {
    if (!second) throw new Error('usage: npm run token -- --operator <name of the support person>');
    process.stdout.write(`${(await issuer.issueForOperator({ operatorId: second })).accessToken}\n`);
    return;
  }
  if (first === '--collector') {
    if (!second) throw new Error('usage: npm run token -- --collector <name of the collector>');
    process.stdout.write(`${(await issuer.issueForCollector({ collectorId: second })).accessToken}\n`);
    return;
  }
  const email = first?.toLowerCase();
  if (!email) throw new Error('usage: npm run token -- <email of a seeded user, such as admin@northwind.example> | --operator <name> | --collector <name>');

  const logger = createLogger({ level: 'warn', format: 'text' });
  const database = await openLocalDatabase(config, logger, { reuseRunning: true });
  let user: { id: string; organization_id: string; role: OrganizationRole } | undefined;
  try {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; organization_id: string; role: OrganizationRole }>(
        'SELECT id, organization_id, role FROM identity.user_account WHERE email = $1',
        [email],
      );
      user = rows[0];
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
  if (!user) throw new Error(`no user has the email ${email}; docs/api-guide.md lists the demo accounts`);

  const { accessToken } = await issuer.issueForUser({ userId: user.id, organizationId: user.organization_id, role: user.role, mfa: true });
  process.stdout.write(`${accessToken}\n`);
});
