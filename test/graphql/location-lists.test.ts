/**
 * The address book's lists as connections (Area.streets, Street.buildings), read through the
 * customers placed in them: each ordering paged forwards and backwards over two parents with more
 * rows than a page, compared with a full sort (no row skipped or repeated), with totalCount; by
 * name when not ordered, as before; the compiled read path answers byte for byte as the resolvers
 * do; rows of another operator never appear. Times repeat and are fixed, never "now".
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
// Distinct capital initials: every collation sorts them alike (C in PGlite, the server's locale in PostgreSQL).
const NAMES = ['Mill', 'Church', 'Quay', 'Abbey', 'Harbour'];

interface Row {
  id: number;
  parent: number;
  customerId: number;
  name: string;
  at: string;
}

/** One converted list, reached from a customer's location (`area` or `street`). */
interface ListCase {
  parentField: 'area' | 'street';
  field: 'streets' | 'buildings';
  order: string;
  fields: string[];
}

const CASES: ListCase[] = [
  { parentField: 'area', field: 'streets', order: 'StreetOrder', fields: ['ID', 'NAME', 'CREATED_AT'] },
  { parentField: 'street', field: 'buildings', order: 'BuildingOrder', fields: ['ID', 'NAME', 'CREATED_AT'] },
];

const valueOf = (row: Row, field: string) => (field === 'ID' ? row.id : field === 'NAME' ? row.name : row.at);

describe.each(enabledEngines())('address book lists as connections on %s', (engine) => {
  let pair: CompiledPair;
  let customers: number[];
  const made = new Map<string, Row[]>();

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    const db = pair.database.handle.db;
    const firsts = await rows<{ id: number; operator_id: number }>(db, sql`select id, operator_id from customers order by id limit 2`);
    customers = firsts.map((c) => Number(c.id));
    const otherOperator = (await generateOperator(db, { operatorCode: 'places_other', customers: 2, seed: 6 })).operatorId;
    const streetRows: Row[] = [];
    const buildingRows: Row[] = [];
    for (const [k, customer] of firsts.entries()) {
      const customerId = Number(customer.id);
      const [area] = await rows<{ id: number }>(db, sql`insert into areas (operator_id, name) values (${customer.operator_id}, ${`Lists area ${k}`}) returning id`);
      const areaId = Number(area!.id);
      for (const [i, at] of TIMES.entries()) {
        const [street] = await rows<{ id: number }>(
          db,
          sql`insert into streets (operator_id, area_id, name, created_at) values (${customer.operator_id}, ${areaId}, ${NAMES[i]!}, ${at}::timestamptz) returning id`,
        );
        streetRows.push({ id: Number(street!.id), parent: areaId, customerId, name: NAMES[i]!, at });
      }
      // The customer's street is the area's first; its buildings are the ones paged.
      const streetId = streetRows.find((s) => s.parent === areaId)!.id;
      for (const [i, at] of TIMES.entries()) {
        const [building] = await rows<{ id: number }>(
          db,
          sql`insert into buildings (operator_id, street_id, name, created_at) values (${customer.operator_id}, ${streetId}, ${NAMES[i]!}, ${at}::timestamptz) returning id`,
        );
        buildingRows.push({ id: Number(building!.id), parent: streetId, customerId, name: NAMES[i]!, at });
      }
      // Another operator's rows pointing at the demo's area and street: never listed.
      await rows(db, sql`insert into streets (operator_id, area_id, name, created_at) values (${otherOperator}, ${areaId}, 'Zed', ${TIMES[0]!}::timestamptz) returning id`);
      await rows(db, sql`insert into buildings (operator_id, street_id, name, created_at) values (${otherOperator}, ${streetId}, 'Zed', ${TIMES[0]!}::timestamptz) returning id`);
      await db.execute(sql`update customers set area_id = ${areaId}, street_id = ${streetId}, building_id = null where id = ${customerId}`);
    }
    made.set('streets', streetRows);
    made.set('buildings', buildingRows);
  });

  afterAll(async () => {
    await pair?.stop();
  });

  const allOf = (list: ListCase, customer: number): Row[] => made.get(list.field)!.filter((r) => r.customerId === customer);

  for (const list of CASES) {
    const connection = `${list.field}(first: $first, last: $last, after: $after, before: $before, orderBy: $order) { ${PAGE} }`;
    const vars = `$first: Int, $last: Int, $after: String, $before: String, $order: ${list.order}`;
    const one = `query ($id: Int!, ${vars}) { customer(legacyId: $id) { location { ${list.parentField} { ${connection} } } } }`;
    const two = `query (${vars}) { customers(first: 2, orderBy: { field: ID }) { nodes { legacyId location { ${list.parentField} { ${connection} } } } } }`;

    it.each(list.fields.flatMap((field) => (['ASC', 'DESC'] as const).map((direction) => [field, direction] as const)))(
      `pages ${list.field} by %s %s both ways, compiled as the resolvers do`,
      async (field, direction) => {
        for (const customer of customers) {
          const expected = sortedIds(allOf(list, customer), (r) => valueOf(r, field), direction);
          for (const backwards of [false, true]) {
            const fetchPage = async (page: object) => {
              const data = await pair.expectSame(one, { id: customer, order: { field, direction }, ...page });
              const connection = data.customer.location[list.parentField][list.field];
              expect(connection.totalCount).toBe(expected.length);
              return connection as ConnectionPage;
            };
            expect(await pageThrough(fetchPage, (node) => String(node.legacyId), { backwards })).toEqual(expected);
          }
        }
      },
    );

    it(`pages ${list.field} of two parents at once, by name when not ordered`, async () => {
      const data = await pair.expectSame(two, { first: 3 });
      expect(data.customers.nodes.map((n: { legacyId: number }) => n.legacyId)).toEqual(customers);
      for (const node of data.customers.nodes) {
        const expected = sortedIds(allOf(list, node.legacyId), (r) => r.name, 'ASC');
        const page = node.location[list.parentField][list.field];
        expect(page.edges.map((e: { node: { legacyId: number } }) => String(e.node.legacyId))).toEqual(expected.slice(0, 3));
        expect(page.pageInfo.hasNextPage).toBe(true);
        expect(page.totalCount).toBe(expected.length);
      }
    });
  }
});
