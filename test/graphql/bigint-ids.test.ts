/**
 * RADIUS sessions are counted in 64 bits (radacct.radacctid is bigint): a session numbered past
 * GraphQL's 32-bit `Int` keeps a working global id and gives its whole number as `legacyId`
 * (`BigInt`, a decimal string), through `node(id:)`, a customer's sessions, and the compiled read path
 * alike. Types over `integer` ids still refuse a global id beyond 2^31 − 1 as naming nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { rows } from '../helpers/sql';

const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString('base64url');
const BIG = 5_000_000_123;

describe.each(enabledEngines())('64-bit session ids on %s', (engine) => {
  let pair: CompiledPair;
  let customerId: number;
  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const [customer] = await rows<{ id: number; operator_id: number }>(db, sql`select c.id, c.operator_id from customers c join operators o on o.id = c.operator_id where o.code = 'demo' order by c.id limit 1`);
    customerId = customer!.id;
    await db.execute(sql`insert into radacct (radacctid, operator_id, customer_id, acctsessionid, acctuniqueid, username, nasipaddress, acctstarttime, acctupdatetime, acctinputoctets, acctoutputoctets)
      values (${BIG}, ${customer!.operator_id}, ${customerId}, 'big-1', 'big-unique-1', 'bigsession', '10.0.0.1', timestamptz '2026-01-05 10:00:00+00', timestamptz '2026-01-05 11:00:00+00', 1, 2)`);
  });
  afterAll(async () => {
    await pair?.stop();
  });

  it('reaches the session by its global id and gives its whole number as a string', async () => {
    const reply = await pair.send(pair.compiled, `query($id: ID!) { node(id: $id) { id ... on RadiusSession { legacyId sessionId } } }`, { id: gid('RadiusSession', BIG) });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data).toEqual({ node: { id: gid('RadiusSession', BIG), legacyId: String(BIG), sessionId: 'big-1' } });
  });

  it('lists it among the customer\'s sessions with the same bytes on the compiled path and the resolvers', async () => {
    const data = await pair.expectSame(
      `query($id: Int!) { customer(legacyId: $id) { radiusSessions(first: 50) { nodes { id legacyId sessionId } } } }`,
      { id: customerId },
      1,
    );
    expect(data.customer.radiusSessions.nodes).toContainEqual({ id: gid('RadiusSession', BIG), legacyId: String(BIG), sessionId: 'big-1' });
  });

  it('refuses a 32-bit type\'s global id beyond 2^31 − 1 as naming nothing', async () => {
    const reply = await pair.send(pair.compiled, `query($id: ID!) { node(id: $id) { id } }`, { id: gid('Customer', BIG) });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data).toEqual({ node: null });
  });
});
