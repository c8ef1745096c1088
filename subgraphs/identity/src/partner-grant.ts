import { EntitySchema } from 'typeorm';

/** A partner's access to one customer, as the customer granted it; `revokedAt` set once the customer ended it. */
export interface PartnerGrant {
  customerOrganizationId: string;
  partnerOrganizationId: string;
  administrator: boolean;
  apiDeviceData: boolean;
  grantedAt: Date;
  revokedAt: Date | null;
}

export const PartnerGrantEntity = new EntitySchema<PartnerGrant>({
  name: 'PartnerGrant',
  tableName: 'partner_grant',
  columns: {
    customerOrganizationId: { name: 'customer_organization_id', type: 'uuid', primary: true },
    partnerOrganizationId: { name: 'partner_organization_id', type: 'uuid', primary: true },
    administrator: { type: 'boolean', default: false },
    apiDeviceData: { name: 'api_device_data', type: 'boolean', default: false },
    grantedAt: { name: 'granted_at', type: 'timestamptz', createDate: true },
    revokedAt: { name: 'revoked_at', type: 'timestamptz', nullable: true },
  },
});

export type PartnerAccessAction = 'APPROVED' | 'CHANGED' | 'REVOKED';

/** One change of a grant, as the customer's access history shows it; `actorUserId` null when the platform made it. */
export interface PartnerGrantEvent {
  id: string;
  customerOrganizationId: string;
  partnerOrganizationId: string;
  actorUserId: string | null;
  action: PartnerAccessAction;
  administrator: boolean;
  apiDeviceData: boolean;
  at: Date;
}

export const PartnerGrantEventEntity = new EntitySchema<PartnerGrantEvent>({
  name: 'PartnerGrantEvent',
  tableName: 'partner_grant_event',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    customerOrganizationId: { name: 'customer_organization_id', type: 'uuid' },
    partnerOrganizationId: { name: 'partner_organization_id', type: 'uuid' },
    actorUserId: { name: 'actor_user_id', type: 'uuid', nullable: true },
    action: { type: 'text' },
    administrator: { type: 'boolean' },
    apiDeviceData: { name: 'api_device_data', type: 'boolean' },
    at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
  },
});
