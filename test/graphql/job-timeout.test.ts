/**
 * Per-job time limits: a job running past its kind's limit is recorded as failed with the
 * reason, and its abort signal fires so the handler can stop.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import * as jobs from '../../src/jobs/job.service';

describe.each(enabledEngines())('job time limits on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  it('fails a job that outlives its limit, and aborts its signal', async () => {
    // The handler is registered here, with a flag of this test's own: a flag set by the other
    // engine's run (or by an earlier registration) cannot make this assertion pass.
    let aborted = false;
    const previous = jobs.registerJobKind({
      kind: 'test_slow',
      permission: 'network.write',
      timeoutMs: 100,
      validate: async () => ({}),
      run: (_ctx, _params, signal) =>
        new Promise((resolve) => {
          const done = setTimeout(() => resolve({ finished: true }), 5_000);
          signal.addEventListener('abort', () => {
            aborted = true;
            clearTimeout(done);
          });
        }),
    });
    try {
      const db = t.database.handle.db;
      const [op] = await rows<{ id: number }>(db, sql`select id from operators where code = 'demo'`);
      const job = await jobs.enqueue({ db, actor: { operatorId: op!.id, staffUserId: null, role: 'admin', surface: 'cli' } }, 'test_slow', {});
      await db.execute(sql`update background_jobs set created_at = created_at - interval '1 day' where id = ${job.id}`);
      expect(aborted).toBe(false);
      let done = await jobs.runOne(db);
      while (done && done.id !== job.id) done = await jobs.runOne(db);
      expect(done).toMatchObject({ id: job.id, status: 'failed', error: expect.stringContaining('timed out after 0.1 s') });
      expect(aborted).toBe(true);
    } finally {
      if (previous) jobs.registerJobKind(previous);
    }
  });
});
