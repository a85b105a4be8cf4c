/**
 * Hashing of secrets we only ever compare (passwords, API keys, bearer tokens).
 * Passwords use scrypt with a per-secret salt; bearer tokens and API keys are long random
 * strings, so a SHA-256 lookup hash is enough and lets us find them by index.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptRaw = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

/** scrypt runs so far in this process: the CPU spent on passwords, for /metrics and the throttle tests. */
let kdfRuns = 0;
export function passwordHashRuns(): number {
  return kdfRuns;
}

function scrypt(password: string, salt: Buffer, keylen: number, options: object): Promise<Buffer> {
  kdfRuns += 1;
  return scryptRaw(password, salt, keylen, options);
}

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

/**
 * A password hash no password matches, with the same cost as real ones: checked when the user
 * is unknown, so an unknown user costs the same scrypt as a known user with a wrong password
 * and neither the answer nor its timing says which it was.
 */
let decoy: Promise<string> | null = null;
export function decoyPasswordHash(): Promise<string> {
  return (decoy ??= hashPassword(randomToken(18)));
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings (e.g. hex digests). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** API keys are long and random: a fast, indexed SHA-256 hash is enough to store them. */
export function hashApiKey(key: string): string {
  return `sha256$${sha256Hex(key)}`;
}

/** Checks a secret against either kind of stored hash (scrypt password or SHA-256 API key). */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  if (stored.startsWith('sha256$')) return safeEqual(hashApiKey(secret), stored);
  return verifyPassword(secret, stored);
}
