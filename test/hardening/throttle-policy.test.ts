/**
 * The login throttle's rules on their own, on a clock the test moves: the free allowance,
 * delays that double up to a cap, forgetting after a quiet hour, a success clearing only its
 * own credential, other addresses untouched, IPv6 counted per /64, bounded memory, and a
 * burst of parallel guesses that cannot all slip in before the first one fails.
 */
import { describe, expect, it } from 'vitest';
import { TooManyAttemptsError, UnauthenticatedError } from '../../src/shared/errors';
import { configureLoginThrottle, loginThrottle, throttledLogin, type LoginAttempt } from '../../src/throttle';
import { addressBucket } from '../../src/throttle/address';

const wrong = async (): Promise<never> => {
  throw new UnauthenticatedError('invalid api_username/api_password');
};
const right = async () => 'actor';

/** A throttle on a clock that only moves when told to. */
function frozen(settings: Parameters<typeof configureLoginThrottle>[0]) {
  const clock = { now: 1_000_000 };
  configureLoginThrottle(settings, () => clock.now);
  return clock;
}

/** The outcome of one attempt: 'ok', 'refused' (the check ran and failed) or the wait in seconds. */
async function outcome(attempt: LoginAttempt, check: () => Promise<string>): Promise<string | number> {
  try {
    return await throttledLogin(attempt, check) === 'actor' ? 'ok' : 'other';
  } catch (error) {
    if (error instanceof TooManyAttemptsError) return error.retryAfterSeconds;
    if (error instanceof UnauthenticatedError) return 'refused';
    throw error;
  }
}

const alice = (clientIp = '198.51.100.7'): LoginAttempt => ({ kind: 'simpler', identifier: 'alice', clientIp });

describe('login throttle policy', () => {
  it('allows the free attempts, then blocks for delays that double up to the cap', async () => {
    const clock = frozen({ freeAttempts: 3, addressFreeAttempts: 1000, baseDelayMs: 1000, maxDelayMs: 8000 });
    for (let i = 0; i < 3; i++) expect(await outcome(alice(), wrong)).toBe('refused');
    expect(await outcome(alice(), wrong)).toBe(1);
    expect(await outcome(alice(), right)).toBe(1);

    const waits: number[] = [];
    let wait = 1;
    for (let round = 0; round < 6; round++) {
      clock.now += wait * 1000;
      expect(await outcome(alice(), wrong)).toBe('refused');
      wait = (await outcome(alice(), wrong)) as number;
      waits.push(wait);
    }
    // After the blocks of 1 s: 2, 4, 8, then the 8 s cap.
    expect(waits).toEqual([2, 4, 8, 8, 8, 8]);
  });

  it('refuses during a block without running the check, even with the right secret', async () => {
    frozen({ freeAttempts: 2, addressFreeAttempts: 1000 });
    let checks = 0;
    const counted = async () => {
      checks += 1;
      return wrong();
    };
    await outcome(alice(), counted);
    await outcome(alice(), counted);
    expect(checks).toBe(2);
    expect(await outcome(alice(), async () => (checks++, 'actor'))).toBe(1);
    expect(checks).toBe(2);
  });

  it('lets the same credential in from another address, and clears the counter on success', async () => {
    const clock = frozen({ freeAttempts: 2, addressFreeAttempts: 1000, baseDelayMs: 5000 });
    await outcome(alice(), wrong);
    await outcome(alice(), wrong);
    expect(await outcome(alice(), right)).toBe(5);
    expect(await outcome(alice('203.0.113.9'), right)).toBe('ok');

    clock.now += 5000;
    expect(await outcome(alice(), right)).toBe('ok');
    // Cleared: a new mistake is a first mistake again, not a longer block.
    expect(await outcome(alice(), wrong)).toBe('refused');
    expect(await outcome(alice(), right)).toBe('ok');
  });

  it('counts an address over all usernames, but keeps portal logins off the address count', async () => {
    frozen({ freeAttempts: 100, addressFreeAttempts: 3 });
    for (const name of ['a', 'b', 'c']) expect(await outcome({ kind: 'm4', identifier: name, clientIp: '192.0.2.1' }, wrong)).toBe('refused');
    expect(await outcome({ kind: 'm4', identifier: 'd', clientIp: '192.0.2.1' }, right)).toBe(1);
    expect(await outcome({ kind: 'bearer', identifier: 'token', clientIp: '192.0.2.2' }, right)).toBe('ok');

    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      expect(await outcome({ kind: 'portal', identifier: name, clientIp: '192.0.2.3', chargeAddress: false }, wrong)).toBe('refused');
    }
    expect(await outcome({ kind: 'crm', identifier: '5', clientIp: '192.0.2.3' }, right)).toBe('ok');
  });

  it('forgets failures after a quiet period', async () => {
    const clock = frozen({ freeAttempts: 2, addressFreeAttempts: 1000, forgetAfterMs: 60_000 });
    await outcome(alice(), wrong);
    clock.now += 60_000;
    await outcome(alice(), wrong);
    expect(await outcome(alice(), wrong)).toBe('refused');
    expect(await outcome(alice(), wrong)).toBe(1);
  });

  it('counts IPv6 clients per /64 and IPv4-mapped addresses as IPv4', async () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('1::5:6:7:8:1.2.3.4')).toBe('1:0:5:6::/64');
    expect(addressBucket('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket('not an address')).toBe('unknown');

    frozen({ freeAttempts: 2, addressFreeAttempts: 1000 });
    await outcome(alice('2001:db8:1:2::10'), wrong);
    await outcome(alice('2001:db8:1:2::11'), wrong);
    expect(await outcome(alice('2001:db8:1:2:ffff::12'), right)).toBe(1);
    expect(await outcome(alice('2001:db8:1:3::10'), right)).toBe('ok');
  });

  it('keeps at most maxEntries counters however many names are sprayed', async () => {
    frozen({ freeAttempts: 5, addressFreeAttempts: 1_000_000, maxEntries: 500 });
    for (let i = 0; i < 3000; i++) await outcome({ kind: 'simpler', identifier: `user${i}`, clientIp: `10.0.${i % 250}.1` }, wrong);
    expect(loginThrottle().size).toBeLessThanOrEqual(500);
  });

  it('lets only the free attempts of a parallel burst reach the check', async () => {
    frozen({ freeAttempts: 5, addressFreeAttempts: 1000 });
    let checks = 0;
    const slowWrong = async () => {
      checks += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return wrong();
    };
    const results = await Promise.all(Array.from({ length: 200 }, () => outcome(alice(), slowWrong)));
    expect(checks).toBe(5);
    expect(results.filter((r) => r === 'refused')).toHaveLength(5);
    expect(results.filter((r) => r === 1)).toHaveLength(195);
  });

  it('queues but never refuses a parallel burst of good logins', async () => {
    frozen({ freeAttempts: 2, addressFreeAttempts: 3 });
    const slowRight = async () => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return 'actor';
    };
    const results = await Promise.all(Array.from({ length: 100 }, () => outcome(alice(), slowRight)));
    expect(new Set(results)).toEqual(new Set(['ok']));
  });
});
