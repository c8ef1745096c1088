import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateEd25519KeyPair, generateSecretKey } from '@partnergraph/core';

export interface KeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * The development stack's signing keys, made on first start and kept under
 * the data directory (private keys readable by their owner only):
 * `internal-token` (the gateway signs subgraph requests) and `access-token`
 * (identity signs sessions). Production supplies its own through the
 * *_PRIVATE_KEY and *_PUBLIC_KEY variables.
 */
export async function loadOrCreateDevKeyPair(dataDir: string, name: 'internal-token' | 'access-token'): Promise<KeyPair> {
  const dir = join(dataDir, name);
  const privatePath = join(dir, 'private.pem');
  const publicPath = join(dir, 'public.pem');
  try {
    return { privateKeyPem: await readFile(privatePath, 'utf8'), publicKeyPem: await readFile(publicPath, 'utf8') };
  } catch {
    const keys = generateEd25519KeyPair();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(privatePath, keys.privateKeyPem, { mode: 0o600 });
    await writeFile(publicPath, keys.publicKeyPem, { mode: 0o644 });
    return keys;
  }
}

/**
 * The development stack's SECRET_ENCRYPTION_KEYS (one key, id `dev`), made on
 * first start and kept, readable by its owner only, at
 * `secret-encryption/keys` under the data directory. To rotate in
 * development, put a new `id:base64` entry first in that file (comma-separated).
 */
export async function loadOrCreateDevSecretKeys(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'secret-encryption');
  const path = join(dir, 'keys');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    const keys = generateSecretKey('dev');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(path, `${keys}\n`, { mode: 0o600 });
    return keys;
  }
}
