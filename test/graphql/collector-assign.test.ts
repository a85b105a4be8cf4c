/**
 * customerCollectorAssign (Jaze assign_users_to_admin through GraphQL): one collector per
 * customer, reassignment moves the customer, only collecting staff qualify, bad input writes nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledEngines } from '../helpers/engines';
import { startTestApp, type TestApp } from '../helpers/app';
import { rows } from '../helpers/sql';
import { toGlobalId } from '../../src/graphql/global-id';

const ASSIGN = `mutation($input: CustomerCollectorAssignInput!) { customerCollectorAssign(input: $input) {
  customer { legacyId } collector { legacyId username } previousCollectors { legacyId } userErrors { field message code } } }`;

type Payload = {
  customerCollectorAssign: {
    customer: { legacyId: number } | null;
    collector: { legacyId: number; username: string } | null;
    previousCollectors: { legacyId: number }[] | null;
    userErrors: { field: string[]; message: string; code: string }[];
  };
};

describe.each(enabledEngines())('customerCollectorAssign on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.stop());

  const assign = async (customer: number, staff: number) =>
    (await t.gql<Payload>(ASSIGN, { input: { customerId: toGlobalId('Customer', customer), collectorId: toGlobalId('StaffUser', staff) } })).data.customerCollectorAssign;
  const collectorsOf = async (customer: number) =>
    (await rows<{ staff_user_id: number }>(t.database.handle.db, sql`select staff_user_id from staff_customer_assignments where customer_id = ${customer} and purpose = 'collection' order by staff_user_id`)).map((r) => r.staff_user_id);

  it('assigns, then moves the customer to another collector', async () => {
    const first = await assign(42, 3);
    expect(first).toMatchObject({ customer: { legacyId: 42 }, collector: { legacyId: 3, username: 'collector' }, userErrors: [] });
    expect(await collectorsOf(42)).toEqual([3]);
    const moved = await assign(42, 2);
    expect(moved).toMatchObject({ collector: { legacyId: 2 }, previousCollectors: [{ legacyId: 3 }], userErrors: [] });
    expect(await collectorsOf(42)).toEqual([2]);
  });

  it('refuses staff who do not collect and unknown customers, changing nothing', async () => {
    const installer = await assign(43, 4);
    expect(installer.collector).toBeNull();
    expect(installer.userErrors).toEqual([expect.objectContaining({ field: ['input', 'collectorId'] })]);
    const unknown = await assign(99999, 3);
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect(await collectorsOf(43)).toEqual([]);
  });
});
