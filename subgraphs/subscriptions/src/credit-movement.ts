import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from '@partnergraph/subgraph-kit';

export type CreditMovementKind = 'VOUCHER' | 'ACTIVATION' | 'RENEWAL' | 'AMENDMENT';

/** A row of subscriptions.credit_ledger, which a trigger keeps append-only. */
export interface CreditMovement {
  /** The ledger's order: read through columnsOf, the bigint comes as a number (exact up to 2^53). */
  id: number;
  organizationId: string;
  kind: CreditMovementKind;
  /** Positive for credits added, negative for credits spent. */
  amount: number;
  balanceAfter: number;
  /** The redeemed voucher, for a VOUCHER movement only. */
  voucherCode: string | null;
  /** The licence the credits were spent on; null for vouchers. */
  licenseId: string | null;
  actor: string;
  at: Date;
}

export const CreditMovementEntity = new EntitySchema<CreditMovement>({
  name: 'CreditMovement',
  tableName: 'credit_ledger',
  columns: {
    // GENERATED ALWAYS AS IDENTITY: 'increment' is what makes TypeORM leave it out of an INSERT.
    id: { type: 'bigint', primary: true, generated: 'increment', transformer: bigintAsNumber },
    organizationId: { name: 'organization_id', type: 'uuid' },
    kind: { type: 'text' },
    amount: { type: 'integer' },
    balanceAfter: { name: 'balance_after', type: 'integer' },
    voucherCode: { name: 'voucher_code', type: 'text', nullable: true },
    licenseId: { name: 'license_id', type: 'uuid', nullable: true },
    actor: { type: 'text' },
    at: { type: 'timestamptz', createDate: true },
  },
});
