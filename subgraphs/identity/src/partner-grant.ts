/** A partner's access to one customer, as the customer granted it. Rows are read with raw SQL (see partner-access.ts). */
export interface PartnerGrant {
  customerOrganizationId: string;
  partnerOrganizationId: string;
  administrator: boolean;
  apiDeviceData: boolean;
  grantedAt: Date;
}

export type PartnerAccessAction = 'APPROVED' | 'CHANGED' | 'REVOKED';

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
