/**
 * Background jobs through GraphQL and the worker API: each kind queued by its mutation, run by
 * `runOne`, and checked for its real effect (files written, rows recorded, groups and
 * coordinates changed); failures recorded as such; concurrent claims never shared; refused
 * input queues nothing.
 */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/global-id';
import { setAdapters } from '../../src/jobs/adapters';
import * as jobs from '../../src/jobs/job.service';
import { startWorker } from '../../src/jobs/worker';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { makeCustomer } from '../helpers/fixtures';
import { rows } from '../helpers/sql';

type UserErrors = { field: string[]; message: string; code: string }[];
type JobOut = { id: string; legacyId: number; kind: string; status: string; attempts: number; params: Record<string, unknown>; result: Record<string, unknown> | null; error: string | null; startedAt: string | null; finishedAt: string | null };
const JOB = 'id legacyId kind status attempts params result error createdAt startedAt finishedAt';

describe.each(enabledEngines())('background jobs on %s', (engine) => {
  let t: TestApp;
  let operatorId: number;
  let root: string;
  const db = () => t.database.handle.db;
  const q = <T>(query: ReturnType<typeof sql>) => rows<T>(db(), query);
  const jobCount = async () => Number((await q<{ n: number }>(sql`select count(*)::int as n from background_jobs`))[0]!.n);
  const ok = async <T>(query: string, variables?: Record<string, unknown>) => {
    const res = await t.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const request = async (mutation: string, inputType: string, input: Record<string, unknown>) =>
    (await ok<Record<string, { job: JobOut | null; userErrors: UserErrors }>>(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { job { ${JOB} } userErrors { field message code } } }`,
      { input },
    ))[mutation]!;
  /** Runs queued jobs until none is left; returns the one with `legacyId` as GraphQL shows it. */
  const runAndFetch = async (legacyId: number) => {
    while (await jobs.runOne(db()));
    const data = await ok<{ backgroundJob: JobOut | null }>(`query($id: ID!) { backgroundJob(id: $id) { ${JOB} } }`, { id: toGlobalId('BackgroundJob', legacyId) });
    return data.backgroundJob!;
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'ispgraph-jobs-'));
    process.env.WIB_FILES_DIR = path.join(root, 'wib');
    process.env.ATTACHMENTS_DIR = path.join(root, 'attachments');
    t = await startTestApp(engine);
    operatorId = (await q<{ id: number }>(sql`select id from operators where code = 'demo'`))[0]!.id;
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes a gateway provisioning file atomically, and rewrites it only when changed or forced', async () => {
    const [gw] = await q<{ id: number; wib: number }>(sql`select id, wib_number as wib from gateways where operator_id = ${operatorId} order by id limit 1`);
    const expected = await q<{ ip: string | null; customer_id: number }>(sql`select host(i.ip) as ip, i.customer_id from customer_ips i join customers c on c.id = i.customer_id
      where i.gateway_id = ${gw!.id} or (i.gateway_id is null and c.gateway_id = ${gw!.id}) order by i.customer_id, i.id`);
    expect(expected.length).toBeGreaterThan(0);
    const first = await request('wibFilesUpdate', 'WibFilesUpdateInput', { gatewayId: toGlobalId('Gateway', gw!.id) });
    expect(first.userErrors).toEqual([]);
    expect(first.job).toMatchObject({ kind: 'UPDATE_WIB_FILES', status: 'QUEUED', attempts: 0, params: { gatewayId: gw!.id, wibNumber: gw!.wib, force: false } });
    const done = await runAndFetch(first.job!.legacyId);
    expect(done).toMatchObject({ status: 'SUCCEEDED', attempts: 1, error: null });
    expect(done.startedAt && done.finishedAt).toBeTruthy();
    const file = path.join(root, 'wib', `op${operatorId}-wib${gw!.wib}.conf`);
    expect(done.result).toMatchObject({ path: file, written: true, entries: expected.length });
    const content = readFileSync(file, 'utf8');
    const body = content.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(body).toHaveLength(expected.length);
    for (const [i, e] of expected.entries()) expect(body[i]!.split('\t')[0]).toBe(String(e.customer_id));
    for (const e of expected) if (e.ip) expect(content).toContain(`\t${e.ip}\t`);
    expect(readdirSync(path.join(root, 'wib'))).toEqual([path.basename(file)]); // no temp file left

    // Unchanged content: not rewritten; forced: rewritten; a change in the data: rewritten.
    writeFileSync(file, content); // same bytes, new mtime irrelevant: compare by hash
    const again = await request('wibFilesUpdate', 'WibFilesUpdateInput', { gatewayId: toGlobalId('Gateway', gw!.id) });
    expect((await runAndFetch(again.job!.legacyId)).result).toMatchObject({ written: false });
    const forced = await request('wibFilesUpdate', 'WibFilesUpdateInput', { gatewayId: toGlobalId('Gateway', gw!.id), force: true });
    expect((await runAndFetch(forced.job!.legacyId)).result).toMatchObject({ written: true });
    writeFileSync(file, 'stale\n');
    const stale = await request('wibFilesUpdate', 'WibFilesUpdateInput', { gatewayId: toGlobalId('Gateway', gw!.id) });
    expect((await runAndFetch(stale.job!.legacyId)).result).toMatchObject({ written: true });
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('fills coordinates for known towns and reports the addresses it cannot place', async () => {
    const kinsale = await makeCustomer(db(), operatorId, 'gpskinsale', { town: 'kinsale ', street1: '1 Pier Road' });
    const nowhere = await makeCustomer(db(), operatorId, 'gpsnowhere', { town: 'Atlantis', street1: '2 Sunken Street' });
    const installed = await makeCustomer(db(), operatorId, 'gpsinstall', { town: 'Atlantis', installStreet1: 'Main St', installTown: 'Tralee' });
    const placed = await makeCustomer(db(), operatorId, 'gpsplaced', { town: 'Atlantis', latitude: '10.000000', longitude: '20.000000' });
    const req = await request('gpsDetailsUpdate', 'GpsDetailsUpdateInput', {});
    expect(req.userErrors).toEqual([]);
    const done = await runAndFetch(req.job!.legacyId);
    expect(done.status).toBe('SUCCEEDED');
    const coords = await q<{ id: number; lat: string | null; lon: string | null }>(
      sql`select id, latitude::text as lat, longitude::text as lon from customers where id in (${kinsale}, ${nowhere}, ${installed}, ${placed}) order by id`,
    );
    expect(coords).toEqual([
      { id: kinsale, lat: '51.705900', lon: '-8.522200' },
      { id: nowhere, lat: null, lon: null },
      { id: installed, lat: '52.271300', lon: '-9.699900' },
      { id: placed, lat: '10.000000', lon: '20.000000' },
    ]);
    const result = done.result as { filled: { customerId: number }[]; unplaced: { customerId: number; address: string }[] };
    expect(result.unplaced).toContainEqual({ customerId: nowhere, address: '2 Sunken Street, Atlantis' });
    expect(result.filled.map((f) => f.customerId)).toEqual(expect.arrayContaining([kinsale, installed]));
    expect(result.filled.map((f) => f.customerId)).not.toContain(nowhere);
    expect(result.filled.map((f) => f.customerId)).not.toContain(placed);
  });

  it('moves RADIUS accounts to the active plan group, inserting missing rows only when forced', async () => {
    const customer = await makeCustomer(db(), operatorId, 'bucket1');
    const [plan] = await q<{ id: number }>(sql`insert into plans (operator_id, name, radius_group) values (${operatorId}, 'Bucket Gold', 'gold-100') returning id`);
    const [oldPlan] = await q<{ id: number }>(sql`insert into plans (operator_id, name, radius_group) values (${operatorId}, 'Bucket Old', 'old-10') returning id`);
    await q(sql`insert into subscriptions (operator_id, customer_id, plan_id, valid_from, valid_to) values (${operatorId}, ${customer}, ${oldPlan!.id}, '2020-01-01', '2020-12-31')`);
    await q(sql`insert into subscriptions (operator_id, customer_id, plan_id, valid_from) values (${operatorId}, ${customer}, ${plan!.id}, '2021-01-01')`);
    await q(sql`insert into radius_accounts (operator_id, customer_id, username) values (${operatorId}, ${customer}, 'bucket1-a'), (${operatorId}, ${customer}, 'bucket1-b')`);
    await q(sql`insert into radius_accounts (operator_id, customer_id, username, exclude_from_auto_group_from_bucket) values (${operatorId}, ${customer}, 'bucket1-x', true)`);
    await q(sql`insert into radusergroup (operator_id, customer_id, username, groupname) values (${operatorId}, ${customer}, 'bucket1-a', 'old-10'), (${operatorId}, ${customer}, 'bucket1-x', 'custom')`);
    const groups = () => q<{ username: string; groupname: string }>(sql`select username, groupname from radusergroup where customer_id = ${customer} order by username, id`);

    const req = await request('bucketsFromSubscriptionUpdate', 'BucketsFromSubscriptionUpdateInput', { customerId: toGlobalId('Customer', customer) });
    expect(req.userErrors).toEqual([]);
    const done = await runAndFetch(req.job!.legacyId);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.result).toMatchObject({ changes: [{ customerId: customer, username: 'bucket1-a', from: 'old-10', to: 'gold-100' }] });
    expect(await groups()).toEqual([{ username: 'bucket1-a', groupname: 'gold-100' }, { username: 'bucket1-x', groupname: 'custom' }]);

    const forced = await request('bucketsFromSubscriptionUpdate', 'BucketsFromSubscriptionUpdateInput', { customerId: toGlobalId('Customer', customer), force: true });
    const forcedDone = await runAndFetch(forced.job!.legacyId);
    expect(forcedDone.result).toMatchObject({ changes: [{ username: 'bucket1-b', from: null, to: 'gold-100' }] });
    expect(await groups()).toEqual([
      { username: 'bucket1-a', groupname: 'gold-100' },
      { username: 'bucket1-b', groupname: 'gold-100' },
      { username: 'bucket1-x', groupname: 'custom' },
    ]);
  });

  it('records matching files of the drop as customer and ticket attachments, once', async () => {
    const customer = await makeCustomer(db(), operatorId, 'attach1');
    const dir = path.join(root, 'attachments', 'customers', String(customer));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'contract.pdf'), 'x'.repeat(123));
    writeFileSync(path.join(dir, 'survey.PDF'), 'y');
    writeFileSync(path.join(dir, 'notes.txt'), 'z');
    const input = { customerId: toGlobalId('Customer', customer), filenameRegexp: '\\.(pdf|PDF)$', description: 'Signed docs', rights: ['BILLING_INFORMATION', 'MAINTENANCE'], mode: 'electronic_document' };
    const req = await request('customerAttachmentsSync', 'CustomerAttachmentsSyncInput', input);
    expect(req.userErrors).toEqual([]);
    expect(req.job!.params).toMatchObject({ rights: ['billing_information', 'maintenance'] });
    const done = await runAndFetch(req.job!.legacyId);
    expect(done.status).toBe('SUCCEEDED');
    expect((done.result as { added: { filename: string }[] }).added.map((a) => a.filename)).toEqual(['contract.pdf', 'survey.PDF']);
    const recorded = () =>
      q<{ filename: string; description: string; rights: string; mode: string; size_bytes: number; storage_path: string }>(
        sql`select filename, description, rights::text as rights, mode, size_bytes::int as size_bytes, storage_path from attachments where customer_id = ${customer} order by filename`,
      );
    expect(await recorded()).toEqual([
      { filename: 'contract.pdf', description: 'Signed docs', rights: '{billing_information,maintenance}', mode: 'electronic_document', size_bytes: 123, storage_path: `customers/${customer}/contract.pdf` },
      { filename: 'survey.PDF', description: 'Signed docs', rights: '{billing_information,maintenance}', mode: 'electronic_document', size_bytes: 1, storage_path: `customers/${customer}/survey.PDF` },
    ]);
    writeFileSync(path.join(dir, 'extra.pdf'), 'e');
    const again = await runAndFetch((await request('customerAttachmentsSync', 'CustomerAttachmentsSyncInput', input)).job!.legacyId);
    expect(again.result).toMatchObject({ added: [{ filename: 'extra.pdf' }], alreadyRecorded: 2 });
    expect(await recorded()).toHaveLength(3);

    const [ticket] = await q<{ id: number }>(sql`insert into maintenance_tickets (operator_id, customer_id, title) values (${operatorId}, ${customer}, 'Dish realignment') returning id`);
    const tdir = path.join(root, 'attachments', 'tickets', String(ticket!.id));
    mkdirSync(tdir, { recursive: true });
    writeFileSync(path.join(tdir, 'photo1.jpg'), 'p');
    writeFileSync(path.join(tdir, 'log.txt'), 'l');
    const treq = await request('maintenanceAttachmentsSync', 'MaintenanceAttachmentsSyncInput', {
      maintenanceTicketId: toGlobalId('MaintenanceTicket', ticket!.id), filenameRegexp: '^photo', description: 'Site photos', createdAt: '2026-01-02T03:04:05Z',
    });
    expect(treq.userErrors).toEqual([]);
    expect((await runAndFetch(treq.job!.legacyId)).status).toBe('SUCCEEDED');
    expect(await q(sql`select filename, description, date_added = '2026-01-02T03:04:05Z'::timestamptz as dated from attachments where maintenance_ticket_id = ${ticket!.id}`)).toEqual([
      { filename: 'photo1.jpg', description: 'Site photos', dated: true },
    ]);

    // A customer with no directory in the drop: the job fails and says so, nothing recorded.
    const other = await makeCustomer(db(), operatorId, 'attach2');
    const missing = await runAndFetch((await request('customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...input, customerId: toGlobalId('Customer', other) })).job!.legacyId);
    expect(missing).toMatchObject({ status: 'FAILED', result: null });
    expect(missing.error).toContain(`customers/${other}`);
  });

  it('records a failing handler as failed with its error, and the worker carries on', async () => {
    const restore = setAdapters({ geocoder: { geocode: async () => { throw new Error('geocoder unreachable: 503'); } } });
    try {
      await makeCustomer(db(), operatorId, 'gpsfail', { town: 'Cork' });
      const failing = await request('gpsDetailsUpdate', 'GpsDetailsUpdateInput', {});
      const after = await request('planChangesApply', 'PlanChangesApplyInput', {});
      const seen: number[] = [];
      const worker = startWorker(db(), { intervalMs: 10, onJob: (job) => seen.push(job.id) });
      const deadline = Date.now() + 10_000;
      while (seen.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await worker.stop();
      expect(seen).toEqual([failing.job!.legacyId, after.job!.legacyId]);
      const [f] = await q<{ status: string; error: string; result: unknown; finished: boolean }>(
        sql`select status, error, result, finished_at is not null as finished from background_jobs where id = ${failing.job!.legacyId}`,
      );
      expect(f).toEqual({ status: 'failed', error: 'geocoder unreachable: 503', result: null, finished: true });
      expect((await q<{ status: string }>(sql`select status from background_jobs where id = ${after.job!.legacyId}`))[0]!.status).toBe('succeeded');
      const listed = await ok<{ backgroundJobs: { totalCount: number; nodes: { legacyId: number; error: string }[] } }>(
        `{ backgroundJobs(filter: { status: FAILED, kind: UPDATE_GPS_DETAILS }) { totalCount nodes { legacyId error } } }`,
      );
      expect(listed.backgroundJobs.nodes).toEqual([{ legacyId: failing.job!.legacyId, error: 'geocoder unreachable: 503' }]);
      expect(listed.backgroundJobs.totalCount).toBe(Number((await q<{ n: number }>(sql`select count(*)::int as n from background_jobs where status = 'failed' and kind = 'update_gps_details'`))[0]!.n));
    } finally {
      setAdapters(restore);
    }
  });

  it('stops only after the job in hand is recorded, and requeues jobs abandoned by a dead worker', async () => {
    while (await jobs.runOne(db()));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const restore = setAdapters({
      geocoder: {
        geocode: async () => {
          entered();
          await new Promise((r) => setTimeout(r, 300));
          return null;
        },
      },
    });
    try {
      await makeCustomer(db(), operatorId, 'gpsslow', { town: 'Nowhere' });
      const req = await request('gpsDetailsUpdate', 'GpsDetailsUpdateInput', {});
      const worker = startWorker(db(), { intervalMs: 10, staleAfterMs: 0 });
      await inside;
      await worker.stop();
      const [row] = await q<{ status: string }>(sql`select status from background_jobs where id = ${req.job!.legacyId}`);
      expect(row!.status).toBe('succeeded');
    } finally {
      setAdapters(restore);
    }

    const ctx = { db: db(), actor: { operatorId, staffUserId: null, role: 'admin' as const, surface: 'cli' as const } };
    const young = await jobs.enqueue(ctx, 'apply_plan_changes', {});
    const old = await jobs.enqueue(ctx, 'apply_plan_changes', {});
    const spent = await jobs.enqueue(ctx, 'apply_plan_changes', {});
    await q(sql`update background_jobs set status = 'running', attempts = 1, started_at = now() where id = ${young.id}`);
    await q(sql`update background_jobs set status = 'running', attempts = 1, started_at = now() - interval '1 hour' where id = ${old.id}`);
    await q(sql`update background_jobs set status = 'running', attempts = 3, started_at = now() - interval '1 hour' where id = ${spent.id}`);
    expect(await jobs.recoverStale(db(), { olderThanMs: 60_000, maxAttempts: 3 })).toEqual({ requeued: 1, failed: 1 });
    expect(await q(sql`select id, status, attempts from background_jobs where id in (${young.id}, ${old.id}, ${spent.id}) order by id`)).toEqual([
      { id: young.id, status: 'running', attempts: 1 },
      { id: old.id, status: 'queued', attempts: 1 },
      { id: spent.id, status: 'failed', attempts: 3 },
    ]);
    expect((await jobs.runOne(db()))).toMatchObject({ id: old.id, status: 'succeeded', attempts: 2 });
    await q(sql`update background_jobs set status = 'failed', error = 'test cleanup' where id = ${young.id}`);
  });

  it('never gives the same job to two workers claiming at once', async () => {
    while (await jobs.runOne(db()));
    const ctx = { db: db(), actor: { operatorId, staffUserId: null, role: 'admin' as const, surface: 'cli' as const } };
    const queued = [];
    for (let i = 0; i < 6; i++) queued.push((await jobs.enqueue(ctx, 'apply_plan_changes', {})).id);
    const claims = await Promise.all(Array.from({ length: 12 }, () => jobs.claimNext(db())));
    const taken = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(taken.sort((a, b) => a - b)).toEqual(queued.sort((a, b) => a - b));
    expect(await q(sql`select distinct status, attempts from background_jobs where id in (${sql.join(queued.map((id) => sql`${id}`), sql`, `)})`)).toEqual([{ status: 'running', attempts: 1 }]);
    expect(await jobs.claimNext(db())).toBeNull();
    if (engine !== 'postgres') return; // PGlite has one connection: no second worker can run meanwhile

    // A worker holding its claim open (its transaction not committed) must not block another,
    // nor hand it the same job: the second takes the next job at once.
    const [a, b] = [(await jobs.enqueue(ctx, 'apply_plan_changes', {})).id, (await jobs.enqueue(ctx, 'apply_plan_changes', {})).id];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first: jobs.BackgroundJobRow | null | undefined;
    const holder = db().transaction(async (tx) => {
      first = await jobs.claimNext(tx);
      await held;
    });
    while (first === undefined) await new Promise((r) => setTimeout(r, 5));
    const second = await Promise.race([jobs.claimNext(db()), new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 3000))]);
    release();
    await holder;
    expect(first?.id).toBe(a);
    expect(second).toMatchObject({ id: b, status: 'running', attempts: 1 });
  });

  it('refuses bad parameters with userErrors and queues nothing', async () => {
    const before = await jobCount();
    const customer = toGlobalId('Customer', (await q<{ id: number }>(sql`select id from customers where operator_id = ${operatorId} order by id limit 1`))[0]!.id);
    const base = { customerId: customer, filenameRegexp: '\\.pdf$', description: 'd', rights: ['MAINTENANCE'] };
    const cases: [string, string, Record<string, unknown>, string[]][] = [
      ['customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...base, filenameRegexp: '(a+)+$' }, ['input', 'filenameRegexp']],
      ['customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...base, filenameRegexp: 'a'.repeat(201) }, ['input', 'filenameRegexp']],
      ['customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...base, filenameRegexp: '[unclosed' }, ['input', 'filenameRegexp']],
      ['customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...base, mode: 'paper' }, ['input', 'mode']],
      ['customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...base, description: '  ' }, ['input', 'description']],
      ['customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...base, customerId: toGlobalId('Customer', 999999) }, ['input', 'customerId']],
      ['customerAttachmentsSync', 'CustomerAttachmentsSyncInput', { ...base, customerId: toGlobalId('Plan', 1) }, ['input', 'customerId']],
      ['wibFilesUpdate', 'WibFilesUpdateInput', { gatewayId: toGlobalId('Gateway', 999999) }, ['input', 'gatewayId']],
      ['bucketsFromSubscriptionUpdate', 'BucketsFromSubscriptionUpdateInput', { customerId: toGlobalId('Customer', 999999) }, ['input', 'customerId']],
      ['maintenanceAttachmentsSync', 'MaintenanceAttachmentsSyncInput', { maintenanceTicketId: toGlobalId('MaintenanceTicket', 999999), filenameRegexp: '.*', description: 'd' }, ['input', 'maintenanceTicketId']],
    ];
    for (const [mutation, type, input, field] of cases) {
      const res = await request(mutation, type, input);
      expect(res.job, `${mutation} ${JSON.stringify(input)}`).toBeNull();
      expect(res.userErrors.map((e) => e.field), `${mutation} ${JSON.stringify(input)}`).toContainEqual(field);
    }
    expect(await jobCount()).toBe(before);
    // The service refuses the same for the legacy surfaces, including an unknown kind.
    const ctx = { db: db(), actor: { operatorId, staffUserId: null, role: 'api' as const, surface: 'soap' as const } };
    await expect(jobs.enqueue(ctx, 'update_wib_files', { wibnumber: 100 })).rejects.toMatchObject({ code: 'INVALID' });
    await expect(jobs.enqueue(ctx, 'reboot_everything', {})).rejects.toMatchObject({ code: 'INVALID' });
    expect(await jobCount()).toBe(before);
  });
  it('orders jobs as asked (newest first by default), paging with the ordering', async () => {
    type Listed = { backgroundJobs: { nodes: { legacyId: number }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
    const ids = async (orderBy: string) => {
      const seen: number[] = [];
      let after: string | null = null;
      for (;;) {
        const data: Listed = await ok<Listed>(`query($a: String) { backgroundJobs(first: 2, after: $a${orderBy}) { nodes { legacyId } pageInfo { endCursor hasNextPage } } }`, { a: after });
        seen.push(...data.backgroundJobs.nodes.map((n) => n.legacyId));
        if (!data.backgroundJobs.pageInfo.hasNextPage) return seen;
        after = data.backgroundJobs.pageInfo.endCursor;
      }
    };
    const inSql = async (order: ReturnType<typeof sql>) => (await q<{ id: number }>(sql`select id from background_jobs where operator_id = ${operatorId} order by ${order}`)).map((r) => r.id);
    expect(await inSql(sql`kind`)).not.toEqual(await inSql(sql`id desc`));
    expect(await ids('')).toEqual(await inSql(sql`id desc`));
    expect(await ids(', orderBy: { field: KIND, direction: ASC }')).toEqual(await inSql(sql`kind asc, id asc`));
    expect(await ids(', orderBy: { field: STATUS }')).toEqual(await inSql(sql`status desc, id desc`));
    expect(await ids(', orderBy: { field: CREATED_AT, direction: ASC }')).toEqual(await inSql(sql`created_at asc, id asc`));
  });
});
