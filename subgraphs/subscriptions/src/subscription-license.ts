import { EntitySchema } from 'typeorm';

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
  },
});
