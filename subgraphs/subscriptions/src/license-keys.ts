import { clientError } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { addDays, parseIsoDate, termEnd, todayUtc } from './calendar';
import { LicenseKeyEntity, newCode, parseCode } from './license-key';
import { notifyInstallers } from './license-notifications';
import { insertLicense, lockCustomerProduct, requireCount, requireInstallerEmails, requireStartDate, updateLicense } from './licenses';
import { creditsPerDeviceMonth } from './prices';
import { SubscriptionLicenseEntity, type SubscriptionLicense } from './subscription-license';

export interface IssuedLicenseKey {
  key: string;
  product: string;
  termMonths: number;
  deviceAllowance: number;
  installerEmails: string[];
  issuedOn: string;
}

/** What the order system does when a licence is sold: a key for a product, term and allowance, for its installers. */
export async function issueLicenseKey(
  database: Database,
  operatorId: string,
  input: { product: string; termMonths: number; deviceAllowance: number; installerEmails: string[]; issuedOn?: string | null },
): Promise<IssuedLicenseKey> {
  requireProduct(input.product);
  const termMonths = requireCount(input.termMonths, 'termMonths', { min: 1, max: 120 });
  const deviceAllowance = requireCount(input.deviceAllowance, 'deviceAllowance', { min: 1, max: 100_000 });
  const installerEmails = requireInstallerEmails(input.installerEmails);
  const issuedOn = input.issuedOn == null ? todayUtc() : parseIsoDate(input.issuedOn);
  if (issuedOn === null) throw clientError('BAD_USER_INPUT', 'The issue date is an ISO date, YYYY-MM-DD.', { field: 'issuedOn' });
  const key = newCode();
  await database.dataSource
    .getRepository(LicenseKeyEntity)
    .insert({ code: key, product: input.product, termMonths, deviceAllowance, installerEmails, issuedOn, issuedBy: operatorId });
  return { key, product: input.product, termMonths, deviceAllowance, installerEmails, issuedOn };
}

/**
 * Redeems a key for a customer, in one transaction: the key row is locked, so
 * of any number of simultaneous attempts exactly one finds it unredeemed. The
 * key's term starts on `startDate`, or, when the customer has an active
 * licence of the same product that runs into it, continues that licence.
 * Keys have no expiry: those issued before 2025-04-01 redeem like new ones.
 */
export async function redeemLicenseKey(
  database: Database,
  actor: string,
  input: { customerId: string; key: string; startDate: string },
): Promise<SubscriptionLicense> {
  const parsed = parseCode(input.key);
  if ('problem' in parsed) {
    throw parsed.problem === 'MALFORMED'
      ? clientError('LICENSE_KEY_MALFORMED', 'A licence key is 25 letters and digits, in five groups of five.', { field: 'key' })
      : clientError('LICENSE_KEY_CHECK_FAILED', 'That licence key is mistyped: its check characters do not match.', { field: 'key' });
  }
  const startDate = requireStartDate(input.startDate);
  return database.dataSource.transaction(async (manager) => {
    const [stored] = await selectRows(
      manager,
      LicenseKeyEntity,
      (columns) => `SELECT ${columns} FROM subscriptions.license_key WHERE code = $1 FOR UPDATE`,
      [parsed.code],
    );
    if (!stored) throw clientError('LICENSE_KEY_UNKNOWN', 'No licence key like this one was issued.', { field: 'key' });
    if (stored.redeemedAt !== null) throw clientError('LICENSE_KEY_ALREADY_REDEEMED', 'That licence key has already been redeemed.', { field: 'key' });

    await lockCustomerProduct(manager, input.customerId, stored.product);
    const [running] = await selectRows(
      manager,
      SubscriptionLicenseEntity,
      (columns) => `SELECT ${columns} FROM subscriptions.subscription_license
       WHERE organization_id = $1 AND product = $2 AND NOT trial AND ends_on >= $3::date AND ends_on >= $4::date
       ORDER BY ends_on DESC LIMIT 1`,
      [input.customerId, stored.product, todayUtc(), addDays(startDate, -1)],
    );
    const license = running
      ? await updateLicense(
          manager,
          running.id,
          `ends_on = $2, device_allowance = greatest(device_allowance, $3),
           installer_emails = ARRAY(SELECT DISTINCT unnest(installer_emails || $4::text[]))`,
          [termEnd(addDays(running.endsOn, 1), stored.termMonths), stored.deviceAllowance, stored.installerEmails],
        )
      : await insertLicense(manager, {
          organizationId: input.customerId,
          product: stored.product,
          deviceAllowance: stored.deviceAllowance,
          startsOn: startDate,
          endsOn: termEnd(startDate, stored.termMonths),
          source: 'LICENSE_KEY',
          installerEmails: stored.installerEmails,
        });
    await manager
      .getRepository(LicenseKeyEntity)
      .update({ code: parsed.code }, { redeemedAt: () => 'now()', redeemedFor: input.customerId, redeemedBy: actor, licenseId: license.id });
    await notifyInstallers(manager, license, stored.installerEmails, 'redeemed');
    return license;
  });
}

export function requireProduct(product: string): void {
  if (creditsPerDeviceMonth(product) === undefined) {
    throw clientError('BAD_USER_INPUT', 'Unknown product: see creditPrices for the products on sale.', { field: 'product' });
  }
}
