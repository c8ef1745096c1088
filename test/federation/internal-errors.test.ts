import { randomUUID } from 'node:crypto';
import { bearerHeaders } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

describe('an error on our side', () => {
  let supergraph: InProcessSupergraph;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('reaches the client as INTERNAL_SERVER_ERROR with a fixed message, and the logs say what, under the request id', async () => {
    // Force a database failure: identity's SQL now fails with a driver error whose text must not leak.
    await supergraph.subgraphs.identity.database.dataSource.query(
      'ALTER TABLE identity.organization RENAME COLUMN name TO name_hidden_by_test',
    );
    try {
      const customerAdmin = await bearerHeaders(supergraph, { organizationId: randomUUID(), role: 'ADMIN', mfa: false });
      const response = await supergraph.query(graphql(`query InternalErrorsOrganizations { organizations { nodes { name } } }`), {}, customerAdmin);

      expect(response.body.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'identity', requestId: response.headers.get('x-request-id') },
        }),
      ]);
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/name_hidden_by_test|column|SELECT|stack|\/work\/|node_modules/i);

      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = supergraph.logs.filter((line) => line.includes('request failed') && line.includes(`requestId=${requestId}`));
      expect(logged.some((line) => line.includes('service=identity') && /column/.test(line))).toBe(true);
    } finally {
      await supergraph.subgraphs.identity.database.dataSource.query(
        'ALTER TABLE identity.organization RENAME COLUMN name_hidden_by_test TO name',
      );
    }
  });
});
