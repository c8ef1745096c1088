import { ConfigError, generateEd25519KeyPair, generateSecretKey } from '@partnergraph/core';
import { readIdentityConfig } from './config';

const current = generateEd25519KeyPair();
const previous = generateEd25519KeyPair();
const environment = {
  ACCESS_TOKEN_PRIVATE_KEY: current.privateKeyPem,
  ACCESS_TOKEN_PUBLIC_KEY: current.publicKeyPem,
  SECRET_ENCRYPTION_KEYS: generateSecretKey('k1'),
};

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readIdentityConfig', () => {
  it('reads the current public key and then the previous ones, as PEM blocks one after the other (escaped newlines too)', () => {
    const config = readIdentityConfig({ ...environment, ACCESS_TOKEN_PUBLIC_KEY: `${current.publicKeyPem}${previous.publicKeyPem}`.replace(/\n/g, '\\n') });
    expect(config.accessTokenPublicKeys.map((pem) => pem.trim())).toEqual([current.publicKeyPem.trim(), previous.publicKeyPem.trim()]);
    expect(config.secretEncryptionKeys.map((key) => key.id)).toEqual(['k1']);
  });

  it('refuses a first public key that is not the private key’s own', () => {
    expect(problemsOf(() => readIdentityConfig({ ...environment, ACCESS_TOKEN_PUBLIC_KEY: `${previous.publicKeyPem}${current.publicKeyPem}` }))).toEqual([
      'ACCESS_TOKEN_PUBLIC_KEY: expected the public half of ACCESS_TOKEN_PRIVATE_KEY first (then the previous public keys), got another key first',
    ]);
  });

  it('refuses text between the public keys, and starts nowhere without SECRET_ENCRYPTION_KEYS', () => {
    expect(problemsOf(() => readIdentityConfig({ ...environment, ACCESS_TOKEN_PUBLIC_KEY: `${current.publicKeyPem} junk ${previous.publicKeyPem}` }))).toEqual([
      'ACCESS_TOKEN_PUBLIC_KEY: expected one or more PEM-encoded public keys (-----BEGIN PUBLIC KEY-----), one after the other, got a value not shown here',
    ]);
    expect(problemsOf(() => readIdentityConfig({ ...environment, SECRET_ENCRYPTION_KEYS: undefined }))).toEqual([
      'SECRET_ENCRYPTION_KEYS: expected a comma-separated list of keyId:base64 entries (each key 32 bytes; ids unique, of letters, digits, _ or -), it is not set',
    ]);
  });
});
