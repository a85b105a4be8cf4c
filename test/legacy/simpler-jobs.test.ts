/**
 * SIMPLer updateWibFiles, updateGPSdetails, updateBucketsFromSubscription and
 * synchronizeCustomer/MaintenanceAttachments over SOAP and REST/JSON: each answers OK once a
 * background job with the right kind and parameters is recorded (seen through GraphQL
 * backgroundJobs), refuses bad input with ERROR and queues nothing, and the worker then does
 * the work (or records that it could not) — OK never claims more than the queueing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/global-id';
import * as jobs from '../../src/jobs/job.service';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeCustomer } from '../helpers/fixtures';
import { rows } from '../helpers/sql';
import { callText, DIALECTS, type Dialect } from '../helpers/simpler';

type Job = { legacyId: number; kind: string; status: string; params: Record<string, unknown>; result: Record<string, unknown> | null; error: string | null };
const JOB = 'legacyId kind status params result error';

describe.each(enabledEngines())('SIMPLer background-job operations on %s', (engine) => {
  let t: TestApp;
  let root: string;
  let operatorId: number;
  let gateway: { id: number; wib: number };
  const db = () => t.database.handle.db;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(db(), query);
  const jobCount = async () => Number((await q<{ n: number }>(sql`select count(*)::int as n from background_jobs`))[0]!.n);

  /** The newest job, as GraphQL shows it. */
  const latestJob = async () => {
    const res = await t.gql<{ backgroundJobs: { nodes: Job[] } }>(`{ backgroundJobs(first: 1) { nodes { ${JOB} } } }`);
    expect(res.errors).toBeUndefined();
    return res.data.backgroundJobs.nodes[0]!;
  };
  /** Runs every queued job (as the worker does), then reads one back through GraphQL. */
  const runAndFetch = async (legacyId: number) => {
    while (await jobs.runOne(db()));
    const res = await t.gql<{ backgroundJob: Job }>(`query($id: ID!) { backgroundJob(id: $id) { ${JOB} } }`, { id: toGlobalId('BackgroundJob', legacyId) });
    return res.data.backgroundJob;
  };
  /** Calls the operation, expecting OK and exactly one new job; returns it. */
  const queued = async (dialect: Dialect, operation: string, params: Record<string, string | number>) => {
    const before = await jobCount();
    expect(await callText(dialect, t.url, operation, params)).toBe('OK');
    expect(await jobCount()).toBe(before + 1);
    const job = await latestJob();
    expect(job.status).toBe('QUEUED');
    return job;
  };
  /** Calls the operation, expecting exactly `error` and no job recorded. */
  const refused = async (dialect: Dialect, operation: string, params: Record<string, string | number>, error: string | RegExp) => {
    const before = await jobCount();
    const reply = await callText(dialect, t.url, operation, params);
    if (typeof error === 'string') expect(reply, JSON.stringify(params)).toBe(error);
    else expect(reply, JSON.stringify(params)).toMatch(error);
    expect(await jobCount()).toBe(before);
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ispgraph-simpler-jobs-'));
    process.env.WIB_FILES_DIR = path.join(root, 'wib');
    process.env.ATTACHMENTS_DIR = path.join(root, 'attachments');
    t = await startTestApp(engine);
    operatorId = (await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id;
    gateway = (await q<{ id: number; wib: number }>(sql`select id, wib_number as wib from gateways where operator_id = ${operatorId} order by id limit 1`))[0]!;
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  describe.each(DIALECTS)('over %s', (dialect) => {
    it("updateWibFiles queues the gateway's file rewrite, which the worker writes", async () => {
      const job = await queued(dialect, 'updateWibFiles', { wibnumber: gateway.wib, force: 1 });
      expect(job).toMatchObject({ kind: 'UPDATE_WIB_FILES', params: { gatewayId: gateway.id, wibNumber: gateway.wib, force: true } });
      const done = await runAndFetch(job.legacyId);
      expect(done).toMatchObject({ status: 'SUCCEEDED', result: { wibNumber: gateway.wib, written: true, path: path.join(root, 'wib', `op${operatorId}-wib${gateway.wib}.conf`) } });
      expect((await queued(dialect, 'updateWibFiles', { wibnumber: gateway.wib })).params).toEqual({ gatewayId: gateway.id, wibNumber: gateway.wib, force: false });
    });

    it('updateWibFiles refuses an unknown WIB, a missing number and a bad force flag', async () => {
      await refused(dialect, 'updateWibFiles', { wibnumber: 987654 }, 'ERROR: no gateway has wibNumber 987654');
      await refused(dialect, 'updateWibFiles', {}, 'ERROR: wibnumber is required');
      await refused(dialect, 'updateWibFiles', { wibnumber: gateway.wib, force: 'maybe' }, 'ERROR: force: expected 1 or 0 (got "maybe")');
    });

    it('updateGPSdetails queues filling the missing coordinates for every customer', async () => {
      const job = await queued(dialect, 'updateGPSdetails', {});
      expect(job).toMatchObject({ kind: 'UPDATE_GPS_DETAILS', params: { customerId: null } });
      expect((await runAndFetch(job.legacyId)).status).toBe('SUCCEEDED');
    });

    it('updateBucketsFromSubscription queues the regrouping, for one account or all', async () => {
      expect((await queued(dialect, 'updateBucketsFromSubscription', { customerid: 1, force: 1 })).params).toEqual({ customerId: 1, force: true });
      const all = await queued(dialect, 'updateBucketsFromSubscription', {});
      expect(all).toMatchObject({ kind: 'UPDATE_BUCKETS_FROM_SUBSCRIPTION', params: { customerId: null, force: false } });
      expect((await runAndFetch(all.legacyId)).status).toBe('SUCCEEDED');
      await refused(dialect, 'updateBucketsFromSubscription', { customerid: 999999 }, 'ERROR: customer 999999 does not exist');
      await refused(dialect, 'updateBucketsFromSubscription', { customerid: 'one' }, 'ERROR: customerid: expected a whole number (got "one")');
    });

    it('synchronizeCustomerAttachments queues the sync, and the worker records the matching files once', async () => {
      const customer = await makeCustomer(db(), operatorId, `sync${dialect}`);
      const dir = path.join(root, 'attachments', 'customers', String(customer));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'contract.pdf'), 'x'.repeat(42));
      writeFileSync(path.join(dir, 'notes.txt'), 'n');
      const params = { customerid: customer, filenameregexp: '\\.pdf$', description: 'Signed contract', rights: '{"billing information","maintenance"}', mode: 'electronic_document' };
      const job = await queued(dialect, 'synchronizeCustomerAttachments', params);
      expect(job).toMatchObject({
        kind: 'SYNC_CUSTOMER_ATTACHMENTS',
        params: { customerId: customer, filenameRegexp: '\\.pdf$', description: 'Signed contract', rights: ['billing_information', 'maintenance'], mode: 'electronic_document' },
      });
      const done = await runAndFetch(job.legacyId);
      expect(done).toMatchObject({ status: 'SUCCEEDED', error: null, result: { matching: 1, added: [{ filename: 'contract.pdf', sizeBytes: 42 }] } });
      const recorded = () =>
        q(sql`select filename, description, rights::text as rights, mode, storage_path from attachments where customer_id = ${customer} order by filename`);
      expect(await recorded()).toEqual([
        { filename: 'contract.pdf', description: 'Signed contract', rights: '{billing_information,maintenance}', mode: 'electronic_document', storage_path: `customers/${customer}/contract.pdf` },
      ]);
      // A second run adds nothing new.
      const again = await runAndFetch((await queued(dialect, 'synchronizeCustomerAttachments', params)).legacyId);
      expect(again.result).toMatchObject({ added: [], alreadyRecorded: 1 });
      expect(await recorded()).toHaveLength(1);
    });

    it('synchronizeCustomerAttachments answers OK on queueing, and the job records its failure honestly', async () => {
      const customer = await makeCustomer(db(), operatorId, `nodir${dialect}`);
      const job = await queued(dialect, 'synchronizeCustomerAttachments', { customerid: customer, filenameregexp: '.*', description: 'd', rights: '{maintenance}' });
      const done = await runAndFetch(job.legacyId);
      expect(done).toMatchObject({ status: 'FAILED', result: null, error: `the attachment store has no directory customers/${customer}` });
    });

    it('synchronizeCustomerAttachments refuses bad regexps, rights, modes and unknown customers', async () => {
      const base = { customerid: 1, filenameregexp: '.*', description: 'd', rights: '{"billing information","maintenance"}' };
      await refused(dialect, 'synchronizeCustomerAttachments', { ...base, filenameregexp: '[unclosed' }, /^ERROR: not a valid regular expression/);
      await refused(dialect, 'synchronizeCustomerAttachments', { ...base, filenameregexp: '(a+)+$' }, /^ERROR: the regular expression nests repetitions/);
      await refused(dialect, 'synchronizeCustomerAttachments', { ...base, rights: '{"billin information", "maintenance"}' }, /^ERROR: "billin information" is not a right; allowed: billing information, maintenance/);
      await refused(dialect, 'synchronizeCustomerAttachments', { ...base, rights: 'maintenance' }, 'ERROR: rights must be a PostgreSQL array literal like {"billing information", "maintenance"}');
      await refused(dialect, 'synchronizeCustomerAttachments', { ...base, mode: 'paper' }, 'ERROR: mode: must be one of electronic_document (got "paper")');
      await refused(dialect, 'synchronizeCustomerAttachments', { ...base, customerid: 999999 }, 'ERROR: customer 999999 does not exist');
      await refused(dialect, 'synchronizeCustomerAttachments', { customerid: 1, filenameregexp: '.*' }, 'ERROR: description is required; rights is required');
    });

    it('synchronizeMaintenanceAttachments queues the sync with the date added, and the worker records the files', async () => {
      const [ticket] = await q<{ id: number }>(sql`insert into maintenance_tickets (operator_id, customer_id, title) values (${operatorId}, 1, ${`Realignment ${dialect}`}) returning id`);
      const dir = path.join(root, 'attachments', 'tickets', String(ticket!.id));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'photo1.jpg'), 'p');
      writeFileSync(path.join(dir, 'log.txt'), 'l');
      const job = await queued(dialect, 'synchronizeMaintenanceAttachments', { issuenumber: ticket!.id, filenameregexp: '^photo', description: 'Site photos', dateadded: '2024-05-06 10:30' });
      expect(job).toMatchObject({
        kind: 'SYNC_MAINTENANCE_ATTACHMENTS',
        params: { maintenanceTicketId: ticket!.id, filenameRegexp: '^photo', description: 'Site photos', dateAdded: '2024-05-06T10:30:00.000Z' },
      });
      expect((await runAndFetch(job.legacyId)).status).toBe('SUCCEEDED');
      expect(await q(sql`select filename, description, date_added = '2024-05-06T10:30:00Z'::timestamptz as dated from attachments where maintenance_ticket_id = ${ticket!.id}`)).toEqual([
        { filename: 'photo1.jpg', description: 'Site photos', dated: true },
      ]);
    });

    it('synchronizeMaintenanceAttachments refuses unknown tickets, unreadable dates and missing parameters', async () => {
      const base = { issuenumber: 1, filenameregexp: '.*', description: 'd', dateadded: '2024-05-06' };
      await refused(dialect, 'synchronizeMaintenanceAttachments', { ...base, issuenumber: 999999 }, 'ERROR: maintenance ticket 999999 does not exist');
      for (const dateadded of ['next week', '02/30/2024', '2024-02-30', '5']) {
        await refused(dialect, 'synchronizeMaintenanceAttachments', { ...base, dateadded }, 'ERROR: dateadded must be a date as YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]');
      }
      await refused(dialect, 'synchronizeMaintenanceAttachments', { issuenumber: 1, filenameregexp: '.*', description: 'd' }, 'ERROR: dateadded is required');
    });
  });
});
