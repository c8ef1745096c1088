import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { clientError } from '@partnergraph/core';
import { isUuid, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { addDays, daysBetween, termEnd, todayUtc } from './calendar';
import { CreditBalanceEntity } from './credit-balance';
import { CreditMovementEntity, type CreditMovementKind } from './credit-movement';
import { IdempotencyKeyEntity } from './idempotency-key';
import { newCode, parseCode } from './license-key';
import { requireProduct } from './license-keys';
import { notifyInstallers } from './license-notifications';
import { insertLicense, lockLicense, requireCount, requireInstallerEmails, requireStartDate, updateLicense } from './licenses';
import { amendmentCost, termCost } from './prices';
import { SubscriptionLicenseEntity, type SubscriptionLicense } from './subscription-license';
import { VoucherEntity } from './voucher';

/**
 * Credits. An organization (a partner, usually) holds a balance in
 * subscriptions.credit_balance, which a CHECK keeps at zero or more; every
 * movement appends a row to subscriptions.credit_ledger (a trigger refuses
 * UPDATE and DELETE) in the same transaction as the balance change, so the
 * balance always equals the ledger's sum. Spending is one conditional UPDATE
 * (`balance >= cost`) on the locked balance row: concurrent spenders queue on
 * it and each sees the balance the previous one left.
 */

const MAX_MONTHS = 60;
const MAX_DEVICES = 100_000;
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const AVERAGE_MONTH_DAYS = 30;

/** What the order system does when credits are sold: a voucher code worth `credits`. */
export async function issueVoucher(database: Database, operatorId: string, credits: number): Promise<string> {
  requireCount(credits, 'credits', { min: 1, max: 1_000_000 });
  const code = newCode();
  await database.dataSource.getRepository(VoucherEntity).insert({ code, credits, issuedBy: operatorId });
  return code;
}

/** Adds a voucher's credits to the caller's organization, once; returns the new balance. */
export async function redeemVoucher(database: Database, holder: { organizationId: string; actor: string }, codeInput: string): Promise<number> {
  const parsed = parseCode(codeInput);
  if ('problem' in parsed) throw unknownVoucher();
  return database.dataSource.transaction(async (manager) => {
    const [voucher] = await selectRows(
      manager,
      VoucherEntity,
      (columns) => `SELECT ${columns} FROM subscriptions.voucher WHERE code = $1 FOR UPDATE`,
      [parsed.code],
    );
    if (!voucher) throw unknownVoucher();
    if (voucher.redeemedAt !== null) throw clientError('VOUCHER_ALREADY_REDEEMED', 'That voucher has already been redeemed.', { field: 'code' });
    await manager
      .getRepository(VoucherEntity)
      .update({ code: parsed.code }, { redeemedAt: () => 'now()', redeemedByOrganization: holder.organizationId });
    const [balance] = await selectRows(
      manager,
      CreditBalanceEntity,
      (columns) => `INSERT INTO subscriptions.credit_balance (organization_id, balance) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET balance = subscriptions.credit_balance.balance + EXCLUDED.balance
       RETURNING ${columns}`,
      [holder.organizationId, voucher.credits],
    );
    if (!balance) throw new Error('the balance upsert returned no row');
    await appendMovement(manager, holder, { kind: 'VOUCHER', amount: voucher.credits, balanceAfter: balance.balance, voucherCode: parsed.code });
    return balance.balance;
  });
}

interface Spender {
  /** The organization whose credits are spent: the caller's. */
  organizationId: string;
  actor: string;
  idempotencyKey: string;
}

/** A new licence for a customer, paid with credits at the published price. */
export async function activateSubscription(
  database: Database,
  spender: Spender,
  input: { customerId: string; product: string; deviceAllowance: number; months: number; startDate: string; installerEmails: string[] },
): Promise<SubscriptionLicense> {
  requireProduct(input.product);
  const deviceAllowance = requireCount(input.deviceAllowance, 'deviceAllowance', { min: 1, max: MAX_DEVICES });
  const months = requireCount(input.months, 'months', { min: 1, max: MAX_MONTHS });
  const startDate = requireStartDate(input.startDate);
  const installerEmails = requireInstallerEmails(input.installerEmails);
  return idempotently(database, spender, { operation: 'activateSubscription', ...input }, async (manager) => {
    const license = await insertLicense(manager, {
      organizationId: input.customerId,
      product: input.product,
      deviceAllowance,
      startsOn: startDate,
      endsOn: termEnd(startDate, months),
      source: 'CREDITS',
      installerEmails,
    });
    await spend(manager, spender, { kind: 'ACTIVATION', cost: termCost(input.product, deviceAllowance, months), licenseId: license.id });
    await notifyInstallers(manager, license, installerEmails, 'activated');
    return license;
  });
}

/** Extends a licence by `months` at its device allowance (from today if it has ended). */
export async function renewSubscription(
  database: Database,
  spender: Spender,
  input: { subscriptionId: string; months: number },
): Promise<SubscriptionLicense> {
  const months = requireCount(input.months, 'months', { min: 1, max: MAX_MONTHS });
  return idempotently(database, spender, { operation: 'renewSubscription', ...input }, async (manager) => {
    const license = await lockExistingLicense(manager, input.subscriptionId);
    const continuesOn = [addDays(license.endsOn, 1), todayUtc()].sort().at(-1) ?? todayUtc();
    const renewed = await updateLicense(manager, license.id, 'ends_on = $2', [termEnd(continuesOn, months)]);
    await spend(manager, spender, { kind: 'RENEWAL', cost: termCost(license.product, license.deviceAllowance, months), licenseId: license.id });
    return renewed;
  });
}

/** Adds devices for the rest of the term and months at the new allowance to a licence that has not ended. */
export async function amendSubscription(
  database: Database,
  spender: Spender,
  input: { subscriptionId: string; addDevices: number; addMonths: number },
): Promise<SubscriptionLicense> {
  const addDevices = requireCount(input.addDevices, 'addDevices', { min: 0, max: MAX_DEVICES });
  const addMonths = requireCount(input.addMonths, 'addMonths', { min: 0, max: MAX_MONTHS });
  if (addDevices === 0 && addMonths === 0) {
    throw clientError('BAD_USER_INPUT', 'An amendment adds devices, months or both.', { field: 'addDevices' });
  }
  return idempotently(database, spender, { operation: 'amendSubscription', ...input }, async (manager) => {
    const license = await lockExistingLicense(manager, input.subscriptionId);
    const today = todayUtc();
    if (license.endsOn < today) {
      throw clientError('BAD_USER_INPUT', 'That licence has ended: renew it instead.', { field: 'subscriptionId' });
    }
    const remainingMonths = Math.ceil((daysBetween(today, license.endsOn) + 1) / AVERAGE_MONTH_DAYS);
    const cost = amendmentCost(license.product, { devices: license.deviceAllowance, remainingMonths }, { devices: addDevices, months: addMonths });
    const amended = await updateLicense(manager, license.id, 'device_allowance = device_allowance + $2, ends_on = $3', [
      addDevices,
      addMonths === 0 ? license.endsOn : termEnd(addDays(license.endsOn, 1), addMonths),
    ]);
    await spend(manager, spender, { kind: 'AMENDMENT', cost, licenseId: license.id });
    return amended;
  });
}

/**
 * Runs `work` once per (organization, idempotency key): a retry with the same
 * arguments gets the licence the first attempt made and spends nothing; the
 * same key with other arguments is refused. Concurrent attempts with one key
 * queue on an advisory lock, so the second sees what the first committed.
 */
async function idempotently(
  database: Database,
  spender: Spender,
  request: Record<string, unknown>,
  work: (manager: EntityManager) => Promise<SubscriptionLicense>,
): Promise<SubscriptionLicense> {
  const key = spender.idempotencyKey;
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw clientError('BAD_USER_INPUT', `An idempotency key has 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`, { field: 'idempotencyKey' });
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(Object.entries(request).sort())).digest('hex');
  return database.dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`subscriptions:idempotency:${spender.organizationId}:${key}`]);
    const idempotencyKeys = manager.getRepository(IdempotencyKeyEntity);
    const earlier = await idempotencyKeys.findOneBy({ organizationId: spender.organizationId, key });
    if (earlier) {
      if (earlier.requestFingerprint !== fingerprint) {
        throw clientError('IDEMPOTENCY_KEY_REUSED', 'That idempotency key was used for a different request.', { field: 'idempotencyKey' });
      }
      const license = await manager.getRepository(SubscriptionLicenseEntity).findOneBy({ id: earlier.licenseId });
      if (!license) throw new Error(`idempotency key ${key} names a licence that does not exist`);
      return license;
    }
    const license = await work(manager);
    await idempotencyKeys.insert({ organizationId: spender.organizationId, key, requestFingerprint: fingerprint, licenseId: license.id });
    return license;
  });
}

