import { EntitySchema } from 'typeorm';

/**
 * A row of a subgraph's email outbox table (identity.email_outbox,
 * subscriptions.email_outbox: the same columns in each schema), written in the
 * transaction of what the email announces and delivered by email-delivery.ts.
 * A storage whose schema has the table lists OutboxEmailEntity among its entities.
 */
export interface OutboxEmail {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  /** Attempts claimed so far, the one in flight included. */
  attempts: number;
  lastError: string | null;
  /** Null: due now (or, with a last error, given up). */
  nextAttemptAt: Date | null;
  /** Set while an attempt is claimed and its outcome not yet recorded. */
  sendingStartedAt: Date | null;
}

export const OutboxEmailEntity = new EntitySchema<OutboxEmail>({
  name: 'OutboxEmail',
  tableName: 'email_outbox',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    toAddress: { name: 'to_address', type: 'text' },
    subject: { type: 'text' },
    body: { type: 'text' },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    sentAt: { name: 'sent_at', type: 'timestamptz', nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { name: 'last_error', type: 'text', nullable: true },
    nextAttemptAt: { name: 'next_attempt_at', type: 'timestamptz', nullable: true },
    sendingStartedAt: { name: 'sending_started_at', type: 'timestamptz', nullable: true },
  },
});
