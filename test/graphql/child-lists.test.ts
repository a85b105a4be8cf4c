/**
 * A customer's long lists as connections (notes, attachments, sales issues, field collections,
 * renewals, grace periods, overage allowances, sub-account links, pending plan changes; deleted renewals
 * and applied plan changes stay out): each ordering paged forwards and
 * backwards over two customers with more rows than a page, compared with a full sort (no row
 * skipped or repeated), with totalCount; the compiled read path answers byte for byte as the
 * resolvers do; rows of another operator never appear. Times repeat and are fixed, never "now".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateOperator } from '../../src/db/seed/generator';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines } from '../helpers/engines';
import { pageThrough, sortedIds, type ConnectionPage } from '../helpers/paging';
import { rows } from '../helpers/sql';

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { legacyId } }';
const TIMES = ['2024-03-01 10:00:00+00', '2024-03-01 10:00:00+00', '2024-02-28 23:59:59.999999+00', '2024-03-02 08:00:00+00', '2024-03-01 10:00:00.000001+00'];

interface Row {
  id: number;
  customerId: number;
  at: string;
  i: number;
}

/** One converted list: how to read it and how to make its rows (at a given time, for a customer of an operator). */
interface ListCase {
  field: string;
  table: string;
  order: string;
  /** The order the list had as a plain list, kept as the default. */
  defaultOrder: [string, 'ASC' | 'DESC'];
  fields: string[];
  insert: (operatorId: number, customerId: number, at: string, i: number) => ReturnType<typeof sql>;
  valueOf: (row: Row, field: string) => string | number | null;
  /** The column naming the customer whose list it is; customer_id when not given. */
  parent?: string;
  /** A row of the demo's own that the list leaves out (e.g. deleted). */
  unlisted?: (operatorId: number, customerId: number) => ReturnType<typeof sql>;
}

