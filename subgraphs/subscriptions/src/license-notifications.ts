import type { EntityManager } from 'typeorm';
import { OutboxEmailEntity } from '@partnergraph/subgraph-kit';
import type { SubscriptionLicense } from './subscription-license';

/**
 * Tells a licence's installer addresses what it now covers, through this
 * subgraph's email outbox, in the transaction that made the change: the email
 * exists if and only if the change does.
 */
export async function notifyInstallers(
  manager: EntityManager,
  license: SubscriptionLicense,
  installerEmails: readonly string[],
  event: 'redeemed' | 'activated',
): Promise<void> {
  const subject = `Your ${license.product} subscription licence has been ${event}`;
  const body = [
    `A ${license.product} subscription licence has been ${event}.`,
    '',
    `Product: ${license.product}`,
    `Devices: up to ${license.deviceAllowance}`,
    `Starts: ${license.startsOn}`,
    `Ends: ${license.endsOn}`,
    `Licence: ${license.id}`,
  ].join('\n');
  await manager.getRepository(OutboxEmailEntity).insert(installerEmails.map((toAddress) => ({ toAddress, subject, body })));
}
