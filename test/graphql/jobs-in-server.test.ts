import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';

// The server runs the job worker itself (RUN_JOBS, on by default): a job queued through
// GraphQL is carried out without anyone calling the worker by hand.
describe('the job worker inside the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { runJobs: true });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('carries out a queued job and reports its result', async () => {
    const queued = await t.gql<{ gpsDetailsUpdate: { job: { id: string; status: string }; userErrors: unknown[] } }>(
      'mutation { gpsDetailsUpdate(input: {}) { job { id status } userErrors { message } } }',
    );
    expect(queued.data.gpsDetailsUpdate.userErrors).toEqual([]);
    const id = queued.data.gpsDetailsUpdate.job.id;
    let status = queued.data.gpsDetailsUpdate.job.status;
    for (let i = 0; i < 50 && (status === 'QUEUED' || status === 'RUNNING'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const res = await t.gql<{ backgroundJob: { status: string } }>('query($id: ID!) { backgroundJob(id: $id) { status } }', { id });
      status = res.data.backgroundJob.status;
    }
    expect(status).toBe('SUCCEEDED');
  });
});
