import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from '@partnergraph/subgraph-kit';
import type { OrganizationRole } from '@partnergraph/core';

export interface UserAccount {
  id: string;
  organizationId: string;
  email: string;
  displayName: string;
  role: OrganizationRole;
  passwordHash: string;
  /** The TOTP secret once multi-factor authentication is enrolled, as stored: sealed (open it with openTotpSecret). */
  totpSecret: string | null;
  /** A TOTP secret offered by enrollMfa and not yet confirmed, sealed as totpSecret is. */
  totpPendingSecret: string | null;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  totpLastCounter: number | null;
  failedSignIns: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

export const UserAccountEntity = new EntitySchema<UserAccount>({
  name: 'UserAccount',
  tableName: 'user_account',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    email: { type: 'text', unique: true },
    displayName: { name: 'display_name', type: 'text' },
    role: { type: 'text' },
    passwordHash: { name: 'password_hash', type: 'text' },
    totpSecret: { name: 'totp_secret', type: 'text', nullable: true },
    totpPendingSecret: { name: 'totp_pending_secret', type: 'text', nullable: true },
    // A time step (about 6e7 today) is exact as a number.
    totpLastCounter: { name: 'totp_last_counter', type: 'bigint', nullable: true, transformer: bigintAsNumber },
    failedSignIns: { name: 'failed_sign_ins', type: 'integer', default: 0 },
    lockedUntil: { name: 'locked_until', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
  },
});
