/**
 * The counting behind the login throttle (see index.ts for the policy as a whole). Counters
 * live in an LRU map with a hard cap on entries, so an attacker spraying fresh usernames or
 * addresses costs a bounded amount of memory: past the cap the least recently touched counters
 * are dropped. The growth rule is ours (a free allowance, then 1 s, 2 s, 4 s … up to a cap,
 * forgotten after a quiet period); lru-cache only keeps the map bounded.
 *
 * Checks run concurrently, so counting only settled failures would let a burst of parallel
 * guesses all start before the first one fails. Attempts in flight therefore count against the
 * allowance too: when failures plus attempts in flight reach it, a new attempt on that key
 * waits for one in flight to settle and then looks again (refused if that one failed into a
 * block). A client that keeps succeeding is never refused this way, only queued briefly.
 */
import { LRUCache } from 'lru-cache';
import { TooManyAttemptsError } from '../shared/errors';

export interface LoginThrottleSettings {
  /** Failures of one credential from one address before the delays start. */
  freeAttempts: number;
  /** Failures from one address (all credentials together) before the delays start. */
  addressFreeAttempts: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest delay. */
  maxDelayMs: number;
  /** A counter without a new failure for this long (and not blocking) starts again from zero. */
  forgetAfterMs: number;
  /** Most counters kept in memory. */
  maxEntries: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = {
  freeAttempts: 5,
  addressFreeAttempts: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxEntries: 100_000,
};

/** One counter an attempt is charged to, with its free allowance. */
export interface ThrottleKey {
  key: string;
  freeAttempts: number;
}

/** Attempts queued behind one key before further ones are refused outright. */
const MAX_WAITING_PER_KEY = 1000;
/** Re-checks one attempt may make while queued; each follows a settled attempt, so this only guards against a livelock. */
const MAX_QUEUED_ROUNDS = 10_000;

interface InFlight {
  count: number;
  waiting: (() => void)[];
}

interface Counter {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

export class LoginThrottle {
  readonly settings: LoginThrottleSettings;
  private readonly counters: LRUCache<string, Counter>;
  private readonly inFlight = new Map<string, InFlight>();
  private refusedCount = 0;

  constructor(
    settings: Partial<LoginThrottleSettings> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.settings = { ...DEFAULT_LOGIN_THROTTLE, ...settings };
    this.counters = new LRUCache({ max: Math.max(1, this.settings.maxEntries) });
  }

  /**
   * Runs `check` charged to `keys`. Blocked: TooManyAttemptsError, `check` not run. Returned:
   * `onSuccess` keys are cleared. Threw an error `isFailure` accepts: a failure is counted on
   * every key. Other errors count nothing.
   */
  async run<T>(keys: readonly ThrottleKey[], onSuccess: readonly string[], check: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
    for (let round = 0; ; round++) {
      const waitMs = Math.max(0, ...keys.map((k) => this.waitFor(k.key)));
      if (waitMs > 0) this.refuse(waitMs);
      const saturated = keys.find((k) => this.saturated(k));
      if (!saturated) break;
      if (round >= MAX_QUEUED_ROUNDS) this.refuse(1000);
      await this.settled(saturated.key);
    }
    for (const k of keys) this.enter(k.key);
    try {
      const result = await check();
      for (const key of onSuccess) this.clear(key);
      return result;
    } catch (error) {
      if (isFailure(error)) for (const k of keys) this.fail(k.key, k.freeAttempts);
      throw error;
    } finally {
      for (const k of keys) this.leave(k.key);
    }
  }

  /** Milliseconds until `key` may try again; 0 when it is not blocked. */
  waitFor(key: string): number {
    const counter = this.current(key);
    return counter ? Math.max(0, counter.blockedUntil - this.now()) : 0;
  }

  /** Counts one failure; past the allowance, blocks the key for a delay that doubles each time. */
  fail(key: string, freeAttempts: number): void {
    const at = this.now();
    const counter = this.current(key) ?? { failures: 0, lastFailureAt: at, blockedUntil: 0 };
    counter.failures += 1;
    counter.lastFailureAt = at;
    const over = counter.failures - Math.max(1, freeAttempts);
    if (over >= 0) {
      // 2^over overflows to Infinity long after the cap applies; min() keeps it finite.
      const delay = Math.min(this.settings.baseDelayMs * 2 ** Math.min(over, 52), this.settings.maxDelayMs);
      counter.blockedUntil = Math.max(counter.blockedUntil, at + delay);
    }
    this.counters.set(key, counter);
  }

  /** Forgets a key's failures (a success). */
  clear(key: string): void {
    this.counters.delete(key);
  }

  get refusals(): number {
    return this.refusedCount;
  }

  get size(): number {
    return this.counters.size;
  }

  private refuse(waitMs: number): never {
    this.refusedCount += 1;
    throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  /** Failures plus attempts in flight have used up the allowance, and one is still running. */
  private saturated(k: ThrottleKey): boolean {
    const running = this.inFlight.get(k.key)?.count ?? 0;
    return running > 0 && (this.current(k.key)?.failures ?? 0) + running >= Math.max(1, k.freeAttempts);
  }

  /** Resolves when an attempt in flight on `key` settles. */
  private settled(key: string): Promise<void> {
    const entry = this.inFlight.get(key);
    if (!entry) return Promise.resolve();
    if (entry.waiting.length >= MAX_WAITING_PER_KEY) this.refuse(1000);
    return new Promise((resolve) => entry.waiting.push(resolve));
  }

  private enter(key: string): void {
    const entry = this.inFlight.get(key);
    if (entry) entry.count += 1;
    else this.inFlight.set(key, { count: 1, waiting: [] });
  }

  private leave(key: string): void {
    const entry = this.inFlight.get(key);
    if (!entry) return;
    entry.count -= 1;
    const waiting = entry.waiting.splice(0);
    if (entry.count <= 0) this.inFlight.delete(key);
    // Every queued attempt looks again; those still over the allowance queue up anew (behind
    // the entry that now exists or not, see run()).
    for (const wake of waiting) wake();
  }

  /** The key's counter, unless it has been quiet long enough to be forgotten. */
  private current(key: string): Counter | undefined {
    const counter = this.counters.get(key);
    if (!counter) return undefined;
    const at = this.now();
    if (at >= counter.blockedUntil && at - counter.lastFailureAt >= this.settings.forgetAfterMs) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }
}
