/**
 * Login throttle: failed logins on every surface (SIMPLer api credentials, CRM keys, M4
 * signatures, bearer tokens, portal logins) are counted per client address and per
 * (credential, address) pair; past a free allowance each further failure blocks that key for
 * a delay that doubles (1 s, 2 s, 4 s … up to 15 min), and attempts during a block are refused
 * with TooManyAttemptsError before any secret is looked at, so a flood costs no scrypt. A
 * success clears the credential's counter for that address only. Credentials are never
 * counted on their own, across addresses: an attacker hammering a username from elsewhere
 * cannot lock its owner out of their own address. The price is that an attacker spreading
 * over many addresses gets each address's allowance (with the defaults about 33 guesses per
 * address in the first hour, 4 an hour after that, over all usernames together); IPv6
 * addresses count per /64. Portal logins count per username only (see LoginAttempt), and
 * attempts still in flight count against the allowance (login-throttle.ts), so a parallel
 * burst gets no more tries than a sequential one. Identifiers are stored as SHA-256 digests,
 * never as sent. The
 * counters are in this process's memory (bounded): with several server processes each
 * counts on its own, so an attacker gets the allowance once per process.
 */
import { sha256Hex } from '../shared/secrets';
import { DomainError } from '../shared/errors';
import { addressBucket } from './address';
import { LoginThrottle, type LoginThrottleSettings, type ThrottleKey } from './login-throttle';

export { LoginThrottle, DEFAULT_LOGIN_THROTTLE, type LoginThrottleSettings } from './login-throttle';

/** Which kind of secret is being tried; part of the key, so a CRM user id and a SIMPLer username never share a counter. */
export type CredentialKind = 'simpler' | 'crm' | 'm4' | 'bearer' | 'portal' | 'staff';

export interface LoginAttempt {
  kind: CredentialKind;
  /** Who the caller claims to be: username, user id, or the secret itself for bearer tokens (digested here either way). */
  identifier: string;
  clientIp: string;
  /**
   * Whether failures also count against the address as a whole (default true). Portal logins
   * are checked by the operator's portal server on behalf of all its end users, so its address
   * says nothing about who is guessing: they count per portal username only.
   */
  chargeAddress?: boolean;
}

let current = new LoginThrottle();

/** Replaces the process's throttle (fresh counters) with these settings; the app does this at start. */
export function configureLoginThrottle(settings: Partial<LoginThrottleSettings> = {}, now?: () => number): LoginThrottle {
  current = new LoginThrottle(settings, now);
  return current;
}

export function loginThrottle(): LoginThrottle {
  return current;
}

/** A service's own rule: a refusal that means "wrong credentials". */
export type IsCredentialFailure = (error: unknown) => boolean;

const unauthenticated: IsCredentialFailure = (error) => error instanceof DomainError && error.code === 'UNAUTHENTICATED';

/**
 * Runs one login check under the throttle. Blocked: throws TooManyAttemptsError without
 * running `check`. Otherwise `check` runs; when it returns, the credential's counter for this
 * address is cleared; when it throws an error `isFailure` accepts (by default
 * UNAUTHENTICATED), the failure is counted and the error rethrown; other errors (an address
 * not on an access list, a database fault) pass through uncounted.
 */
export function throttledLogin<T>(attempt: LoginAttempt, check: () => Promise<T>, isFailure: IsCredentialFailure = unauthenticated): Promise<T> {
  const { keys, credential } = keysOf(attempt);
  return current.run(keys, [credential], check, isFailure);
}

/**
 * Whether this attempt would be refused now. A caller that already knows the credential (the
 * compiled read path's remembered tokens) asks this instead of running a check, and leaves a
 * refused caller to the normal path, which answers "too many failed attempts".
 */
export function loginBlocked(attempt: LoginAttempt): boolean {
  return keysOf(attempt).keys.some((k) => current.waitFor(k.key) > 0);
}

function keysOf(attempt: LoginAttempt): { keys: ThrottleKey[]; credential: string } {
  const bucket = addressBucket(attempt.clientIp);
  const credential = `${attempt.kind}:${sha256Hex(`${attempt.kind}\u0000${attempt.identifier}`).slice(0, 32)}@${bucket}`;
  const keys = [{ key: credential, freeAttempts: current.settings.freeAttempts }];
  if (attempt.chargeAddress !== false) keys.push({ key: `address:${bucket}`, freeAttempts: current.settings.addressFreeAttempts });
  return { keys, credential };
}
