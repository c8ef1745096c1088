import { EntitySchema } from 'typeorm';

export type OrganizationKind = 'CUSTOMER' | 'PARTNER';

export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  partnerId: string | null;
  /** A customer's own choice to require MFA of its users (mfa-requirement.ts); partners always require it. */
  requireMfa: boolean;
  createdAt: Date;
}

export const OrganizationEntity = new EntitySchema<Organization>({
  name: 'Organization',
  tableName: 'organization',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    name: { type: 'text' },
    kind: { type: 'text' },
    partnerId: { name: 'partner_id', type: 'text', nullable: true, unique: true },
    requireMfa: { name: 'require_mfa', type: 'boolean', default: false },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
  },
});
