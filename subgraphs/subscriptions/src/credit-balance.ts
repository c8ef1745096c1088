import { EntitySchema } from 'typeorm';

/** An organization's credits: its row exists from its first voucher on, and a CHECK keeps the balance at zero or more. */
export interface CreditBalance {
  organizationId: string;
  balance: number;
}

export const CreditBalanceEntity = new EntitySchema<CreditBalance>({
  name: 'CreditBalance',
  tableName: 'credit_balance',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    balance: { type: 'integer' },
  },
});