async function spend(
  manager: EntityManager,
  spender: Spender,
  movement: { kind: Exclude<CreditMovementKind, 'VOUCHER'>; cost: number; licenseId: string },
): Promise<void> {
  const [balance] = await selectRows(
    manager,
    CreditBalanceEntity,
    (columns) => `UPDATE subscriptions.credit_balance SET balance = balance - $2 WHERE organization_id = $1 AND balance >= $2 RETURNING ${columns}`,
    [spender.organizationId, movement.cost],
  );
  if (!balance) {
    throw clientError('INSUFFICIENT_CREDITS', `This costs ${movement.cost} credits, more than your balance.`, { cost: movement.cost });
  }
  await appendMovement(manager, spender, { kind: movement.kind, amount: -movement.cost, balanceAfter: balance.balance, licenseId: movement.licenseId });
}

async function appendMovement(
  manager: EntityManager,
  holder: { organizationId: string; actor: string },
  movement: { kind: CreditMovementKind; amount: number; balanceAfter: number; voucherCode?: string; licenseId?: string },
): Promise<void> {
  await manager.getRepository(CreditMovementEntity).insert({
    organizationId: holder.organizationId,
    kind: movement.kind,
    amount: movement.amount,
    balanceAfter: movement.balanceAfter,
    voucherCode: movement.voucherCode ?? null,
    licenseId: movement.licenseId ?? null,
    actor: holder.actor,
  });
}

async function lockExistingLicense(manager: EntityManager, id: string): Promise<SubscriptionLicense> {
  const license = isUuid(id) ? await lockLicense(manager, id) : null;
  if (!license) throw clientError('NOT_FOUND', 'There is no subscription licence with that id.', { field: 'subscriptionId' });
  return license;
}

function unknownVoucher() {
  return clientError('VOUCHER_UNKNOWN', 'No voucher with that code was issued; check it for typos.', { field: 'code' });
}
