import type { Database } from '@partnergraph/subgraph-kit';
import { SubscriptionLicenseEntity } from './subscription-license';

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
  for (const key of licensing.keys) {
    await database.dataSource.query(
      `INSERT INTO subscriptions.license_key (code, product, term_months, device_allowance, installer_emails, issued_on, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6, 'demo') ON CONFLICT (code) DO NOTHING`,
      [key.key, key.product, key.termMonths, key.deviceAllowance, key.installerEmails, key.issuedOn],
    );
  }
  for (const voucher of licensing.vouchers) {
    await database.dataSource.query(
      `INSERT INTO subscriptions.voucher (code, credits, issued_by) VALUES ($1, $2, 'demo') ON CONFLICT (code) DO NOTHING`,
      [voucher.code, voucher.credits],
    );
  }
}
