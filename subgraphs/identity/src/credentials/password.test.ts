import { randomBytes, scryptSync } from 'node:crypto';
import {
  DEFAULT_SCRYPT_PARAMETERS,
  KEY_BYTES,
  SALT_BYTES,
  SCRYPT_N,
  SCRYPT_P,
  SCRYPT_R,
  hashPassword,
  validateNewPassword,
  verifyPassword,
  type ScryptParameters,
} from './password';

// Small N keeps the suite fast; one test below pins the production default.
const FAST: ScryptParameters = { N: 1024, r: 8, p: 1 };
const PASSWORD = 'correct horse battery staple';

describe('hashPassword and verifyPassword', () => {
  it('defaults to N=32768, r=8, p=1 with a 16-byte salt and a 32-byte key', async () => {
    expect(DEFAULT_SCRYPT_PARAMETERS).toEqual({ N: 32768, r: 8, p: 1 });
    expect([SCRYPT_N, SCRYPT_R, SCRYPT_P, SALT_BYTES, KEY_BYTES]).toEqual([32768, 8, 1, 16, 32]);

    const stored = await hashPassword(PASSWORD);

    const [algorithm, parameters, salt, key] = stored.split('$');
    expect(algorithm).toBe('scrypt');
    expect(parameters).toBe('N=32768,r=8,p=1');
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64url')).toHaveLength(32);
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it('accepts the password it hashed', async () => {
    const stored = await hashPassword(PASSWORD, FAST);
    expect(stored).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it('refuses a wrong password', async () => {
    const stored = await hashPassword(PASSWORD, FAST);
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts each hash, so two hashes of the same password differ', async () => {
    const first = await hashPassword(PASSWORD, FAST);
    const second = await hashPassword(PASSWORD, FAST);
    expect(first).not.toBe(second);
    await expect(verifyPassword(PASSWORD, first)).resolves.toBe(true);
    await expect(verifyPassword(PASSWORD, second)).resolves.toBe(true);
  });

  it('reads the parameters from the stored string, so a hash made with N=16384 verifies', async () => {
    const stored = await hashPassword(PASSWORD, { N: 16384, r: 8, p: 1 });
    expect(stored.startsWith('scrypt$N=16384,r=8,p=1$')).toBe(true);
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it('verifies a hash built independently with scryptSync (the format is the contract)', async () => {
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 2048, r: 4, p: 2 });
    const stored = `scrypt$N=2048,r=4,p=2$${salt.toString('base64url')}$${key.toString('base64url')}`;
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
    await expect(verifyPassword('not the password', stored)).resolves.toBe(false);
  });

  it('normalises Unicode, so composed and decomposed accents match', async () => {
    const stored = await hashPassword('mot de passe caf\u00e9', FAST);
    await expect(verifyPassword('mot de passe cafe\u0301', stored)).resolves.toBe(true);
  });

  it('returns false rather than throwing for a malformed stored string', async () => {
    const good = await hashPassword(PASSWORD, FAST);
    const [, , salt, key] = good.split('$');
    const malformed = [
      '',
      'not a hash',
      'scrypt',
      `argon2id$N=1024,r=8,p=1$${salt}$${key}`,
      `scrypt$N=1024,r=8$${salt}$${key}`,
      `scrypt$N=1000,r=8,p=1$${salt}$${key}`, // N not a power of two
      `scrypt$N=0,r=8,p=1$${salt}$${key}`,
      `scrypt$N=1024,r=0,p=1$${salt}$${key}`,
      `scrypt$N=1024,r=8,p=0$${salt}$${key}`,
      `scrypt$N=67108864,r=8,p=1$${salt}$${key}`, // would need gigabytes
      `scrypt$N=1024,r=8,p=1$${salt}`,
      `scrypt$N=1024,r=8,p=1$${salt}$`,
      `scrypt$N=1024,r=8,p=1$$${key}`,
      `scrypt$N=1024,r=8,p=1$${salt}$${key}$extra`,
      `scrypt$N=1024,r=8,p=1$${salt}$${key}==`,
      `scrypt$N=1024,r=8,p=1$${salt}$not+base64/url`,
      `scrypt$N=1024,r=8,p=1$AAAA$${key}`, // salt too short
      `scrypt$N=1024,r=8,p=1$${salt}$AAAA`, // key too short
      ` ${good}`,
    ];
    for (const stored of malformed) {
      await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(false);
    }
  });

  it('refuses invalid parameters up front, naming the actual value', async () => {
    await expect(hashPassword(PASSWORD, { N: 1000, r: 8, p: 1 })).rejects.toThrow(
      'hashPassword: invalid scrypt parameters: N must be a power of two from 2 to 1048576, got 1000',
    );
    await expect(hashPassword(PASSWORD, { N: 1024, r: 0, p: 1 })).rejects.toThrow(RangeError);
    await expect(hashPassword(PASSWORD, { N: 1024, r: 8, p: 1.5 })).rejects.toThrow('p must be an integer');
  });
});

describe('validateNewPassword', () => {
  it('accepts 12 to 256 characters', () => {
    expect(validateNewPassword('a'.repeat(12))).toBeNull();
    expect(validateNewPassword('a'.repeat(256))).toBeNull();
    expect(validateNewPassword(PASSWORD)).toBeNull();
  });

  it('refuses fewer than 12 characters', () => {
    expect(validateNewPassword('')).toBe('Password must be at least 12 characters long.');
    expect(validateNewPassword('a'.repeat(11))).toBe('Password must be at least 12 characters long.');
  });

  it('refuses more than 256 characters', () => {
    expect(validateNewPassword('a'.repeat(257))).toBe('Password must be at most 256 characters long.');
  });

  it('counts characters, not UTF-16 code units', () => {
    // Six emoji are twelve code units but six characters.
    expect(validateNewPassword('\u{1F511}'.repeat(6))).toBe('Password must be at least 12 characters long.');
    expect(validateNewPassword('\u{1F511}'.repeat(12))).toBeNull();
  });
});
