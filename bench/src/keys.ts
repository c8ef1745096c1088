import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateEd25519KeyPair, generateSecretKey } from '@partnergraph/core';

export type KeyPair = ReturnType<typeof generateEd25519KeyPair>;

/** Fresh signing keys for one benchmark run; nothing is kept after it. */
export interface StackKeys {
  /** The gateway signs subgraph requests with it; so do Hive Gateway and the direct calls. */
  internalToken: KeyPair;
  /** Identity's key for access tokens; the benchmark signs its callers' tokens with it. */
  accessToken: KeyPair;
  /** Identity's SECRET_ENCRYPTION_KEYS (one key). */
  secretEncryption: string;
  /** The internal private key in a file only its owner reads, for the load workers. */
  internalTokenPrivateKeyFile: string;
}

export async function createStackKeys(workDir: string): Promise<StackKeys> {
  const internalToken = generateEd25519KeyPair();
  const internalTokenPrivateKeyFile = join(workDir, 'internal-token-private.pem');
  await writeFile(internalTokenPrivateKeyFile, internalToken.privateKeyPem, { mode: 0o600 });
  return { internalToken, accessToken: generateEd25519KeyPair(), secretEncryption: generateSecretKey('bench'), internalTokenPrivateKeyFile };
}
