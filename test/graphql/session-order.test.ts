/**
 * Every ordering of RADIUS sessions, paged through with `first: 2` forwards and `last: 2`
 * backwards, over sessions whose sort values repeat and are often null (no start seen, still
 * open, no counters yet): the pages together are the whole list, in the order a full sort gives
 * (nulls after every value: last ascending, first descending; ties by id), with no row skipped
 * or repeated at a null boundary. Both the root `radiusSessions` and `Customer.radiusSessions`,
 * each answered by the compiled read path in one statement and by the resolvers alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { pageThrough, sortedIds, type ConnectionPage } from '../helpers/paging';
import { rows } from '../helpers/sql';

const USERNAME = 'session-order-test';

/**
 * Small pools, so values repeat; null is one of the choices. Fixed moments, never "now", written
 * so that their text sorts as the moments do (the test's full sort compares them as text).
 */
const POOLS = {
  START_TIME: ['2024-03-01 10:00:00.123456+00', '2024-03-01 10:00:00.123457+00', '2024-05-20 08:30:00+00', null],
  STOP_TIME: ['2024-03-02 00:00:00+00', '2024-06-01 12:00:00.5+00', null],
  UPDATE_TIME: ['2024-03-01 11:00:00+00', '2024-03-01 12:00:00+00', null],
  SESSION_TIME: [0, 3600, 86400, null],
  INPUT_OCTETS: [0, 5_000_000_000, 17, null],
  OUTPUT_OCTETS: [12_000_000_000, 17, 99, null],
} as const;
type Field = keyof typeof POOLS | 'ID';
const FIELDS: Field[] = ['ID', ...(Object.keys(POOLS) as (keyof typeof POOLS)[])];
const SESSIONS = 13;

