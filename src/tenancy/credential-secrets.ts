/**
 * The random secrets an operator's credentials are made of, drawn in one place: the admin CLI,
 * GraphQL administration, staff login and the benchmark generator (src/db/seed/generator.ts)
 * all issue them from here, so every issued secret has the same strength and shape. Each is
 * shown once to whoever asked for it and stored only hashed (the M4 secret excepted, see
 * operators.m4ApiSecret).
 */
import { randomBytes } from 'node:crypto';
import { hashApiKey, sha256Hex } from '../shared/secrets';

/** Bearer tokens: 32 random bytes (256 bits); the `isp_` prefix lets secret scanners recognise them. */
export function newApiToken(): string {
  return `isp_${randomBytes(32).toString('base64url')}`;
}

/** What api_tokens stores of a token: its SHA-256, the lookup key the bearer check uses. */
export function apiTokenHash(token: string): string {
  return sha256Hex(token);
}

/** Generated passwords (SIMPLer api_password, generated staff passwords): 18 random bytes, 24 characters. */
export function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** CRM api keys: 25 random bytes as 50 hex digits, the shape of the CRM document's own keys. */
export function newCrmKey(): string {
  return randomBytes(25).toString('hex');
}

/** How a CRM key is stored: `sha256$…` (a long random key needs no slow hash). */
export function crmKeyHash(key: string): string {
  return hashApiKey(key);
}

/** M4 API secrets: 20 random bytes as 40 hex digits (stored readable: M4's signature needs it). */
export function newM4Secret(): string {
  return randomBytes(20).toString('hex');
}
