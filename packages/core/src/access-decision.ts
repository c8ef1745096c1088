import { allows, type AccessRelation, type Capability } from './access-policy';

/**
 * What a principal may do with one organization's data: the access matrix of
 * docs/access-model.md (access-policy.ts) read for one relation. Identity decides it;
 * subscriptions and device-telemetry ask identity for it once per request and
 * filter by it.
 */
export type IpVisibility = 'FULL' | 'LAST_TWO_SEGMENTS';

/** What a principal may do with an organization's own credits: only partners hold them. */
export type CreditAccess = 'NONE' | 'VIEW' | 'MANAGE';

export interface AccessDecision {
  organizationId: string;
  /** How the principal stands to the organization: the column of the access matrix every field below is read from. */
  relation: AccessRelation;
  read: boolean;
  /** Manage the organization's data (a partner needs administrator access, and to be an admin). */
  write: boolean;
  /** Acknowledge its incidents: every member, and partners that may write (access matrix). */
  acknowledgeIncidents: boolean;
  /**
   * Redeem licence keys and spend credits on its subscriptions: its own admins,
   * and the admins of a partner it grants any access (access matrix).
   */
  manageSubscriptions: boolean;
  /**
   * The organization's credit balance and ledger: a partner's members signed in
   * with MFA view them, its admins redeem vouchers and spend them.
   */
  credits: CreditAccess;
  ipAddresses: IpVisibility;
  applications: boolean;
  unmonitoredEquipment: boolean;
  /** An API client reading device data under the customer's API device-data grant. */
  apiDeviceData: boolean;
  /**
   * The decision's horizon: the oldest transaction id still running when identity read the grants (PostgreSQL's
   * pg_snapshot_xmin, as text). Every transaction below it had ended, so a change log row written below it was
   * committed before anything the decision did not see: a feed that reads only rows below it never hands on an
   * event committed after a revocation the decision missed. Absent when no statement decided (no organization).
   */
  asOf?: string;
}

/** The decision for `relation`: the table's column, as the fields subgraphs filter by. */
export function decisionFor(organizationId: string, relation: AccessRelation): AccessDecision {
  const can = (capability: Capability) => allows(capability, relation);
  return {
    organizationId,
    relation,
    read: can('read'),
    write: can('write'),
    acknowledgeIncidents: can('acknowledgeIncidents'),
    manageSubscriptions: can('manageSubscriptions'),
    credits: can('manageCredits') ? 'MANAGE' : can('viewCredits') ? 'VIEW' : 'NONE',
    ipAddresses: can('fullIpAddresses') ? 'FULL' : 'LAST_TWO_SEGMENTS',
    applications: can('applications'),
    unmonitoredEquipment: can('unmonitoredEquipment'),
    apiDeviceData: can('apiDeviceData'),
  };
}

/** The decision for an organization that does not exist, or that the principal may not see at all. */
export function noAccess(organizationId: string): AccessDecision {
  return decisionFor(organizationId, 'NONE');
}
