/**
 * Attachments in the graph: Customer.attachments, MaintenanceTicket.attachments and node(id:),
 * batched, operator-scoped, never exposing where the bytes are stored; and changing what is said
 * of one or forgetting it, each by the permission of what it is attached to.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { countQueries } from '../../src/db/query-counter';
import { toGlobalId } from '../../src/graphql/global-id';
import { generateOperator } from '../../src/db/seed/generator';
import { makeRoleUser } from '../helpers/roles';

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

  it("changes an attachment's description and rights, and forgets it, by the permission of its owner", async () => {
    const add = async (owner: 'customer' | 'ticket', filename: string) => {
      const [row] = await rows<{ id: number }>(
        db(),
        owner === 'customer'
          ? sql`insert into attachments (operator_id, customer_id, filename, storage_path) select operator_id, id, ${filename}, ${`customers/x/${filename}`} from customers where id = ${ticket.customer_id} returning id`
          : sql`insert into attachments (operator_id, maintenance_ticket_id, filename, storage_path) select operator_id, id, ${filename}, ${`tickets/x/${filename}`} from maintenance_tickets where id = ${ticket.id} returning id`,
      );
      return toGlobalId('Attachment', row!.id);
    };
    const update = `mutation($input: AttachmentUpdateInput!) { attachmentUpdate(input: $input) { attachment { id description rights updatedAt } userErrors { field code message } } }`;
    const remove = `mutation($id: ID!) { attachmentDelete(input: { id: $id }) { deletedId userErrors { field code message } } }`;
    const stored = async (id: string) =>
      (await rows<{ description: string | null; rights: string | null }>(db(), sql`select description, rights::text as rights from attachments where id = ${Number(Buffer.from(id, 'base64url').toString().split(':')[1])}`))[0];
    const operatorId = (await rows<{ id: number }>(db(), sql`select operator_id as id from customers where id = ${ticket.customer_id}`))[0]!.id;
    const { token: readonly } = await makeRoleUser(db(), operatorId, 'readonly');
    const { token: installer } = await makeRoleUser(db(), operatorId, 'installer');
    const { token: stranger } = await generateOperator(db(), { operatorCode: 'attach-other', customers: 1 });

    const lease = await add('customer', 'lease.pdf');
    const changed = await t.gql<{ attachmentUpdate: { attachment: { description: string; rights: string[] }; userErrors: unknown[] } }>(update, {
      input: { id: lease, description: '  Signed lease  ', rights: ['MAINTENANCE', 'BILLING_INFORMATION', 'MAINTENANCE'] },
    });
    expect(changed.data.attachmentUpdate).toMatchObject({ attachment: { id: lease, description: 'Signed lease', rights: ['MAINTENANCE', 'BILLING_INFORMATION'] }, userErrors: [] });
    expect(await stored(lease)).toEqual({ description: 'Signed lease', rights: '{maintenance,billing_information}' });
    // Refused, changing nothing: a ticket's file has no rights; no write permission; another operator; an installer on a customer's file.
    const photo = await add('ticket', 'mast.jpg');
    const refusals: [Record<string, unknown>, string | undefined, string][] = [
      [{ id: photo, rights: ['MAINTENANCE'] }, undefined, 'INVALID'],
      [{ id: lease, description: 'x' }, readonly, 'FORBIDDEN'],
      [{ id: lease, description: 'x' }, stranger, 'NOT_FOUND'],
      [{ id: lease, description: 'x' }, installer, 'FORBIDDEN'],
    ];
    for (const [input, token, code] of refusals) {
      const res = await t.gql<{ attachmentUpdate: { attachment: unknown; userErrors: { code: string }[] } }>(update, { input }, token);
      expect(res.data.attachmentUpdate, JSON.stringify([input, code])).toMatchObject({ attachment: null, userErrors: [{ code }] });
    }
    expect(await stored(lease)).toEqual({ description: 'Signed lease', rights: '{maintenance,billing_information}' });
    expect(await stored(photo)).toEqual({ description: null, rights: null });
    // An installer looks after tickets: their files are its to describe and forget.
    const described = await t.gql<{ attachmentUpdate: { attachment: { description: string } } }>(update, { input: { id: photo, description: 'Mast, north side' } }, installer);
    expect(described.data.attachmentUpdate.attachment.description).toBe('Mast, north side');
    expect((await t.gql<{ attachmentDelete: { deletedId: string } }>(remove, { id: photo }, installer)).data.attachmentDelete.deletedId).toBe(photo);

    for (const [token, code] of [[readonly, 'FORBIDDEN'], [stranger, 'NOT_FOUND'], [installer, 'FORBIDDEN']] as const) {
      const res = await t.gql<{ attachmentDelete: { deletedId: string | null; userErrors: { code: string }[] } }>(remove, { id: lease }, token);
      expect(res.data.attachmentDelete, code).toMatchObject({ deletedId: null, userErrors: [{ code }] });
    }
    expect(await stored(lease)).toBeDefined();
    expect((await t.gql<{ attachmentDelete: { deletedId: string } }>(remove, { id: lease })).data.attachmentDelete).toEqual({ deletedId: lease, userErrors: [] });
    expect(await stored(lease)).toBeUndefined();
    expect((await t.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, { id: lease })).data.node).toBeNull();
    const trail = await rows<{ action: string }>(db(), sql`select action from audit_log where action like 'attachment.%' order by id`);
    expect(trail.map((r) => r.action)).toEqual(['attachment.update', 'attachment.update', 'attachment.delete', 'attachment.delete']);
  });

  it('batches: attachments of a page of customers cost one statement', async () => {
    const query = (n: number) => t.gql(`{ customers(first: ${n}) { nodes { attachments(first: 5) { totalCount nodes { filename } } } } }`);
    const { queries: few } = await countQueries(() => query(3));
    const { queries: many } = await countQueries(() => query(60));
    expect(many).toBe(few);
  });
});