/** A fixed pseudo-random sequence (Park and Miller's MINSTD, exact in doubles), the same on every run. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 48271) % 2147483647;
    return Math.floor(state / 65536) % n;
  };
}

interface Session {
  id: number;
  values: Record<keyof typeof POOLS, string | number | null>;
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { legacyId } }';
const ROOT = `query ($first: Int, $last: Int, $after: String, $before: String, $order: RadiusSessionOrder) {
  radiusSessions(first: $first, last: $last, after: $after, before: $before, orderBy: $order, filter: { username: "${USERNAME}" }) { ${PAGE_INFO} } }`;
const OF_CUSTOMER = `query ($customer: Int!, $first: Int, $last: Int, $after: String, $before: String, $order: RadiusSessionOrder) {
  customer(legacyId: $customer) { radiusSessions(first: $first, last: $last, after: $after, before: $before, orderBy: $order) { ${PAGE_INFO} } } }`;

describe.each(enabledEngines())('ordering RADIUS sessions on %s', (engine) => {
  let pair: CompiledPair;
  let customerId: number;
  const sessions: Session[] = [];

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const [customer] = await rows<{ id: number; operator_id: number }>(db, sql`select id, operator_id from customers order by id limit 1`);
    customerId = customer!.id;
    // The customer's sessions are exactly the ones below.
    await db.execute(sql`delete from radacct where customer_id = ${customerId}`);
    const pick = generator(7);
    for (let i = 0; i < SESSIONS; i++) {
      const values = Object.fromEntries(Object.entries(POOLS).map(([field, pool]) => [field, pool[pick(pool.length)]!])) as Session['values'];
      const [row] = await rows<{ radacctid: string | number }>(
        db,
        sql`insert into radacct (operator_id, customer_id, username, acctsessionid, acctuniqueid, nasipaddress,
              acctstarttime, acctstoptime, acctupdatetime, acctsessiontime, acctinputoctets, acctoutputoctets)
            values (${customer!.operator_id}, ${customerId}, ${USERNAME}, ${`s${i}`}, ${`session-order-${i}`}, '10.9.9.9',
              ${values.START_TIME}::timestamptz, ${values.STOP_TIME}::timestamptz, ${values.UPDATE_TIME}::timestamptz,
              ${values.SESSION_TIME}::bigint, ${values.INPUT_OCTETS}::bigint, ${values.OUTPUT_OCTETS}::bigint)
            returning radacctid`,
      );
      sessions.push({ id: Number(row!.radacctid), values });
    }
    // The data has what the test is about: for every field, nulls and a repeated value.
    for (const field of Object.keys(POOLS) as (keyof typeof POOLS)[]) {
      const seen = sessions.map((s) => s.values[field]);
      expect(seen).toContain(null);
      expect(new Set(seen.filter((v) => v != null)).size).toBeLessThan(seen.filter((v) => v != null).length);
    }
  });

  afterAll(async () => {
    await pair?.stop();
  });

  /** Every page, the compiled answer checked against the resolvers' (same bytes, one statement). */
  const pages = (query: string, list: (data: any) => ConnectionPage, variables: Record<string, unknown>, backwards: boolean) =>
    pageThrough(async (page) => list(await pair.expectSame(query, { ...variables, ...page })), (node) => node.legacyId as string, { backwards });

  const expectedOrder = (field: Field, direction: 'ASC' | 'DESC') => sortedIds(sessions, (s) => (field === 'ID' ? s.id : s.values[field]), direction);

  const cases = FIELDS.flatMap((field) => (['ASC', 'DESC'] as const).map((direction) => [field, direction] as const));

  it.each(cases)('pages root radiusSessions by %s %s without skipping or repeating', async (field, direction) => {
    const expected = expectedOrder(field, direction);
    const variables = { order: { field, direction } };
    expect(await pages(ROOT, (d) => d.radiusSessions, variables, false)).toEqual(expected);
    expect(await pages(ROOT, (d) => d.radiusSessions, variables, true)).toEqual(expected);
  });

  it.each(cases)('pages Customer.radiusSessions by %s %s without skipping or repeating', async (field, direction) => {
    const expected = expectedOrder(field, direction);
    const variables = { customer: customerId, order: { field, direction } };
    expect(await pages(OF_CUSTOMER, (d) => d.customer.radiusSessions, variables, false)).toEqual(expected);
    expect(await pages(OF_CUSTOMER, (d) => d.customer.radiusSessions, variables, true)).toEqual(expected);
  });

  it('sorts by the column itself: the longest and the heaviest sessions come first descending, after the unknown ones', async () => {
    const data = await pair.expectSame(ROOT, { first: SESSIONS, order: { field: 'OUTPUT_OCTETS', direction: 'DESC' } });
    const order = data.radiusSessions.edges.map((e: any) => sessions.find((s) => String(s.id) === e.node.legacyId)!.values.OUTPUT_OCTETS);
    const known = order.filter((v: unknown) => v != null);
    expect(order.slice(0, order.length - known.length).every((v: unknown) => v == null)).toBe(true);
    expect(known[0]).toBe(12_000_000_000);
    expect(known).toEqual([...known].sort((a: number, b: number) => b - a));
  });

  it('answers the root radiusSessions under each filter in one statement, as the resolvers do', async () => {
    const query = `query ($filter: RadiusSessionFilterInput, $order: RadiusSessionOrder) { radiusSessions(first: 5, filter: $filter, orderBy: $order) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id legacyId username startTime stopTime online nasIpAddress customer { legacyId } } } }`;
    const customer = (await pair.expectSame(`{ customer(legacyId: ${customerId}) { id } }`)).customer.id as string;
    const filters = [
      {},
      { customerId: customer },
      { username: USERNAME, onlineOnly: true },
      { startedFrom: '2024-03-01T10:00:00.000Z', startedTo: '2024-05-20T08:30:00.000Z' },
      { nasIpAddress: '10.9.9.9' },
      { nasName: 'no such nas' },
      { callingStationId: '00:11:22:33:44:55' },
      { framedIpAddress: '192.0.2.1' },
    ];
    let found = 0;
    for (const filter of filters) {
      for (const order of [undefined, { field: 'STOP_TIME', direction: 'DESC' }]) {
        const data = await pair.expectSame(query, { filter, order });
        found += data.radiusSessions.nodes.length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('refuses a cursor of another ordering', async () => {
    const first = await pair.expectSame(ROOT, { first: 2, order: { field: 'START_TIME', direction: 'ASC' } });
    const reply = await pair.send(pair.reference, ROOT, { first: 2, after: first.radiusSessions.pageInfo.endCursor, order: { field: 'STOP_TIME', direction: 'ASC' } });
    expect(reply.body.errors?.[0]?.message).toMatch(/cursor for ordering by START_TIME_ASC/);
  });

});
