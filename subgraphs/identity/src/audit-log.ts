import { EntitySchema } from 'typeorm';
import type { UserPrincipal } from '@partnergraph/core';
import type { Queryable } from '@partnergraph/subgraph-kit';
import type { PartnerGrant } from './partner-grant';

/**
 * The audit log (`identity.audit_event`, append-only). Each change writes its
 * events with the SQL runner of its own transaction, so an event is recorded
 * exactly when its change commits. An event belongs to the organization whose
 * admins read it (see audit-log-reader.ts).
 */
export type AuditAction =
  | 'SIGN_IN_SUCCEEDED'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_LOCKED'
  | 'REFRESH_TOKEN_REUSED'
  | 'MFA_ENROLLED'
  | 'MFA_CONFIRMED'
  | 'MFA_RECOVERY_CODE_USED'
  | 'PARTNER_ACCESS_GRANTED'
  | 'PARTNER_ACCESS_CHANGED'
  | 'PARTNER_ACCESS_REVOKED'
  | 'API_CREDENTIAL_CREATED'
  | 'API_CREDENTIAL_USED'
  | 'API_CREDENTIAL_REVOKED'
  | 'PARTNER_ACCOUNT_CREATED'
  | 'PARTNER_ID_CHANGE_REQUESTED'
  | 'PARTNER_ID_CHANGE_APPROVED'
  | 'PARTNER_ID_CHANGE_REJECTED'
  | 'PARTNER_ID_CHANGED'
  | 'ORGANIZATION_MFA_REQUIREMENT_CHANGED';

export type AuditActorKind = 'USER' | 'API_CLIENT' | 'OPERATOR' | 'ANONYMOUS';

/** Who acted: a user's id, an API client's client id, an operator's id; nobody known for an unauthenticated caller. */
export type AuditActor =
  | { kind: 'USER'; id: string }
  | { kind: 'API_CLIENT'; id: string }
  | { kind: 'OPERATOR'; id: string }
  | { kind: 'ANONYMOUS' };

export const ANONYMOUS_ACTOR: AuditActor = Object.freeze({ kind: 'ANONYMOUS' });

export type SignInSecondFactor = 'NONE' | 'TOTP' | 'RECOVERY_CODE';
export type SignInFailure = 'WRONG_PASSWORD' | 'WRONG_MFA_CODE' | 'WRONG_RECOVERY_CODE';

/** A partner access grant as an event recorded it. */
export interface AuditPartnerAccessDetails {
  partnerOrganizationId: string;
  customerOrganizationId: string;
  administrator: boolean;
  apiDeviceData: boolean;
}

/**
 * What an event records besides who and when. Ids, names, flags and
 * instants only: never a password, secret, code or token.
 */
export interface AuditDetails {
  /** The account signed in to (or tried), whose MFA changed, or whose sessions were ended. */
  userId?: string;
  secondFactor?: SignInSecondFactor;
  signInFailure?: SignInFailure;
  /** ISO 8601. */
  lockedUntil?: string;
  partnerAccess?: AuditPartnerAccessDetails;
  apiCredential?: { id: string; name: string; clientId: string };
  /** `requestId` null and `previousPartnerId` null when the account was created with `partnerId`. */
  partnerIdChange?: { requestId: string | null; previousPartnerId: string | null; partnerId: string };
  /** ORGANIZATION_MFA_REQUIREMENT_CHANGED: the setting as the change left it. */
  requireMfa?: boolean;
}

/** An audit event as stored; audit-log-reader.ts reads them a page at a time. */
export interface AuditEvent {
  id: string;
  organizationId: string;
  action: AuditAction;
  actorKind: AuditActorKind;
  actorId: string | null;
  details: AuditDetails;
  at: Date;
}

export const AuditEventEntity = new EntitySchema<AuditEvent>({
  name: 'AuditEvent',
  tableName: 'audit_event',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    action: { type: 'text' },
    actorKind: { name: 'actor_kind', type: 'text' },
    actorId: { name: 'actor_id', type: 'text', nullable: true },
    details: { type: 'jsonb', default: () => "'{}'" },
    at: { type: 'timestamptz', default: () => 'clock_timestamp()' },
  },
});

/** An event to append: who did what in which organization's log. */
export interface AuditRecord {
  organizationId: string;
  action: AuditAction;
  actor: AuditActor;
  details?: AuditDetails;
}

/** Appends the events in one statement (set-based: one row per event from arrays); nothing for an empty list. */
export async function recordAuditEvents(sql: Queryable, events: readonly AuditRecord[]): Promise<void> {
  if (events.length === 0) return;
  await sql.query(
    `INSERT INTO identity.audit_event (organization_id, action, actor_kind, actor_id, details)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
    [
      events.map((event) => event.organizationId),
      events.map((event) => event.action),
      events.map((event) => event.actor.kind),
      events.map((event) => (event.actor.kind === 'ANONYMOUS' ? null : event.actor.id)),
      events.map((event) => JSON.stringify(event.details ?? {})),
    ],
  );
}

export function userActor(user: Pick<UserPrincipal, 'userId'>): AuditActor {
  return { kind: 'USER', id: user.userId };
}

/** A partner access change concerns both sides: one event for the customer's log, one for the partner's. */
export function partnerAccessEvents(action: AuditAction, actor: UserPrincipal, grant: PartnerGrant): AuditRecord[] {
  const details: AuditDetails = {
    partnerAccess: {
      partnerOrganizationId: grant.partnerOrganizationId,
      customerOrganizationId: grant.customerOrganizationId,
      administrator: grant.administrator,
      apiDeviceData: grant.apiDeviceData,
    },
  };
  return [grant.customerOrganizationId, grant.partnerOrganizationId].map((organizationId) => ({
    organizationId,
    action,
    actor: userActor(actor),
    details,
  }));
}
