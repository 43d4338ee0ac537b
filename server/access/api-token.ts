import { createHash, randomBytes } from 'node:crypto';

/** Every API token starts with this, so a leaked one is recognisable in logs and scanners. */
export const TOKEN_PREFIX = 'ovb_';

/** A new random API token: 32 bytes from the OS's generator, base64url. Shown once, never stored. */
export function createApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * What the access file stores instead of a token: its SHA-256 in hex. A slow password hash would
 * add nothing: tokens carry 256 random bits, so no dictionary can guess them from the hash.
 */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