const CASES: ListCase[] = [
  {
    field: 'notes',
    table: 'customer_notes',
    order: 'CustomerNoteOrder',
    defaultOrder: ['CREATED_AT', 'DESC'],
    fields: ['ID', 'CREATED_AT'],
    insert: (operatorId, customerId, at, i) =>
      sql`insert into customer_notes (operator_id, customer_id, title, body, created_at) values (${operatorId}, ${customerId}, ${`note ${i}`}, 'text', ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : row.at),
  },
  {
    field: 'attachments',
    table: 'attachments',
    order: 'AttachmentOrder',
    defaultOrder: ['CREATED_AT', 'ASC'],
    fields: ['ID', 'CREATED_AT'],
    insert: (operatorId, customerId, at, i) =>
      sql`insert into attachments (operator_id, customer_id, filename, storage_path, date_added)
          values (${operatorId}, ${customerId}, ${`file-${i}.pdf`}, ${`test/${customerId}/${i}`}, ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : row.at),
  },
  {
    field: 'salesmanTasks',
    table: 'salesman_tasks',
    order: 'SalesmanTaskOrder',
    defaultOrder: ['DATE_REPORTED', 'DESC'],
    fields: ['ID', 'DATE_REPORTED', 'CREATED_AT'],
    insert: (operatorId, customerId, at) =>
      sql`insert into salesman_tasks (operator_id, customer_id, date_reported, description, type, created_at)
          values (${operatorId}, ${customerId}, ${at.slice(0, 10)}::date, 'upsell', 'sale', ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : field === 'DATE_REPORTED' ? row.at.slice(0, 10) : row.at),
  },
  {
    field: 'paymentCollections',
    table: 'payment_collections',
    order: 'PaymentCollectionOrder',
    defaultOrder: ['CREATED_AT', 'DESC'],
    fields: ['ID', 'CREATED_AT', 'DECIDED_AT'],
    // every other one decided (at a repeating time), the rest still requested (no decision time)
    insert: (operatorId, customerId, at, i) =>
      sql`insert into payment_collections (operator_id, customer_id, status, decided_at, created_at)
          values (${operatorId}, ${customerId}, ${i % 2 === 0 ? 'disapproved' : 'requested'}, ${i % 2 === 0 ? TIMES[i % 3]! : null}::timestamptz, ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : field === 'DECIDED_AT' ? (row.i % 2 === 0 ? TIMES[row.i % 3]! : null) : row.at),
  },
  {
    field: 'renewals',
    table: 'renewals',
    order: 'RenewalOrder',
    defaultOrder: ['CREATED_AT', 'DESC'],
    fields: ['ID', 'CREATED_AT'],
    insert: (operatorId, customerId, at) =>
      sql`insert into renewals (operator_id, customer_id, amount, created_at) values (${operatorId}, ${customerId}, '10.00', ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : row.at),
    unlisted: (operatorId, customerId) =>
      sql`insert into renewals (operator_id, customer_id, amount, deleted, created_at) values (${operatorId}, ${customerId}, '10.00', true, ${TIMES[0]!}::timestamptz) returning id`,
  },
  {
    field: 'gracePeriods',
    table: 'grace_periods',
    order: 'GracePeriodOrder',
    defaultOrder: ['CREATED_AT', 'ASC'],
    fields: ['ID', 'CREATED_AT'],
    insert: (operatorId, customerId, at, i) =>
      sql`insert into grace_periods (operator_id, customer_id, days, new_expires_at, created_at)
          values (${operatorId}, ${customerId}, ${i + 1}, '2030-01-01T00:00:00Z'::timestamptz, ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : row.at),
  },
  {
    field: 'overageAllowances',
    table: 'overage_allowances',
    order: 'OverageAllowanceOrder',
    defaultOrder: ['CREATED_AT', 'ASC'],
    fields: ['ID', 'CREATED_AT'],
    insert: (operatorId, customerId, at) =>
      sql`insert into overage_allowances (operator_id, customer_id, traffic_limit_gb, created_at) values (${operatorId}, ${customerId}, '5.000', ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : row.at),
  },
  {
    field: 'subaccounts',
    table: 'customer_subaccounts',
    parent: 'master_customer_id',
    order: 'SubaccountLinkOrder',
    defaultOrder: ['ID', 'ASC'],
    fields: ['ID', 'CREATED_AT'],
    // each link needs a sub-account of its own (a customer has one master): the next unlinked demo customer
    insert: (operatorId, customerId, at) =>
      sql`insert into customer_subaccounts (operator_id, master_customer_id, sub_customer_id, created_at)
          select ${operatorId}, ${customerId}, c.id, ${at}::timestamptz from customers c
          where c.id > ${customerId} + 1 and c.operator_id = (select operator_id from customers where id = ${customerId})
            and not exists (select 1 from customer_subaccounts l where l.sub_customer_id = c.id or l.master_customer_id = c.id)
          order by c.id limit 1 returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : row.at),
  },
  {
    field: 'pendingPlanChanges',
    table: 'plan_changes',
    order: 'PlanChangeOrder',
    defaultOrder: ['EFFECTIVE_AT', 'ASC'],
    fields: ['ID', 'EFFECTIVE_AT', 'CREATED_AT'],
    // takes effect at another of the fixed times than it was requested at, so the two orders differ
    insert: (operatorId, customerId, at, i) =>
      sql`insert into plan_changes (operator_id, customer_id, to_plan_id, timing, effective_at, created_at)
          values (${operatorId}, ${customerId}, (select min(id) from plans), 'custom_date', ${TIMES[(i + 2) % TIMES.length]!}::timestamptz, ${at}::timestamptz) returning id`,
    valueOf: (row, field) => (field === 'ID' ? row.id : field === 'EFFECTIVE_AT' ? TIMES[(row.i + 2) % TIMES.length]! : row.at),
    unlisted: (operatorId, customerId) =>
      sql`insert into plan_changes (operator_id, customer_id, to_plan_id, timing, effective_at, applied_at, created_at)
          values (${operatorId}, ${customerId}, (select min(id) from plans), 'custom_date', ${TIMES[0]!}::timestamptz, ${TIMES[0]!}::timestamptz, ${TIMES[0]!}::timestamptz) returning id`,
  },
];

