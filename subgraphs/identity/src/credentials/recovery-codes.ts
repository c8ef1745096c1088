import { createHash, randomInt } from 'node:crypto';
import { EntitySchema } from 'typeorm';

/**
 * One-time recovery codes, shown to the user once and stored only as hashes.
 *
 * The alphabet leaves out 0, O, 1, I and L, which are easily confused when
 * read off paper, so 31 symbols remain (log2 31 ≈ 4.95 bits each). Ten
 * symbols would give only 49.5 bits, so a code is two groups of six
 * (XXXXXX-XXXXXX): 12 symbols, about 59.5 bits of entropy.
 */
export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECOVERY_CODE_GROUPS = 2;
export const RECOVERY_CODE_GROUP_LENGTH = 6;
export const RECOVERY_CODE_LENGTH = RECOVERY_CODE_GROUPS * RECOVERY_CODE_GROUP_LENGTH;
export const RECOVERY_CODE_ENTROPY_BITS = RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length);
export const DEFAULT_RECOVERY_CODE_COUNT = 10;
const MAX_RECOVERY_CODE_COUNT = 100;

/** A user's recovery code as stored: its hash, and when it was spent. */
export interface RecoveryCode {
  userId: string;
  codeHash: string;
  usedAt: Date | null;
}

export const RecoveryCodeEntity = new EntitySchema<RecoveryCode>({
  name: 'RecoveryCode',
  tableName: 'recovery_code',
  columns: {
    userId: { name: 'user_id', type: 'uuid', primary: true },
    codeHash: { name: 'code_hash', type: 'text', primary: true },
    usedAt: { name: 'used_at', type: 'timestamptz', nullable: true },
  },
});

function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let group = 0; group < RECOVERY_CODE_GROUPS; group += 1) {
    let text = '';
    for (let index = 0; index < RECOVERY_CODE_GROUP_LENGTH; index += 1) {
      // randomInt draws uniformly (no modulo bias).
      text += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
    }
    groups.push(text);
  }
  return groups.join('-');
}

/** `count` distinct codes such as `7KQ2XM-HC9TPW`. */
export function generateRecoveryCodes(count: number = DEFAULT_RECOVERY_CODE_COUNT): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_RECOVERY_CODE_COUNT) {
    throw new RangeError(
      `generateRecoveryCodes: count must be an integer from 1 to ${MAX_RECOVERY_CODE_COUNT}, got ${String(count)}`,
    );
  }
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateRecoveryCode());
  return [...codes];
}

/** Upper case, with dashes and whitespace removed: how a typed code is compared. */
export function normaliseRecoveryCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * SHA-256 (hex) of the normalised code, for storage and lookup.
 *
 * A fast hash is deliberate: a recovery code carries ~59 bits of randomness,
 * so unlike a password it cannot be guessed from a dictionary, and a
 * slow, salted hash (scrypt) would add cost without adding protection while
 * preventing lookup by hash.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code), 'utf8').digest('hex');
}
