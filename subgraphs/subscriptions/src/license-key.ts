import { createHash, randomBytes } from 'node:crypto';
import { EntitySchema } from 'typeorm';

/**
 * Licence keys and voucher codes: 25 characters of Crockford's base32 (digits
 * and A-Z without I, L, O, U), shown as five groups of five. The first 23 are
 * random (115 bits); the last 2 are a CRC-10 of them, so any one mistyped
 * character, and any two neighbours swapped, is caught before the database is
 * asked (a CRC of degree 10 detects every error burst of up to 10 bits).
 * Input is read leniently: case, spaces and hyphens do not matter, and O, I and
 * L are read as 0, 1 and 1, as Crockford's alphabet prescribes.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const READ_AS: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };
const PAYLOAD_LENGTH = 23;
const CHECK_LENGTH = 2;
export const CODE_LENGTH = PAYLOAD_LENGTH + CHECK_LENGTH;
const GROUP_LENGTH = 5;
/** CRC-10/ATM: x^10 + x^9 + x^5 + x^4 + x + 1. */
const CRC10_POLYNOMIAL = 0x233;

export type CodeProblem = 'MALFORMED' | 'CHECK_FAILED';

/** A code as stored and shown: uppercase, grouped ("ABCDE-FGHJK-…"). */
export function newCode(): string {
  return codeFromBytes(randomBytes(PAYLOAD_LENGTH));
}

/** The same code for the same seed: for demo data that the README can list. Never for real keys. */
export function codeFromSeed(seed: string): string {
  return codeFromBytes(createHash('sha256').update(seed).digest().subarray(0, PAYLOAD_LENGTH));
}

function codeFromBytes(bytes: Uint8Array): string {
  // 256 is a multiple of 32, so every character is equally likely.
  const payload = Array.from(bytes, (byte) => ALPHABET[byte % 32] ?? '0').join('');
  return formatCode(payload + checkCharacters(payload));
}

/** The canonical form of what someone typed, or why it cannot be a code. */
export function parseCode(input: string): { code: string } | { problem: CodeProblem } {
  const characters = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[OIL]/g, (letter) => READ_AS[letter] ?? letter);
  if (characters.length !== CODE_LENGTH || [...characters].some((character) => !ALPHABET.includes(character))) {
    return { problem: 'MALFORMED' };
  }
  const payload = characters.slice(0, PAYLOAD_LENGTH);
  if (characters.slice(PAYLOAD_LENGTH) !== checkCharacters(payload)) return { problem: 'CHECK_FAILED' };
  return { code: formatCode(characters) };
}

function formatCode(characters: string): string {
  const groups: string[] = [];
  for (let start = 0; start < characters.length; start += GROUP_LENGTH) groups.push(characters.slice(start, start + GROUP_LENGTH));
  return groups.join('-');
}

function checkCharacters(payload: string): string {
  let crc = 0;
  for (const character of payload) {
    const symbol = ALPHABET.indexOf(character);
    for (let bit = 4; bit >= 0; bit--) {
      const feedback = ((crc >> 9) & 1) ^ ((symbol >> bit) & 1);
      crc = (crc << 1) & 0x3ff;
      if (feedback) crc ^= CRC10_POLYNOMIAL & 0x3ff;
    }
  }
  return `${ALPHABET[crc >> 5] ?? '0'}${ALPHABET[crc & 0x1f] ?? '0'}`;
}

/** A licence key as stored: issued for a product, term and allowance, and redeemed at most once, for one customer. */
export interface LicenseKey {
  /** As newCode makes it. */
  code: string;
  product: string;
  termMonths: number;
  deviceAllowance: number;
  installerEmails: string[];
  /** ISO date (YYYY-MM-DD). */
  issuedOn: string;
  issuedBy: string;
  redeemedAt: Date | null;
  /** The customer organization it was redeemed for. */
  redeemedFor: string | null;
  redeemedBy: string | null;
  /** The licence it made or extended. */
  licenseId: string | null;
}

export const LicenseKeyEntity = new EntitySchema<LicenseKey>({
  name: 'LicenseKey',
  tableName: 'license_key',
  columns: {
    code: { type: 'text', primary: true },
    product: { type: 'text' },
    termMonths: { name: 'term_months', type: 'integer' },
    deviceAllowance: { name: 'device_allowance', type: 'integer' },
    installerEmails: { name: 'installer_emails', type: 'text', array: true },
    issuedOn: { name: 'issued_on', type: 'date' },
    issuedBy: { name: 'issued_by', type: 'text' },
    redeemedAt: { name: 'redeemed_at', type: 'timestamptz', nullable: true },
    redeemedFor: { name: 'redeemed_for', type: 'uuid', nullable: true },
    redeemedBy: { name: 'redeemed_by', type: 'text', nullable: true },
    licenseId: { name: 'license_id', type: 'uuid', nullable: true },
  },
});
