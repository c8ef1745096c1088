import type { Database } from '@partnergraph/subgraph-kit';
import { LicenseKeyEntity } from './license-key';
import { SubscriptionLicenseEntity } from './subscription-license';
import { VoucherEntity } from './voucher';

export interface DemoSubscriptionLicense {
  id: string;
  organizationId: string;
  product: string;
  deviceAllowance: number;
  trial: boolean;
  /** ISO date (YYYY-MM-DD). */
  startsOn: string;
  /** ISO date (YYYY-MM-DD), after `startsOn`. */
  endsOn: string;
}

/** Inserts the demo licences; rows that already exist are left as they are. */
export async function seedDemoSubscriptions(database: Database, licenses: readonly DemoSubscriptionLicense[]): Promise<void> {
  await database.dataSource
    .createQueryBuilder()
    .insert()
    .into(SubscriptionLicenseEntity)
    .values(licenses.map((license) => ({ ...license })))
    .orIgnore()
    .execute();
}

export interface DemoLicenseKey {
  /** The key, as codeFromSeed makes it: the same on every machine, so the README can list it. */
  key: string;
  product: string;
  termMonths: number;
  deviceAllowance: number;
  installerEmails: string[];
  /** ISO date. */
  issuedOn: string;
}

export interface DemoVoucher {
  code: string;
  credits: number;
}

/** Inserts unredeemed demo licence keys and vouchers; codes that already exist are left as they are. */
export async function seedDemoLicensing(
  database: Database,
  licensing: { keys: readonly DemoLicenseKey[]; vouchers: readonly DemoVoucher[] },
): Promise<void> {
  // An INSERT needs at least one row.
  if (licensing.keys.length > 0) {
    await database.dataSource
      .createQueryBuilder()
      .insert()
      .into(LicenseKeyEntity)
      .values(licensing.keys.map(({ key, ...rest }) => ({ code: key, ...rest, issuedBy: 'demo' })))
      .orIgnore()
      .execute();
  }
  if (licensing.vouchers.length > 0) {
    await database.dataSource
      .createQueryBuilder()
      .insert()
      .into(VoucherEntity)
      .values(licensing.vouchers.map((voucher) => ({ ...voucher, issuedBy: 'demo' })))
      .orIgnore()
      .execute();
  }
}
