import { randomBytes, scrypt, timingSafeEqual, type BinaryLike, type ScryptOptions } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Password hashing with scrypt (memory-hard). A stored hash describes itself,
 * PHC style:
 *
 *   scrypt$N=32768,r=8,p=1$<salt, base64url>$<key, base64url>
 *
 * verifyPassword reads N, r and p from the stored string, so the defaults can
 * be raised later without invalidating existing hashes (rehash on next sign-in).
 *
 * Passwords are NFC-normalised before hashing, so the same password typed on
 * platforms that compose accents differently still matches.
 */
export const SCRYPT_ALGORITHM = 'scrypt';
export const SCRYPT_N = 32768;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
export const SALT_BYTES = 16;
export const KEY_BYTES = 32;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface ScryptParameters {
  /** CPU/memory cost; a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

export const DEFAULT_SCRYPT_PARAMETERS: Readonly<ScryptParameters> = Object.freeze({
  N: SCRYPT_N,
  r: SCRYPT_R,
  p: SCRYPT_P,
});

/**
 * Bounds on parameters, whether passed in or read from a stored hash, so a
 * corrupted stored string cannot make verification allocate gigabytes.
 */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;
const MIN_STORED_SALT_BYTES = 8;
const MIN_STORED_KEY_BYTES = 16;
const MAX_STORED_BYTES = 64;

const scryptAsync = promisify(scrypt) as (
  password: BinaryLike,
  salt: BinaryLike,
  keylen: number,
  options: ScryptOptions,
) => Promise<Buffer>;

const STORED_PATTERN = /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function parametersProblem({ N, r, p }: ScryptParameters): string | null {
  if (!Number.isInteger(N) || N < 2 || N > MAX_N || (N & (N - 1)) !== 0) {
    return `N must be a power of two from 2 to ${MAX_N}, got ${String(N)}`;
  }
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) return `r must be an integer from 1 to ${MAX_R}, got ${String(r)}`;
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) return `p must be an integer from 1 to ${MAX_P}, got ${String(p)}`;
  if (128 * N * r > MAX_MEMORY_BYTES) {
    return `128 * N * r must be at most ${MAX_MEMORY_BYTES} bytes, got N=${N}, r=${r}`;
  }
  return null;
}

function derive(password: string, salt: Buffer, keyLength: number, { N, r, p }: ScryptParameters): Promise<Buffer> {
  // scrypt needs about 128 * N * r bytes; allow twice that.
  return scryptAsync(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 128 * N * r * 2 });
}

function decodeBase64url(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64url');
  // Reject non-canonical encodings (stray trailing bits) so one hash has one spelling.
  return bytes.toString('base64url') === text ? bytes : null;
}

interface StoredHash {
  parameters: ScryptParameters;
  salt: Buffer;
  key: Buffer;
}

function parseStoredHash(stored: string): StoredHash | null {
  const match = STORED_PATTERN.exec(stored);
  if (!match) return null;
  const [, n, r, p, saltText, keyText] = match;
  if (n === undefined || r === undefined || p === undefined || saltText === undefined || keyText === undefined) {
    return null;
  }
  const parameters: ScryptParameters = { N: Number(n), r: Number(r), p: Number(p) };
  if (parametersProblem(parameters) !== null) return null;
  const salt = decodeBase64url(saltText);
  const key = decodeBase64url(keyText);
  if (!salt || salt.length < MIN_STORED_SALT_BYTES || salt.length > MAX_STORED_BYTES) return null;
  if (!key || key.length < MIN_STORED_KEY_BYTES || key.length > MAX_STORED_BYTES) return null;
  return { parameters, salt, key };
}

export function formatStoredHash({ N, r, p }: ScryptParameters, salt: Buffer, key: Buffer): string {
  return `${SCRYPT_ALGORITHM}$N=${N},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/**
 * Hashes a password with a fresh 16-byte salt. `parameters` defaults to
 * DEFAULT_SCRYPT_PARAMETERS; pass smaller ones only in tests.
 */
export async function hashPassword(
  password: string,
  parameters: ScryptParameters = DEFAULT_SCRYPT_PARAMETERS,
): Promise<string> {
  const problem = parametersProblem(parameters);
  if (problem !== null) throw new RangeError(`hashPassword: invalid scrypt parameters: ${problem}`);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, parameters);
  return formatStoredHash(parameters, salt, key);
}

/**
 * True when `password` matches `stored`. A malformed or unrecognised stored
 * string yields false rather than an error.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const candidate = await derive(password, parsed.salt, parsed.key.length, parsed.parameters);
  return timingSafeEqual(candidate, parsed.key);
}

/**
 * Null when `password` is acceptable as a new password, otherwise the reason
 * it is not. Length is counted in Unicode code points.
 */
export function validateNewPassword(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  }
  return null;
}
