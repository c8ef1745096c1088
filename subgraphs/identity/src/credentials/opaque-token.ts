import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets we hand out (invitation links, refresh tokens): 32 random
 * bytes, URL-safe. Only their SHA-256 is stored; with 256 bits of entropy a
 * fast hash is enough, and it lets the database look them up by hash.
 */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
