import { EntitySchema } from 'typeorm';

/** How a licence came about: demo or operator data, a redeemed licence key, or credits spent. */
export type SubscriptionLicenseSource = 'SEEDED' | 'LICENSE_KEY' | 'CREDITS';

export interface SubscriptionLicense {
  id: string;
  organizationId: string;
  product: string;
  deviceAllowance: number;
  trial: boolean;
  /** ISO date (YYYY-MM-DD). */
  startsOn: string;
  /** ISO date (YYYY-MM-DD), the licence's last day. */
  endsOn: string;
  createdAt: Date;
  source: SubscriptionLicenseSource;
  /** Who is emailed when the licence is redeemed or activated. */
  installerEmails: string[];
}

// TypeORM hydrates a 'date' column as a 'YYYY-MM-DD' string, not as the local-time Date that pg parses.
export const SubscriptionLicenseEntity = new EntitySchema<SubscriptionLicense>({
  name: 'SubscriptionLicense',
  tableName: 'subscription_license',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    product: { type: 'text' },
    deviceAllowance: { name: 'device_allowance', type: 'integer' },
    trial: { type: 'boolean', default: false },
    startsOn: { name: 'starts_on', type: 'date' },
    endsOn: { name: 'ends_on', type: 'date' },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    source: { type: 'text', default: 'SEEDED' },
    installerEmails: { name: 'installer_emails', type: 'text', array: true, default: () => "'{}'" },
  },
});
