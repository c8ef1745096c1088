import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets the database must read back (TOTP secrets) are stored sealed with
 * AES-256-GCM: `v1:<keyId>:<iv>:<ciphertext>:<tag>`, each part base64url. The
 * key id travels with the value, so old keys keep opening what they sealed
 * while a new one seals new writes. The caller names where the value lives
 * (table, column, row id) as additional authenticated data: a sealed value
 * copied to another row or column does not open.
 */
export const SEALED_PREFIX = 'v1:';
const ALGORITHM = 'aes-256-gcm';
export const SECRET_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface SecretKey {
  id: string;
  key: Buffer;
}

export class SecretBoxError extends Error {
  override readonly name: string = 'SecretBoxError';
}

/** The value was sealed under a key id the configuration no longer holds. */
export class UnknownSecretKeyError extends SecretBoxError {
  override readonly name = 'UnknownSecretKeyError';
  constructor(readonly keyId: string) {
    super(`the value is sealed under key id "${keyId}", which SECRET_ENCRYPTION_KEYS does not hold: add that key back (after the current one)`);
  }
}

/**
 * Reads `keyId:base64,keyId:base64,…` (the first seals new writes). Strict:
 * every key is exactly 32 bytes of standard or URL-safe base64, ids are
 * letters, digits, `_` or `-` and unique. Null when anything is off.
 */
export function parseSecretKeys(raw: string): SecretKey[] | null {
  const entries = raw.split(',').map((entry) => entry.trim());
  const keys: SecretKey[] = [];
  for (const entry of entries) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    const encoded = entry.slice(separator + 1);
    if (separator < 1 || !KEY_ID_PATTERN.test(id) || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return null;
    const key = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length !== SECRET_KEY_BYTES || keys.some((known) => known.id === id)) return null;
    keys.push({ id, key });
  }
  return keys.length > 0 ? keys : null;
}

/** A fresh key in the form SECRET_ENCRYPTION_KEYS reads (`keyId:base64`). */
export function generateSecretKey(id: string): string {
  if (!KEY_ID_PATTERN.test(id)) throw new RangeError(`generateSecretKey: a key id is 1 to 64 letters, digits, _ or -, got ${JSON.stringify(id)}`);
  return `${id}:${randomBytes(SECRET_KEY_BYTES).toString('base64')}`;
}

export interface SecretBox {
  /** The key id new values are sealed under. */
  readonly currentKeyId: string;
  /** Every key id that opens values, the current one first. */
  readonly keyIds: readonly string[];
  seal(plaintext: string, associatedData: string): string;
  /** Throws UnknownSecretKeyError for a key id it does not hold, SecretBoxError for anything that does not authenticate. */
  open(sealed: string, associatedData: string): string;
  /** The key id a stored value is sealed under, or null when it is not sealed (plain text from before encryption). */
  keyIdOf(stored: string): string | null;
}

export function createSecretBox(keys: readonly SecretKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new RangeError('createSecretBox: at least one key is needed');
  const byId = new Map(keys.map((key) => [key.id, key.key]));
  if (byId.size !== keys.length) throw new RangeError('createSecretBox: key ids must be unique');
  for (const { id, key } of keys) {
    if (key.length !== SECRET_KEY_BYTES) throw new RangeError(`createSecretBox: key "${id}" is not ${SECRET_KEY_BYTES} bytes`);
  }
  const keyIdOf = (stored: string): string | null => (stored.startsWith(SEALED_PREFIX) ? (stored.split(':')[1] ?? '') : null);
  return {
    currentKeyId: current.id,
    keyIds: keys.map((key) => key.id),
    keyIdOf,
    seal(plaintext, associatedData) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [SEALED_PREFIX + current.id, iv, ciphertext, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join(':');
    },
    open(sealed, associatedData) {
      const parts = sealed.split(':');
      if (parts.length !== 5 || `${parts[0]}:` !== SEALED_PREFIX) throw new SecretBoxError('the value is not a sealed secret');
      const [, keyId = '', iv = '', ciphertext = '', tag = ''] = parts;
      const key = byId.get(keyId);
      if (!key) throw new UnknownSecretKeyError(keyId);
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('the sealed value is malformed');
      try {
        const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('the sealed value does not authenticate (altered, or moved from another row or column)');
      }
    },
  };
}
