import type { EntityManager } from 'typeorm';
import { clientError } from '@partnergraph/core';
import { selectRows } from '@partnergraph/subgraph-kit';
import { addDays, parseIsoDate, todayUtc } from './calendar';
import { SubscriptionLicenseEntity, type SubscriptionLicense, type SubscriptionLicenseSource } from './subscription-license';

/** How far ahead a subscription may be set to start. */
export const START_DATE_HORIZON_DAYS = 365;
const MAX_INSTALLER_EMAILS = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A start date someone chose: a real date, today (UTC) or later, within the horizon. */
export function requireStartDate(value: string, today = todayUtc()): string {
  const date = parseIsoDate(value);
  if (date === null) throw clientError('BAD_USER_INPUT', 'The start date is an ISO date, YYYY-MM-DD.', { field: 'startDate' });
  if (date < today) throw clientError('START_DATE_IN_PAST', `A subscription starts today (${today}) or later.`, { field: 'startDate' });
  const latest = addDays(today, START_DATE_HORIZON_DAYS);
  if (date > latest) {
    throw clientError('START_DATE_TOO_FAR', `A subscription starts at most ${START_DATE_HORIZON_DAYS} days ahead, by ${latest}.`, {
      field: 'startDate',
    });
  }
  return date;
}

export function requireInstallerEmails(values: readonly string[], field = 'installerEmails'): string[] {
  const emails = [...new Set(values.map((value) => value.trim().toLowerCase()))];
  if (emails.length === 0 || emails.length > MAX_INSTALLER_EMAILS || !emails.every((email) => EMAIL.test(email))) {
    throw clientError('BAD_USER_INPUT', `Give 1 to ${MAX_INSTALLER_EMAILS} installer email addresses.`, { field });
  }
  return emails;
}

export function requireCount(value: number, field: string, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw clientError('BAD_USER_INPUT', `${field} is a whole number from ${range.min} to ${range.max}.`, { field });
  }
  return value;
}

/**
 * Serializes, until the transaction ends, everything that creates or extends
 * a customer's licences of one product, so that two redemptions at once never
 * create two overlapping licences.
 */
export async function lockCustomerProduct(manager: EntityManager, customerId: string, product: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`subscriptions:licence:${customerId}:${product}`]);
}

/** Locks and returns a licence, or null. */
export async function lockLicense(manager: EntityManager, id: string): Promise<SubscriptionLicense | null> {
  const [license] = await selectRows(
    manager,
    SubscriptionLicenseEntity,
    (columns) => `SELECT ${columns} FROM subscriptions.subscription_license WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return license ?? null;
}

/**
 * Changes a licence the transaction has locked, in one statement, and returns
 * it as it now is. `assignments` is the SET list, whose parameters start at $2
 * ($1 is the id).
 */
export async function updateLicense(
  manager: EntityManager,
  id: string,
  assignments: string,
  parameters: readonly unknown[],
): Promise<SubscriptionLicense> {
  const [updated] = await selectRows(
    manager,
    SubscriptionLicenseEntity,
    (columns) => `UPDATE subscriptions.subscription_license SET ${assignments} WHERE id = $1 RETURNING ${columns}`,
    [id, ...parameters],
  );
  if (!updated) throw new Error(`licence ${id} was not there to update`);
  return updated;
}

/** Creates a licence and returns it. */
export async function insertLicense(
  manager: EntityManager,
  license: Pick<SubscriptionLicense, 'organizationId' | 'product' | 'deviceAllowance' | 'startsOn' | 'endsOn'> & {
    source: Exclude<SubscriptionLicenseSource, 'SEEDED'>;
    installerEmails: readonly string[];
  },
): Promise<SubscriptionLicense> {
  const [created] = await selectRows(
    manager,
    SubscriptionLicenseEntity,
    (columns) => `INSERT INTO subscriptions.subscription_license (organization_id, product, device_allowance, starts_on, ends_on, source, installer_emails)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
    [license.organizationId, license.product, license.deviceAllowance, license.startsOn, license.endsOn, license.source, license.installerEmails],
  );
  if (!created) throw new Error('the licence insert returned no row');
  return created;
}
