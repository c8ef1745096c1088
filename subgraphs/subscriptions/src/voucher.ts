import { EntitySchema } from 'typeorm';

/** A voucher code worth `credits`, issued once and redeemed once, by one organization. */
export interface Voucher {
  code: string;
  credits: number;
  issuedBy: string;
  issuedAt: Date;
  redeemedAt: Date | null;
  redeemedByOrganization: string | null;
}

export const VoucherEntity = new EntitySchema<Voucher>({
  name: 'Voucher',
  tableName: 'voucher',
  columns: {
    code: { type: 'text', primary: true },
    credits: { type: 'integer' },
    issuedBy: { name: 'issued_by', type: 'text' },
    issuedAt: { name: 'issued_at', type: 'timestamptz', createDate: true },
    redeemedAt: { name: 'redeemed_at', type: 'timestamptz', nullable: true },
    redeemedByOrganization: { name: 'redeemed_by_organization', type: 'uuid', nullable: true },
  },
});
