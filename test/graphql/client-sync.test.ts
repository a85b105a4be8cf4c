/**
 * A frontend keeping a local copy of the customers, through the generated typed client: load
 * everything once from the change feed, let other staff create, change and delete customers,
 * then apply what `changes` reports since the last change seen — and the copy equals a fresh
 * full load. Also the per-list form: invoices changed since a moment, with `updatedFrom`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type IspgraphClient } from '../../src/client';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';

interface Copy {
  customers: Map<string, { name: string; status: string }>;
  /** The last change applied: where the next sync starts. */
  since: string;
}

describe.each(enabledEngines())('a frontend keeping a copy with the typed client on %s', (engine) => {
  let t: TestApp;
  let api: IspgraphClient;
  beforeAll(async () => {
    t = await startTestApp(engine);
    api = createClient(`${t.url}/graphql`, 'demo-token');
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Applies every change since `copy.since`, page by page, as a client would. */
  async function sync(copy: Copy): Promise<number> {
    let after: string | null = null;
    let applied = 0;
    for (;;) {
      const result: Awaited<ReturnType<IspgraphClient['ChangesSince']>> = await api.ChangesSince({ since: copy.since, types: ['CUSTOMER'], first: 50, after });
      const page = result.changes!;
      for (const change of page.nodes) {
        if (change.kind === 'DELETED') copy.customers.delete(change.nodeId);
        else if (change.node?.__typename === 'Customer') copy.customers.set(change.nodeId, { name: change.node.name, status: change.node.status });
        if (change.changedAt > copy.since) copy.since = change.changedAt;
        applied++;
      }
      if (!page.pageInfo.hasNextPage) return applied;
      after = page.pageInfo.endCursor;
    }
  }

  async function fullLoad(): Promise<Map<string, { name: string; status: string }>> {
    const all = new Map<string, { name: string; status: string }>();
    let after: string | null | undefined;
    do {
      const page = (await api.CustomerPage({ first: 100, after })).customers!;
      for (const c of page.nodes) all.set(c.id, { name: c.name, status: c.status });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return all;
  }

  it('stays equal to a full load after others create, change and delete customers', async () => {
    const doomed = (await api.CreateCustomer({ input: { name: 'Sync Gone', nickname: 'sync_gone', invoicingId: 'SG-1', status: 'enquiry' } })).customerCreate.customer!;
    const copy: Copy = { customers: new Map(), since: '2000-01-01T00:00:00.000Z' };
    const loaded = await sync(copy);
    expect(loaded).toBeGreaterThanOrEqual(300);
    expect(copy.customers).toEqual(await fullLoad());

    // Other staff at work meanwhile.
    const created = (await api.CreateCustomer({ input: { name: 'Sync New', nickname: 'sync_new', invoicingId: 'SN-1', status: 'enquiry' } })).customerCreate;
    expect(created.userErrors).toEqual([]);
    const renamed = [...copy.customers.keys()][0]!;
    const removed = doomed.id;
    expect((await api.UpdateCustomer({ input: { id: renamed, name: 'Sync Renamed' } })).customerUpdate.userErrors).toEqual([]);
    expect((await api.DeleteCustomer({ input: { id: removed } })).customerDelete.userErrors).toEqual([]);

    // The client asks again from the last change it saw; asking from that same moment again
    // re-delivers it, which applying idempotently absorbs.
    const applied = await sync(copy);
    expect(applied).toBeGreaterThanOrEqual(3);
    expect(copy.customers.get(renamed)?.name).toBe('Sync Renamed');
    expect(copy.customers.has(removed)).toBe(false);
    expect(copy.customers.get(created.customer!.id)).toEqual({ name: 'Sync New', status: 'enquiry' });
    expect(copy.customers).toEqual(await fullLoad());
  });

  it('lists the invoices changed since a moment with updatedFrom', async () => {
    const [{ now }] = (await t.database.handle.db.execute(sql`select to_json(clock_timestamp())#>>'{}' as now`).then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as [{ now: string }];
    const before = (await api.InvoicesChangedSince({ updatedFrom: now, first: 100 })).invoices!;
    expect(before.nodes).toEqual([]);
    const [target] = (await api.InvoicesChangedSince({ first: 1 })).invoices!.nodes;
    await t.database.handle.db.execute(sql`update invoices set due_date = due_date + 1 where id = ${Number(Buffer.from(target!.id, 'base64url').toString().split(':')[1])}`);
    const after = (await api.InvoicesChangedSince({ updatedFrom: now, first: 100 })).invoices!;
    expect(after.nodes.map((i) => i.id)).toEqual([target!.id]);
    expect(after.nodes[0]!.updatedAt >= now.slice(0, 23)).toBe(true);
  });
});
