import { randomBytes } from 'node:crypto';
import { ConfigError, readConfig, settings } from './config';
import { createSecretBox, generateSecretKey, SecretBoxError, UnknownSecretKeyError, type SecretKey } from './secret-box';

const keyA: SecretKey = { id: 'a', key: randomBytes(32) };
const keyB: SecretKey = { id: 'b-2026', key: randomBytes(32) };
const AAD = 'identity.user_account.totp_secret:0b8e1c9e-2f43-4a5e-9f55-3d0f6c1d2a10';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Replaces part `index` (0 version, 1 key id, 2 iv, 3 ciphertext, 4 tag) of a sealed value. */
function withPart(sealed: string, index: number, change: (part: string) => string): string {
  const parts = sealed.split(':');
  parts[index] = change(parts[index] ?? '');
  return parts.join(':');
}

/** Flips the lowest bit of the first byte of a base64url part. */
function flipFirstByte(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return bytes.toString('base64url');
}

describe('secret box', () => {
  const box = createSecretBox([keyA]);

  it('opens what it sealed, and the sealed form names the key and holds neither the text nor its bytes', () => {
    const sealed = box.seal(SECRET, AAD);
    expect(sealed).toMatch(/^v1:a:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain(SECRET);
    expect(sealed).not.toContain(Buffer.from(SECRET).toString('base64url'));
    expect(box.keyIdOf(sealed)).toBe('a');
    expect(box.open(sealed, AAD)).toBe(SECRET);
  });

  it('seals the same text differently each time (a fresh IV)', () => {
    expect(box.seal(SECRET, AAD)).not.toBe(box.seal(SECRET, AAD));
  });

  it.each([
    ['the ciphertext', 3],
    ['the IV', 2],
    ['the tag', 4],
  ])('refuses a value whose %s was altered', (_name, index) => {
    const tampered = withPart(box.seal(SECRET, AAD), index, flipFirstByte);
    expect(() => box.open(tampered, AAD)).toThrow(SecretBoxError);
  });

  it('refuses a value moved to another row or column (other associated data)', () => {
    const sealed = box.seal(SECRET, AAD);
    expect(() => box.open(sealed, AAD.replace('0b8e1c9e', '1b8e1c9e'))).toThrow(
      'the sealed value does not authenticate (altered, or moved from another row or column)',
    );
    expect(() => box.open(sealed, AAD.replace('totp_secret', 'totp_pending_secret'))).toThrow(SecretBoxError);
  });

  it('refuses a value relabelled with another key id it holds', () => {
    const both = createSecretBox([keyA, keyB]);
    const relabelled = withPart(both.seal(SECRET, AAD), 1, () => 'b-2026');
    expect(() => both.open(relabelled, AAD)).toThrow(SecretBoxError);
  });

  it('names an unknown key id in a clear error, without the key material or the value', () => {
    const sealed = createSecretBox([keyB]).seal(SECRET, AAD);
    let thrown: unknown;
    try {
      box.open(sealed, AAD);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnknownSecretKeyError);
    expect((thrown as UnknownSecretKeyError).keyId).toBe('b-2026');
    expect((thrown as Error).message).toBe(
      'the value is sealed under key id "b-2026", which SECRET_ENCRYPTION_KEYS does not hold: add that key back (after the current one)',
    );
  });

  it('refuses what is not a sealed value, and says plain text is not sealed', () => {
    expect(() => box.open(SECRET, AAD)).toThrow('the value is not a sealed secret');
    expect(() => box.open('v1:a:short:x:y', AAD)).toThrow('the sealed value is malformed');
    expect(box.keyIdOf(SECRET)).toBeNull();
  });

  it('seals under the first key and still opens values sealed under the others', () => {
    const old = box.seal(SECRET, AAD);
    const rotated = createSecretBox([keyB, keyA]);
    expect(rotated.currentKeyId).toBe('b-2026');
    expect(rotated.keyIds).toEqual(['b-2026', 'a']);
    expect(rotated.open(old, AAD)).toBe(SECRET);
    expect(rotated.keyIdOf(rotated.seal(SECRET, AAD))).toBe('b-2026');
  });
});

describe('SECRET_ENCRYPTION_KEYS', () => {
  const read = (raw: string | undefined) => readConfig({ keys: { variable: 'SECRET_ENCRYPTION_KEYS', setting: settings.secretKeys() } }, { SECRET_ENCRYPTION_KEYS: raw }).keys;
  const problems = (raw: string | undefined): readonly string[] => {
    try {
      read(raw);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };
  const base64 = (bytes: number) => randomBytes(bytes).toString('base64');

  it('reads keys in order, the first current; generateSecretKey writes that form', () => {
    const second = base64(32);
    const keys = read(`${generateSecretKey('2026-05')}, old:${second}`);
    expect(keys.map((key) => key.id)).toEqual(['2026-05', 'old']);
    expect(keys[1]?.key).toEqual(Buffer.from(second, 'base64'));
    expect(keys[0]?.key).toHaveLength(32);
  });

  it('reads URL-safe base64 too', () => {
    const key = randomBytes(32);
    expect(read(`k:${key.toString('base64url')}`)[0]?.key).toEqual(key);
  });

  it.each([
    ['a key of 16 bytes', `a:${base64(16)}`],
    ['a key of 33 bytes', `a:${base64(33)}`],
    ['a repeated id', `a:${base64(32)},a:${base64(32)}`],
    ['no id', `:${base64(32)}`],
    ['an id with a space', `a b:${base64(32)}`],
    ['no key', 'a'],
    ['not base64', `a:${'!'.repeat(44)}`],
    ['an empty entry', `a:${base64(32)},`],
  ])('refuses %s without showing the value', (_name, raw) => {
    expect(problems(raw)).toEqual([
      'SECRET_ENCRYPTION_KEYS: expected a comma-separated list of keyId:base64 entries (each key 32 bytes; ids unique, of letters, digits, _ or -), got a value not shown here',
    ]);
  });

  it('is required', () => {
    expect(problems(undefined)[0]).toMatch(/^SECRET_ENCRYPTION_KEYS: expected .*, it is not set$/);
  });
});