describe.each(enabledEngines())('customer lists as connections on %s', (engine) => {
  let pair: CompiledPair;
  let customers: number[];
  let otherOperator: number;
  const made = new Map<string, Row[]>();

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const firsts = await rows<{ id: number; operator_id: number }>(db, sql`select id, operator_id from customers order by id limit 2`);
    customers = firsts.map((c) => Number(c.id));
    otherOperator = (await generateOperator(db, { operatorCode: 'lists_other', customers: 2, seed: 5 })).operatorId;
    for (const list of CASES) {
      const out: Row[] = [];
      for (const customer of firsts) {
        await pair.database.handle.db.execute(sql`delete from ${sql.identifier(list.table)} where ${sql.identifier(list.parent ?? 'customer_id')} = ${Number(customer.id)}`);
        for (const [i, at] of TIMES.entries()) {
          const [row] = await rows<{ id: number }>(db, list.insert(customer.operator_id, Number(customer.id), at, i));
          out.push({ id: Number(row!.id), customerId: Number(customer.id), at, i });
        }
        // Another operator's row pointing at the demo's customer: never listed.
        await rows(db, list.insert(otherOperator, Number(customer.id), TIMES[0]!, 99));
        if (list.unlisted) await rows(db, list.unlisted(customer.operator_id, Number(customer.id)));
      }
      made.set(list.field, out);
    }
  });

  afterAll(async () => {
    await pair?.stop();
  });

  /** Every row of the list for one customer (the seed's were removed first). */
  const allOf = async (list: ListCase, customer: number): Promise<Row[]> => made.get(list.field)!.filter((r) => r.customerId === customer);

  for (const list of CASES) {
    const connection = `${list.field}(first: $first, last: $last, after: $after, before: $before, orderBy: $order) { ${PAGE} }`;
    const vars = `$first: Int, $last: Int, $after: String, $before: String, $order: ${list.order}`;
    const one = `query ($id: Int!, ${vars}) { customer(legacyId: $id) { ${connection} } }`;
    const two = `query (${vars}) { customers(first: 2, orderBy: { field: ID }) { nodes { legacyId ${connection} } } }`;

    it.each(list.fields.flatMap((field) => (['ASC', 'DESC'] as const).map((direction) => [field, direction] as const)))(
      `pages Customer.${list.field} by %s %s both ways, compiled as the resolvers do`,
      async (field, direction) => {
        for (const customer of customers) {
          const expected = sortedIds(await allOf(list, customer), (r) => list.valueOf(r, field), direction);
          for (const backwards of [false, true]) {
            const fetchPage = async (page: object) => {
              const data = await pair.expectSame(one, { id: customer, order: { field, direction }, ...page });
              const connection = data.customer[list.field];
              expect(connection.totalCount).toBe(expected.length);
              return connection as ConnectionPage;
            };
            expect(await pageThrough(fetchPage, (node) => String(node.legacyId), { backwards })).toEqual(expected);
          }
        }
      },
    );

    it(`pages Customer.${list.field} of two customers at once, in its old order when not ordered`, async () => {
      const data = await pair.expectSame(two, { first: 3 });
      expect(data.customers.nodes.map((n: { legacyId: number }) => n.legacyId)).toEqual(customers);
      for (const node of data.customers.nodes) {
        const expected = sortedIds(await allOf(list, node.legacyId), (r) => list.valueOf(r, list.defaultOrder[0]), list.defaultOrder[1]);
        expect(node[list.field].edges.map((e: { node: { legacyId: number } }) => String(e.node.legacyId))).toEqual(expected.slice(0, 3));
        expect(node[list.field].pageInfo.hasNextPage).toBe(true);
        expect(node[list.field].totalCount).toBe(expected.length);
      }
    });
  }
});
