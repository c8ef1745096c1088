import { randomBytes, timingSafeEqual } from 'node:crypto';
import DataLoader from 'dataloader';
import { EntitySchema, IsNull } from 'typeorm';
import { clientError, displayedText, type AccessTokenIssuer, type Principal, type UserPrincipal } from '@partnergraph/core';
import { groupBy, isUuid, selectRows, tracedBatch, type Database, type Queryable } from '@partnergraph/subgraph-kit';
import { recordAuditEvents, userActor, type AuditAction, type AuditActor } from './audit-log';
import { hashOpaqueToken, newOpaqueToken } from './credentials/opaque-token';

/**
 * A partner's API credentials: a client id and a secret that scripts trade
 * for access tokens with the OAuth 2.0 client credentials grant (the gateway's
 * `POST /oauth/token`). The secret is shown once and stored as its SHA-256.
 */
export interface ApiCredential {
  id: string;
  partnerOrganizationId: string;
  name: string;
  clientId: string;
  /** The SHA-256 of the secret (credentials/opaque-token.ts); never shown. */
  secretHash: string;
  /** Null: every customer that grants the partner API device-data access. */
  customerOrganizationIds: string[] | null;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export const ApiCredentialEntity = new EntitySchema<ApiCredential>({
  name: 'ApiCredential',
  tableName: 'api_credential',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    partnerOrganizationId: { name: 'partner_organization_id', type: 'uuid' },
    name: { type: 'text' },
    clientId: { name: 'client_id', type: 'text', unique: true },
    secretHash: { name: 'secret_hash', type: 'text' },
    customerOrganizationIds: { name: 'customer_organization_ids', type: 'uuid', array: true, nullable: true },
    createdBy: { name: 'created_by', type: 'uuid' },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    lastUsedAt: { name: 'last_used_at', type: 'timestamptz', nullable: true },
    revokedAt: { name: 'revoked_at', type: 'timestamptz', nullable: true },
  },
});

/** What an API client's credential allows right now; read on every request, so a revocation counts at once. */
export interface ApiCredentialScope {
  active: boolean;
  customerOrganizationIds: string[] | null;
}

/** What the audit log says of a credential. */
type CredentialNaming = Pick<ApiCredential, 'id' | 'partnerOrganizationId' | 'name' | 'clientId'>;

const MAX_NAME_LENGTH = 100;
const CLIENT_ID_PREFIX = 'pgc_';
const SECRET_PREFIX = 'pgs_';

/**
 * Creates a credential for the caller's partner organization, in one
 * statement that also checks every named customer grants the partner access
 * today, and records it in the partner's audit log. Returns the secret,
 * which is never readable again.
 */
export async function createApiCredential(
  database: Database,
  actor: UserPrincipal,
  input: { name: string; customerIds?: readonly string[] | null },
): Promise<{ credential: ApiCredential; clientSecret: string }> {
  const name = displayedText(input.name, 'name');
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw clientError('BAD_USER_INPUT', `A credential's name has 1 to ${MAX_NAME_LENGTH} characters.`, { field: 'name' });
  }
  const customerIds = input.customerIds == null ? null : [...new Set(input.customerIds)];
  if (customerIds !== null && (customerIds.length === 0 || !customerIds.every(isUuid))) {
    throw notYourCustomers();
  }
  const clientId = `${CLIENT_ID_PREFIX}${randomBytes(16).toString('hex')}`;
  const clientSecret = `${SECRET_PREFIX}${newOpaqueToken()}`;
  const credential = await database.dataSource.transaction(async (manager) => {
    const [created] = await selectRows(
      manager,
      ApiCredentialEntity,
      (columns) => `INSERT INTO identity.api_credential (partner_organization_id, name, client_id, secret_hash, customer_organization_ids, created_by)
       SELECT $1, $2, $3, $4, $5::uuid[], $6
       WHERE $5::uuid[] IS NULL OR (
         SELECT count(*) FROM identity.partner_grant
         WHERE partner_organization_id = $1 AND customer_organization_id = ANY($5::uuid[]) AND revoked_at IS NULL
       ) = cardinality($5::uuid[])
       RETURNING ${columns}`,
      [actor.organizationId, name, clientId, hashOpaqueToken(clientSecret), customerIds, actor.userId],
    );
    if (!created) throw notYourCustomers();
    await recordCredentialEvent(manager, 'API_CREDENTIAL_CREATED', userActor(actor), created);
    return created;
  });
  return { credential, clientSecret };
}

/**
 * Revokes one of the caller's partner's credentials; tokens issued for it stop
 * working on their next request. Revoking a revoked one changes and records
 * nothing.
 */
