/**
 * The read side of attachments: Customer.attachments, MaintenanceTicket.attachments and
 * node(id:), batched, operator-scoped, never exposing where the bytes are stored.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { countQueries } from '../../src/db/query-counter';
import { toGlobalId } from '../../src/graphql/global-id';

describe.each(enabledEngines())('attachments in GraphQL on %s', (engine) => {
  let t: TestApp;
  let ticket: { id: number; customer_id: number };
  const db = () => t.database.handle.db;

  beforeAll(async () => {
    t = await startTestApp(engine);
    [ticket] = (await rows<{ id: number; customer_id: number }>(db(), sql`select id, customer_id from maintenance_tickets where customer_id is not null order by id limit 1`)) as [typeof ticket];
    await db().execute(sql`insert into attachments (operator_id, customer_id, filename, storage_path, description, rights, mode, size_bytes, date_added)
      select operator_id, ${ticket.customer_id}, 'contract.pdf', 'customers/x/contract.pdf', 'Contract', array['billing_information']::attachment_right[], 'electronic_document', 52311, '2026-03-01T10:00:00Z'
      from customers where id = ${ticket.customer_id}`);
    await db().execute(sql`insert into attachments (operator_id, maintenance_ticket_id, filename, storage_path, description, date_added)
      select operator_id, ${ticket.id}, 'photo1.jpg', 'tickets/x/photo1.jpg', 'Site photo', '2026-03-02T09:00:00Z' from maintenance_tickets where id = ${ticket.id}`);
  });
  afterAll(() => t.stop());

  it('lists a customer’s and a ticket’s attachments, and resolves them as nodes', async () => {
    const res = await t.gql<{
      customer: { attachments: { nodes: { id: string; filename: string; description: string; rights: string[]; mode: string; sizeBytes: number; createdAt: string }[] } };
      node: { attachments: { filename: string }[] };
    }>(
      `query($c: Int!, $t: ID!) {
        customer(legacyId: $c) { attachments(first: 10) { nodes { id filename description rights mode sizeBytes createdAt } } }
        node(id: $t) { ... on MaintenanceTicket { attachments { filename } } } }`,
      { c: ticket.customer_id, t: toGlobalId('MaintenanceTicket', ticket.id) },
    );
    expect(res.errors).toBeUndefined();
    const [contract] = res.data.customer.attachments.nodes;
    expect(contract).toMatchObject({ filename: 'contract.pdf', description: 'Contract', rights: ['BILLING_INFORMATION'], mode: 'electronic_document', sizeBytes: 52311, createdAt: '2026-03-01T10:00:00.000Z' });
    expect(JSON.stringify(res.data)).not.toContain('customers/x/');
    expect(res.data.node.attachments.map((a) => a.filename)).toEqual(['photo1.jpg']);
    const again = await t.gql<{ node: { filename: string } }>(`query($id: ID!) { node(id: $id) { ... on Attachment { filename } } }`, { id: contract!.id });
    expect(again.data.node.filename).toBe('contract.pdf');
  });

  it('batches: attachments of a page of customers cost one statement', async () => {
    const query = (n: number) => t.gql(`{ customers(first: ${n}) { nodes { attachments(first: 5) { totalCount nodes { filename } } } } }`);
    const { queries: few } = await countQueries(() => query(3));
    const { queries: many } = await countQueries(() => query(60));
    expect(many).toBe(few);
  });
});
