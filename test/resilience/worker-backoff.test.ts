/**
 * The job worker while the database is unavailable: it backs off (doubling pauses up to the cap)
 * instead of polling every interval, reports the outage once when it starts and once when it
 * ends instead of an error per poll, and resumes by itself. The outage is simulated by a
 * database handle whose every call fails the way postgres.js does when the server refuses
 * connections; afterwards the same handle forwards to a real (embedded) database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { startWorker } from '../../src/jobs/worker';
import { createTestDatabase, type TestDatabase } from '../helpers/engines';

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

describe('the job worker during a database outage', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await database.handle.migrate();
  });
  afterAll(() => database.drop());

  it('backs off, logs the outage once at each end, and resumes when the database answers', async () => {
    let down = true;
    let attempts = 0;
    const real = database.handle.db;
    // Every top-level call (select, update, transaction, execute…) fails while `down`.
    const flaky = new Proxy(real, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (down) {
            attempts++;
            throw refused();
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as Database;

    const events: string[] = [];
    const errors: unknown[] = [];
    const worker = startWorker(flaky, {
      intervalMs: 5,
      scheduleEveryMs: 0,
      staleAfterMs: 0,
      backoff: { initialMs: 20, maxMs: 80 },
      onError: (error) => errors.push(error),
      onOutage: (event) => events.push(event.state),
    });
    try {
      await new Promise((r) => setTimeout(r, 600));
      // Polling every 5 ms would have made ~120 attempts; pauses of 20, 40, 80, 80… allow about 10.
      expect(attempts).toBeGreaterThanOrEqual(4);
      expect(attempts).toBeLessThanOrEqual(12);
      expect(events).toEqual(['down']);
      expect(errors).toEqual([]);

      down = false;
      const deadline = Date.now() + 2000;
      while (!events.includes('up') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(events).toEqual(['down', 'up']);
      expect(errors).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it('still reports other errors every time (they are not an outage)', async () => {
    const errors: unknown[] = [];
    const events: string[] = [];
    const broken = new Proxy(database.handle.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function'
          ? () => {
              throw new Error('column "nope" does not exist');
            }
          : value;
      },
    }) as Database;
    const worker = startWorker(broken, { intervalMs: 20, scheduleEveryMs: 0, staleAfterMs: 0, onError: (e) => errors.push(e), onOutage: (e) => events.push(e.state) });
    await new Promise((r) => setTimeout(r, 200));
    await worker.stop();
    expect(events).toEqual([]);
    expect(errors.length).toBeGreaterThanOrEqual(2);
  });
});