export async function revokeApiCredential(database: Database, actor: UserPrincipal, id: string): Promise<ApiCredential> {
  if (!isUuid(id)) throw unknownCredential();
  return database.dataSource.transaction(async (manager) => {
    // In a CTE, so that the statement answers its rows (a bare UPDATE answers [rows, affected count]).
    const [revoked] = await selectRows(
      manager,
      ApiCredentialEntity,
      (columns) => `WITH revoked AS (
         UPDATE identity.api_credential SET revoked_at = now()
         WHERE id = $1 AND partner_organization_id = $2 AND revoked_at IS NULL
         RETURNING *
       )
       SELECT ${columns} FROM revoked`,
      [id, actor.organizationId],
    );
    if (revoked) {
      await recordCredentialEvent(manager, 'API_CREDENTIAL_REVOKED', userActor(actor), revoked);
      return revoked;
    }
    const already = await manager.getRepository(ApiCredentialEntity).findOneBy({ id, partnerOrganizationId: actor.organizationId });
    if (!already) throw unknownCredential();
    return already;
  });
}

/**
 * The client credentials grant: a standing credential's id and secret give an
 * access token for an API client of its partner. Any mismatch is the same
 * INVALID_CLIENT, whether the id is unknown, the secret wrong or the
 * credential revoked. Each exchange is recorded in the partner's audit log; a
 * refused one is not, since anyone can send those without limit.
 */
export async function exchangeClientCredentials(
  database: Database,
  tokens: AccessTokenIssuer,
  clientId: string,
  clientSecret: string,
): Promise<{ accessToken: string; expiresIn: number }> {
  const found = await database.dataSource.getRepository(ApiCredentialEntity).findOneBy({ clientId, revokedAt: IsNull() });
  const presented = Buffer.from(hashOpaqueToken(clientSecret), 'hex');
  const expected = Buffer.from(found?.secretHash ?? hashOpaqueToken(''), 'hex');
  if (!found || !timingSafeEqual(presented, expected)) {
    throw clientError('INVALID_CLIENT', 'The client id and secret do not match a standing API credential.');
  }
  await database.dataSource.transaction(async (manager) => {
    await manager.getRepository(ApiCredentialEntity).update({ id: found.id }, { lastUsedAt: () => 'now()' });
    await recordCredentialEvent(manager, 'API_CREDENTIAL_USED', { kind: 'API_CLIENT', id: found.clientId }, found);
  });
  return tokens.issueForApiClient({ clientId, partnerOrganizationId: found.partnerOrganizationId });
}

function recordCredentialEvent(
  sql: Queryable,
  action: AuditAction,
  actor: AuditActor,
  credential: CredentialNaming,
): Promise<void> {
  return recordAuditEvents(sql, [
    {
      organizationId: credential.partnerOrganizationId,
      action,
      actor,
      details: { apiCredential: { id: credential.id, name: credential.name, clientId: credential.clientId } },
    },
  ]);
}

/**
 * Per request: the calling API client's credential as it stands now (one
 * statement, at most once per request); null for every other principal.
 */
export function createApiCredentialScopeLoader(database: Database, principal: Principal): () => Promise<ApiCredentialScope | null> {
  let scope: Promise<ApiCredentialScope | null> | undefined;
  return () => {
    if (principal.kind !== 'api-client') return Promise.resolve(null);
    scope ??= database.dataSource
      .getRepository(ApiCredentialEntity)
      .findOneBy({ clientId: principal.clientId, partnerOrganizationId: principal.partnerOrganizationId, revokedAt: IsNull() })
      .then((row) => ({ active: row !== null, customerOrganizationIds: row?.customerOrganizationIds ?? null }));
    return scope;
  };
}

/** Per request: the credentials of many partner organizations, newest first, in one statement. */
export function createApiCredentialsLoader(database: Database) {
  return new DataLoader<string, ApiCredential[]>(tracedBatch(database, 'apiCredentials', async (partnerIds) => {
    const ids = partnerIds.filter(isUuid);
    const rows =
      ids.length === 0
        ? []
        : await selectRows(
            database.dataSource,
            ApiCredentialEntity,
            (columns) => `SELECT ${columns} FROM identity.api_credential
             WHERE partner_organization_id = ANY($1::uuid[]) ORDER BY created_at DESC, id`,
            [ids],
          );
    const byPartner = groupBy(rows, (credential) => credential.partnerOrganizationId);
    return partnerIds.map((id) => byPartner.get(id) ?? []);
  }));
}

function notYourCustomers() {
  return clientError('BAD_USER_INPUT', 'Name customers that grant your organization access, or none for all of them.', {
    field: 'customerIds',
  });
}

function unknownCredential() {
  return clientError('NOT_FOUND', 'Your organization has no API credential with that id.', { field: 'id' });
}
