import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateInternalTokenKeys } from '@partnergraph/core';

export interface InternalKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}

/**
 * The development stack's gateway signing key, made on first start and kept
 * under the data directory (readable by its owner only). Production supplies
 * its own through INTERNAL_TOKEN_PRIVATE_KEY and INTERNAL_TOKEN_PUBLIC_KEY.
 */
export async function loadOrCreateInternalKeys(dataDir: string): Promise<InternalKeys> {
  const dir = join(dataDir, 'internal-token');
  const privatePath = join(dir, 'private.pem');
  const publicPath = join(dir, 'public.pem');
  try {
    return { privateKeyPem: await readFile(privatePath, 'utf8'), publicKeyPem: await readFile(publicPath, 'utf8') };
  } catch {
    const keys = generateInternalTokenKeys();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFile(privatePath, keys.privateKeyPem, { mode: 0o600 });
    await writeFile(publicPath, keys.publicKeyPem, { mode: 0o644 });
    return keys;
  }
}
