/**
 * The `orderBy` of the connections that lacked one: a customer's messages (compiled read path
 * and resolvers alike, one statement), the audit trail, and RADIUS logins (which took a bare
 * `direction`). Each ordering is paged through both ways and compared with a full sort; data
 * has repeated and null values at fixed moments, never "now".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { pageThrough, sortedIds, type ConnectionPage } from '../helpers/paging';
import { rows } from '../helpers/sql';

const PAGE = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { legacyId } }';
const MESSAGES = `query ($customer: Int!, $first: Int, $last: Int, $after: String, $before: String, $order: MessageOrder) {
  customer(legacyId: $customer) { messages(channel: EMAIL, first: $first, last: $last, after: $after, before: $before, orderBy: $order) { ${PAGE} } } }`;
const AUDIT = `query ($first: Int, $last: Int, $after: String, $before: String, $order: AuditEventOrder) {
  auditEvents(filter: { entityType: "order-test" }, first: $first, last: $last, after: $after, before: $before, orderBy: $order) { ${PAGE} } }`;
const ACCOUNTS = `query ($first: Int, $last: Int, $after: String, $before: String, $order: RadiusAccountOrder) {
  radiusAccounts(first: $first, last: $last, after: $after, before: $before, orderBy: $order) { ${PAGE} } }`;

/** [created_at, sent_at] of each message: times repeat, some were never sent. */
const MESSAGE_TIMES: [string, string | null][] = [
  ['2024-01-05 09:00:00+00', '2024-01-05 09:00:01+00'],
  ['2024-01-05 09:00:00+00', null],
  ['2024-01-04 18:30:00.000001+00', '2024-01-05 09:00:01+00'],
  ['2024-01-06 00:00:00+00', null],
  ['2024-01-04 18:30:00+00', '2024-01-04 18:30:02+00'],
  ['2024-01-05 09:00:00+00', '2024-01-07 12:00:00+00'],
  ['2024-01-06 00:00:00+00', '2024-01-06 00:00:05+00'],
];
const AUDIT_TIMES = ['2024-02-01 10:00:00+00', '2024-02-01 10:00:00+00', '2024-01-31 23:59:59.999999+00', '2024-02-01 10:00:00+00', '2024-02-03 08:00:00+00'];

