import { EntitySchema } from 'typeorm';

/** What a credit-spending mutation did under an organization's idempotency key: the licence it made, for which request. */
export interface IdempotencyKey {
  organizationId: string;
  key: string;
  /** SHA-256 of the request's arguments: the same key with other arguments is refused. */
  requestFingerprint: string;
  licenseId: string;
  createdAt: Date;
}

export const IdempotencyKeyEntity = new EntitySchema<IdempotencyKey>({
  name: 'IdempotencyKey',
  tableName: 'idempotency_key',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    key: { type: 'text', primary: true },
    requestFingerprint: { name: 'request_fingerprint', type: 'text' },
    licenseId: { name: 'license_id', type: 'uuid' },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
  },
});
