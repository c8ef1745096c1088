import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226): HMAC-SHA1,
 * 6 digits, 30-second steps, the parameters every authenticator app supports.
 * Secrets travel as RFC 4648 base32 without padding.
 *
 * verifyTotp returns the time-step counter it matched. To refuse a replayed
 * code, store the last accepted counter per user and accept a code only when
 * its counter is strictly greater.
 */
export const TOTP_ALGORITHM = 'SHA1';
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_SECRET_BYTES = 20;
export const TOTP_DEFAULT_WINDOW = 1;
const MAX_WINDOW = 10;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, upper case, without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return output;
}

/**
 * Decodes RFC 4648 base32. Case-insensitive; ignores spaces and trailing `=`
 * padding (as people and apps write secrets); throws on any other character.
 */
export function base32Decode(text: string): Buffer {
  const cleaned = text.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of cleaned) {
    const value = BASE32_ALPHABET.indexOf(char);
    if (value === -1) throw new RangeError(`base32Decode: invalid base32 character ${JSON.stringify(char)}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A fresh 160-bit secret (the size RFC 4226 recommends for SHA-1), base32 without padding. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(TOTP_SECRET_BYTES));
}

/**
 * HOTP (RFC 4226): HMAC-SHA1 of the 8-byte big-endian counter, dynamically
 * truncated to `digits` decimal digits. Exported for the RFC test vectors.
 */
export function hotp(secret: Uint8Array, counter: number, digits: number = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError(`hotp: counter must be a non-negative safe integer, got ${String(counter)}`);
  }
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) {
    throw new RangeError(`hotp: digits must be an integer from 6 to 8, got ${String(digits)}`);
  }
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time-step counter for an instant. */
export function totpCounter(at: Date): number {
  const milliseconds = at.getTime();
  if (!Number.isFinite(milliseconds) || milliseconds < 0) {
    throw new RangeError(`totp: time must be a valid date at or after 1970-01-01, got ${String(at)}`);
  }
  return Math.floor(milliseconds / 1000 / TOTP_PERIOD_SECONDS);
}

function decodeSecret(secretBase32: string): Buffer {
  const secret = base32Decode(secretBase32);
  if (secret.length === 0) throw new RangeError('totp: the secret is empty');
  return secret;
}

/** The 6-digit code for the time step containing `at`. */
export function totpCode(secretBase32: string, at: Date): string {
  return hotp(decodeSecret(secretBase32), totpCounter(at));
}

export interface VerifyTotpOptions {
  /** Steps accepted on each side of the current one, for clock drift. Default 1. */
  window?: number;
}

/**
 * The time-step counter `code` matches, within `window` steps either side of
 * `at`, or null. Anything but exactly six ASCII digits is refused. Every
 * candidate is computed and compared in constant time.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  options: VerifyTotpOptions = {},
): number | null {
  const window = options.window ?? TOTP_DEFAULT_WINDOW;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new RangeError(`verifyTotp: window must be an integer from 0 to ${MAX_WINDOW}, got ${String(window)}`);
  }
  const secret = decodeSecret(secretBase32);
  const current = totpCounter(at);
  if (typeof code !== 'string' || !/^[0-9]{6}$/.test(code)) return null;
  const given = Buffer.from(code, 'ascii');

  // Current step first, then nearest neighbours: the first match in this order wins.
  const offsets = [0];
  for (let step = 1; step <= window; step += 1) offsets.push(-step, step);

  let matched: number | null = null;
  for (const offset of offsets) {
    const counter = current + offset;
    if (counter < 0) continue;
    const expected = Buffer.from(hotp(secret, counter), 'ascii');
    if (timingSafeEqual(expected, given) && matched === null) matched = counter;
  }
  return matched;
}

export interface OtpauthUriInput {
  secretBase32: string;
  accountName: string;
  issuer: string;
}

/**
 * The `otpauth://` key URI that authenticator apps read from a QR code:
 * `otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`.
 * Issuer and account name are percent-encoded (a space becomes %20); neither may contain a colon.
 */
export function otpauthUri({ secretBase32, accountName, issuer }: OtpauthUriInput): string {
  for (const [name, value] of [
    ['issuer', issuer],
    ['accountName', accountName],
  ] as const) {
    if (value.length === 0 || value.includes(':')) {
      throw new RangeError(`otpauthUri: ${name} must be non-empty and contain no colon, got ${JSON.stringify(value)}`);
    }
  }
  const secret = base32Encode(decodeSecret(secretBase32));
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = [
    `secret=${secret}`,
    `issuer=${encodeURIComponent(issuer)}`,
    `algorithm=${TOTP_ALGORITHM}`,
    `digits=${TOTP_DIGITS}`,
    `period=${TOTP_PERIOD_SECONDS}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}