describe.each(enabledEngines())('ordering lists on %s', (engine) => {
  let pair: CompiledPair;
  let customerId: number;
  const messages: { id: number; createdAt: string; sentAt: string | null }[] = [];
  const audit: { id: number; createdAt: string }[] = [];

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const [customer] = await rows<{ id: number; operator_id: number }>(db, sql`select id, operator_id from customers order by id limit 1`);
    customerId = customer!.id;
    await db.execute(sql`delete from messages where customer_id = ${customerId} and channel = 'email'`);
    for (const [createdAt, sentAt] of MESSAGE_TIMES) {
      const [row] = await rows<{ id: number }>(
        db,
        sql`insert into messages (operator_id, customer_id, channel, recipient, body, created_at, sent_at)
            values (${customer!.operator_id}, ${customerId}, 'email', 'order@example.net', 'hello', ${createdAt}::timestamptz, ${sentAt}::timestamptz) returning id`,
      );
      messages.push({ id: Number(row!.id), createdAt, sentAt });
    }
    for (const createdAt of AUDIT_TIMES) {
      const [row] = await rows<{ id: number }>(
        db,
        sql`insert into audit_log (operator_id, surface, action, entity_type, created_at)
            values (${customer!.operator_id}, 'cli', 'order.test', 'order-test', ${createdAt}::timestamptz) returning id`,
      );
      audit.push({ id: Number(row!.id), createdAt });
    }
  });

  afterAll(async () => {
    await pair?.stop();
  });

  const both = ['ASC', 'DESC'] as const;

  it.each(['ID', 'CREATED_AT', 'SENT_AT'].flatMap((field) => both.map((direction) => [field, direction] as const)))(
    'pages Customer.messages by %s %s, compiled as the resolvers do',
    async (field, direction) => {
      const expected = sortedIds(messages, (m) => (field === 'ID' ? m.id : field === 'CREATED_AT' ? m.createdAt : m.sentAt), direction);
      for (const backwards of [false, true]) {
        const fetchPage = async (page: object) =>
          (await pair.expectSame(MESSAGES, { customer: customerId, order: { field, direction }, ...page })).customer.messages as ConnectionPage;
        expect(await pageThrough(fetchPage, (node) => String(node.legacyId), { backwards })).toEqual(expected);
      }
    },
  );

  it('lists messages newest first when no order is given, and with only a field given', async () => {
    const newestFirst = sortedIds(messages, (m) => m.createdAt, 'DESC');
    const all = async (order?: object) =>
      ((await pair.expectSame(MESSAGES, { customer: customerId, first: 20, order })).customer.messages as ConnectionPage).edges.map((e) => String(e.node.legacyId));
    expect(await all()).toEqual(newestFirst);
    expect(await all({ field: 'CREATED_AT' })).toEqual(newestFirst);
    // Not yet sent first, then the latest sent.
    expect(await all({ field: 'SENT_AT' })).toEqual(sortedIds(messages, (m) => m.sentAt, 'DESC'));
  });

  it.each(['ID', 'CREATED_AT'].flatMap((field) => both.map((direction) => [field, direction] as const)))('pages auditEvents by %s %s', async (field, direction) => {
    const expected = sortedIds(audit, (a) => (field === 'ID' ? a.id : a.createdAt), direction);
    for (const backwards of [false, true]) {
      const fetchPage = async (page: object) => {
        const reply = await pair.send(pair.reference, AUDIT, { order: { field, direction }, ...page });
        expect(reply.body.errors).toBeUndefined();
        return (reply.body.data as any).auditEvents as ConnectionPage;
      };
      expect(await pageThrough(fetchPage, (node) => String(node.legacyId), { backwards })).toEqual(expected);
    }
  });

  it('lists audit events newest first when no order is given', async () => {
    const reply = await pair.send(pair.reference, AUDIT, { first: 20 });
    expect((reply.body.data as any).auditEvents.edges.map((e: any) => String(e.node.legacyId))).toEqual(sortedIds(audit, (a) => a.createdAt, 'DESC'));
  });

  it.each([
    ['USERNAME', 'username'],
    ['CREATED_AT', 'created_at'],
    ['ID', 'id'],
  ] as const)('pages radiusAccounts by %s both ways, as the database sorts them', async (field, column) => {
    const db = pair.database.handle.db;
    const [{ operator_id: operatorId }] = (await rows<{ operator_id: number }>(db, sql`select operator_id from customers order by id limit 1`)) as [{ operator_id: number }];
    for (const direction of both) {
      const order = direction === 'ASC' ? sql`asc` : sql`desc`;
      const expected = (
        await rows<{ id: number }>(db, sql`select id from radius_accounts where operator_id = ${operatorId} order by ${sql.identifier(column)} ${order}, id ${order}`)
      ).map((r) => String(r.id));
      expect(expected.length).toBeGreaterThan(3);
      for (const backwards of [false, true]) {
        const fetchPage = async (page: object) => {
          const reply = await pair.send(pair.reference, ACCOUNTS, { order: { field, direction }, ...page });
          expect(reply.body.errors).toBeUndefined();
          return (reply.body.data as any).radiusAccounts as ConnectionPage;
        };
        expect(await pageThrough(fetchPage, (node) => String(node.legacyId), { backwards, size: 25 })).toEqual(expected);
      }
    }
  });

  it('refuses the old `direction` argument of radiusAccounts', async () => {
    const reply = await pair.send(pair.reference, '{ radiusAccounts(first: 1, direction: DESC) { totalCount } }');
    expect(reply.body.errors?.[0]?.message).toMatch(/Unknown argument "direction"/);
  });
});
