/**
 * Every relation of Customer on the compiled read path (src/graphql/compiled) against the
 * resolvers: two servers on one database (as compiled-reads.test.ts), the same data, the
 * compiled one in one statement per root field; relations with arguments under several
 * argument values; and another operator never reaching the demo's rows through them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateOperator } from '../../src/db/seed/generator';
import { vendorAttributeOverrideItems, vendorAttributeOverrides } from '../../src/radius/vendor-attribute-override.table';
import { attachments } from '../../src/support/attachment.table';
import { startCompiledPair, type CompiledPair } from '../helpers/compiled-pair';
import { enabledEngines, type TestDatabase } from '../helpers/engines';
import { rows } from '../helpers/sql';

const CUSTOMER_REF = 'customer { legacyId name }';
const PLAN_REF = 'legacyId name price';

/** Each relation of Customer, with its scalars and its own to-one relations (two levels). */
const RELATIONS: Record<string, string> = {
  notes: 'notes(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id legacyId title body authorName createdAt } } }',
  communityCode: 'communityCode { id legacyId code createdAt }',
  masterAccount: `masterAccount { createdAt invoiceFromMaster invoiceFromMasterProrate masterAllowPortalRelogin masterDisplaySubaccountInvoices
    masterDisplaySubaccountUsage subaccountDisplayMasterInvoices syncCustomerStatus syncUsageAllowance master { legacyId name } subaccount { legacyId name } }`,
  subaccounts: 'subaccounts(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { createdAt invoiceFromMaster syncUsageAllowance master { legacyId name } subaccount { legacyId name status } } }',
  customTableRows: `customTableRows { id legacyId tableName ${CUSTOMER_REF} }`,
  creditCards: `creditCards { id legacyId last4 moduleId expMonth expYear cardType autoPayment preferred holderName firstName lastName
    address { street1 street2 town county postcode state country } createdAt ${CUSTOMER_REF} }`,
  bankAccounts: `bankAccounts { id legacyId last4 sortCode onlineRef accountName accountType autoPayment preferred detailsChanged moduleId sepaBic
    ibanLast4 ibanCountry sepaDebtorName sepaCountry sepaRemittanceData sepaSequenceType sepaSignatureDate createdAt ${CUSTOMER_REF} }`,
  pendingPlanChanges: `pendingPlanChanges(first: 5) { totalCount nodes { id legacyId timing effectiveAt clearDataUsage clearPolicies moveBilling appliedAt createdAt
    ${CUSTOMER_REF} fromPlan { ${PLAN_REF} } toPlan { ${PLAN_REF} } } }`,
  paymentCollections: `paymentCollections(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { id legacyId status amount method bank chequeNumber chequeDate cardLast4 cardExpiration notes
    bringChangeFor decidedAt createdAt ${CUSTOMER_REF} payment { legacyId amount paymentDate } } }`,
  gracePeriods: 'gracePeriods(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { legacyId days previousExpiresAt newExpiresAt createdAt } }',
  renewals: `renewals(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id legacyId renewalPeriod amount planRate taxAmount activeSince activeUntil notes performedBy createdAt
    previousPlan { ${PLAN_REF} } presentPlan { ${PLAN_REF} } } } }`,
  overageAllowances: 'overageAllowances(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id legacyId trafficLimitGb usedGb method createdAt } } }',
  taxZone: 'taxZone { id legacyId name rate createdAt }',
  radiusAccounts: `radiusAccounts { id legacyId username priority excludeFromAutoGroupFromBucket hasPassword createdAt ${CUSTOMER_REF} }`,
  radiusSessions: `radiusSessions(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id legacyId sessionId username realm
    nasIpAddress nasPortId nasPortType framedIpAddress startTime updateTime stopTime sessionTime inputOctets outputOctets terminateCause
    callingStationId calledStationId online ${CUSTOMER_REF} } } }`,
  bandwidthOverride: `bandwidthOverride { restrictionOn reset resetLimit resetUnit resetEvery resetEveryValue resetEveryDay reset2 updatedAt excludeUpload
    carryForwardPreviousData bandwidthTemplate { id legacyId name downloadKbps uploadKbps mikrotikRateLimit burstDownloadKbps burstUploadKbps
    burstThresholdDownloadKbps burstThresholdUploadKbps burstTimeSeconds createdAt } bandwidthTemplate2 { legacyId name } }`,
  vendorAttributeOverride: `vendorAttributeOverride { restrictionOn reset resetLimit resetUnit resetEvery resetEveryValue resetEveryDay reset2 updatedAt
    items { set kind vendor attribute op value } }`,
  attachments: 'attachments(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id legacyId filename description mode createdAt } } }',
  salesmanTasks: `salesmanTasks(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { id legacyId dateReported description type dateClosed hoursSpent
    value priority status resolution createdAt updatedAt valueAddedReseller regionalSalesManager masterAgent salesman ${CUSTOMER_REF} } }`,
  maintenanceTickets: `maintenanceTickets(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { id legacyId dateReported reportedBy title
    description resolution priority status dateClosed closedBy hoursSpent emailRecipients updatedBy createdAt updatedAt type subtype ${CUSTOMER_REF}
    attachments { legacyId filename } } }`,
  messages: `messages(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id legacyId channel template recipient subject body
    statusCode status errorMessage transport createdAt sentAt ${CUSTOMER_REF} maintenanceTicket { legacyId title } } } }`,
  coordinates: 'coordinates { latitude longitude }',
  location: `location { coordinates { latitude longitude } area { id legacyId name internal createdAt streets { totalCount nodes { legacyId name } } }
    street { legacyId name internal createdAt area { name } buildings { totalCount nodes { legacyId name } } } building { legacyId name internal createdAt street { name } } }`,
  gateway: 'gateway { id legacyId name wibNumber ipAddress nasIpAddress coaPort hasCoaSecret description createdAt interfaces { legacyId name network } }',
  ips: `ips { id legacyId ip mac macRestrict label isPublic dhcpOptions radiusUsername updateMacOnPortalLogin createdAt ${CUSTOMER_REF}
    gateway { legacyId name ipAddress } interface { legacyId name role label network gatewayAddress startIp numberOfIps createdAt gateway { name } } }`,
  reseller: 'reseller { id legacyId name address { street1 street2 town county postcode state country } }',
  cpes: `cpes { id legacyId coordinates { latitude longitude } distance colour frequency installedBy dishInstalled groundingCompleted additionalInfo createdAt ${CUSTOMER_REF} }`,
};

describe.each(enabledEngines())('compiled relations of Customer on %s', (engine) => {
  let pair: CompiledPair;
  let database: TestDatabase;
  let other: { operatorId: number; token: string };
  const send: CompiledPair['send'] = (...args) => pair.send(...args);
  const expectSame: CompiledPair['expectSame'] = (...args) => pair.expectSame(...args);

  const everyRelation = `query ($after: String) { customers(first: 15, after: $after) { pageInfo { hasNextPage endCursor }
    nodes { legacyId name ${Object.values(RELATIONS).join('\n')} } } }`;

  beforeAll(async () => {
    pair = await startCompiledPair(engine);
    database = pair.database;
    // The demo seed has no attachments: a few for the first customers and a ticket of theirs.
    const [demo] = await rows<{ operator_id: number }>(database.handle.db, sql`select operator_id from customers order by id limit 1`);
    const firsts = await rows<{ id: number }>(database.handle.db, sql`select id from customers where operator_id = ${demo!.operator_id} order by id limit 3`);
    const [ticket] = await rows<{ id: number }>(database.handle.db, sql`select id from maintenance_tickets where operator_id = ${demo!.operator_id} and customer_id is not null order by id limit 1`);
    await database.handle.db.insert(attachments).values([
      ...firsts.flatMap((c, i) => [
        { operatorId: demo!.operator_id, customerId: c.id, filename: `contract-${i}.pdf`, storagePath: `test/${c.id}/contract`, description: 'signed contract', mode: 'private', sizeBytes: 1000 + i },
        { operatorId: demo!.operator_id, customerId: c.id, filename: `photo-${i}.jpg`, storagePath: `test/${c.id}/photo`, description: null, mode: null, sizeBytes: null },
      ]),
      { operatorId: demo!.operator_id, maintenanceTicketId: ticket!.id, filename: 'fault.png', storagePath: `test/ticket/${ticket!.id}`, description: 'the fault' },
    ]);
    // Nor vendor-attribute overrides: one, its items added out of set order.
    const [override] = await database.handle.db
      .insert(vendorAttributeOverrides)
      .values({ operatorId: demo!.operator_id, customerId: firsts[1]!.id, restrictionOn: true })
      .returning({ id: vendorAttributeOverrides.id });
    await database.handle.db.insert(vendorAttributeOverrideItems).values([
      { operatorId: demo!.operator_id, overrideId: override!.id, set: 2, kind: 'reply', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: ':=', value: '1M/1M' },
      { operatorId: demo!.operator_id, overrideId: override!.id, set: 1, kind: 'reply', vendor: 'Mikrotik', attribute: 'Mikrotik-Rate-Limit', op: ':=', value: '10M/10M' },
      { operatorId: demo!.operator_id, overrideId: override!.id, set: 1, kind: 'check', vendor: 'Mikrotik', attribute: 'Mikrotik-Group', op: '==', value: 'gold' },
    ]);
    const generated = await generateOperator(database.handle.db, { operatorCode: 'relations_other', customers: 8, seed: 11 });
    other = { operatorId: generated.operatorId, token: generated.token };
  });

  afterAll(async () => {
    await pair?.stop();
  });

  it.each(Object.keys(RELATIONS))('answers %s like the resolvers, in one statement', async (name) => {
    await expectSame(`{ customers(first: 100) { nodes { legacyId ${RELATIONS[name]} } } }`);
  });

  it('answers every relation of Customer two levels deep in one statement, on data that has them', async () => {
    // Page by page (one page of every relation stays under the cost limit: the unpaged lists count ten), the demo's first customers.
    const customers: Record<string, unknown>[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page++) {
      const data = await expectSame(everyRelation, { after });
      customers.push(...data.customers.nodes);
      if (!data.customers.pageInfo.hasNextPage) break;
      after = data.customers.pageInfo.endCursor;
    }
    expect(customers.length).toBeGreaterThan(40);
    // a connection has rows when its page has edges or nodes
    const rowsOf = (v: any) => (Array.isArray(v) ? v : v && typeof v === 'object' && ('edges' in v || 'nodes' in v) ? (v.edges ?? v.nodes) : null);
    const empty = Object.keys(RELATIONS).filter((name) => !customers.some((c) => { const list = rowsOf(c[name]); return list ? list.length > 0 : c[name] != null; }));
    expect(empty).toEqual([]);
  });

  it('gives the relations with arguments the same data under each argument', async () => {
    // Customers that have sessions, tickets and messages, so that the variations filter real rows.
    const withRows = `query ($sessions: RadiusSessionFilterInput, $sessionOrder: RadiusSessionOrder, $tickets: MaintenanceTicketFilterInput,
        $ticketOrder: MaintenanceTicketOrder, $channel: MessageChannel, $first: Int, $last: Int, $after: String, $before: String) {
      customers(first: 40) { nodes { legacyId
        radiusSessions(first: $first, last: $last, after: $after, before: $before, filter: $sessions, orderBy: $sessionOrder) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { legacyId online startTime username } }
        maintenanceTickets(first: $first, last: $last, after: $after, before: $before, filter: $tickets, orderBy: $ticketOrder) {
          totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { legacyId status dateReported updatedAt } }
        messages(first: $first, last: $last, channel: $channel) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor node { legacyId channel createdAt } } } } } }`;
    const variations: Record<string, unknown>[] = [
      { first: 3 },
      { last: 2 },
      { first: 2, sessions: { onlineOnly: true }, tickets: { status: ['OPEN'] }, channel: 'EMAIL' },
      { first: 10, sessionOrder: { field: 'ID', direction: 'DESC' }, ticketOrder: { field: 'DATE_REPORTED', direction: 'DESC' }, channel: 'SMS' },
      { first: 5, ticketOrder: { field: 'UPDATED_AT' }, tickets: { reportedFrom: '2000-01-01', status: ['OPEN', 'CLOSED'] }, sessions: { startedFrom: '2000-01-01T00:00:00Z' } },
      // A customerId in a child list's filter is ignored (the parent decides), on both paths.
      { first: 4, sessions: { customerId: null }, tickets: { customerId: null } },
    ];
    let nonEmpty = 0;
    for (const variables of variations) {
      const data = await expectSame(withRows, variables);
      for (const c of data.customers.nodes) nonEmpty += c.radiusSessions.nodes.length + c.maintenanceTickets.nodes.length + c.messages.edges.length;
    }
    expect(nonEmpty).toBeGreaterThan(0);
    // Cursors of the compiled answer page on like the resolvers' do, both ways.
    const single = `query ($first: Int, $last: Int, $after: String, $before: String, $order: RadiusSessionOrder) { customers(first: 40) { nodes { legacyId
      radiusSessions(first: $first, last: $last, after: $after, before: $before, orderBy: $order) { pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { legacyId } } } } }`;
    for (const order of [undefined, { field: 'ID', direction: 'DESC' }]) {
      const first = await expectSame(single, { first: 1, order });
      const busy = first.customers.nodes.find((c: any) => c.radiusSessions.pageInfo.hasNextPage);
      expect(busy).toBeDefined();
      await expectSame(single, { first: 2, after: busy.radiusSessions.pageInfo.endCursor, order });
      await expectSame(single, { last: 1, before: busy.radiusSessions.pageInfo.endCursor, order });
    }
  });

  it('never shows the demo’s rows to another operator through these relations', async () => {
    const theirs = new Set((await rows<{ id: number }>(database.handle.db, sql`select id from customers where operator_id = ${other.operatorId}`)).map((r) => r.id));
    // Rows that cross the line on purpose: their customer pointing at demo rows, demo-owned rows
    // pointing at their customer. Neither path may show the demo's row.
    const victim = Math.min(...theirs);
    const demoRow = async (table: string) =>
      (await rows<{ id: number }>(database.handle.db, sql`select id from ${sql.identifier(table)} where operator_id <> ${other.operatorId} order by id limit 1`))[0]!.id;
    await database.handle.db.execute(sql`update customers set gateway_id = ${await demoRow('gateways')}, tax_zone_id = ${await demoRow('tax_zones')},
      community_code_id = ${await demoRow('community_codes')}, area_id = ${await demoRow('areas')} where id = ${victim}`);
    const demoOperator = (await rows<{ operator_id: number }>(database.handle.db, sql`select operator_id from customers order by id limit 1`))[0]!.operator_id;
    await database.handle.db.execute(sql`insert into customer_notes (operator_id, customer_id, title, body) values (${demoOperator}, ${victim}, 'crossed', 'not theirs')`);
    const movedLogin = await demoRow('radius_accounts');
    await database.handle.db.execute(sql`update radius_accounts set customer_id = ${victim} where id = ${movedLogin}`);
    const query = `{ customers(first: 15, orderBy: { field: ID }) { totalCount nodes { legacyId name ${Object.values(RELATIONS).join('\n')} } } }`;
    const data = await expectSame(query, {}, 1, other.token);
    const crossed = data.customers.nodes.find((c: any) => c.legacyId === victim);
    expect(crossed).toMatchObject({ gateway: null, taxZone: null, communityCode: null });
    expect(crossed.notes.edges.map((e: { node: { title: string } }) => e.node.title)).not.toContain('crossed');
    expect(crossed.radiusAccounts.map((a: { legacyId: number }) => a.legacyId)).not.toContain(movedLogin);
    expect(crossed.location.area).toBeNull();
    expect(data.customers.totalCount).toBe(theirs.size);
    // Every customer reached through any path (a relation's customer, a link's master) is theirs.
    const reached: number[] = [];
    const walk = (value: unknown, key?: string) => {
      if (Array.isArray(value)) value.forEach((v) => walk(v));
      else if (value && typeof value === 'object') {
        const object = value as Record<string, unknown>;
        if (key && ['customer', 'master', 'subaccount'].includes(key) && typeof object.legacyId === 'number') reached.push(object.legacyId);
        for (const [k, v] of Object.entries(object)) walk(v, k);
      }
    };
    walk(data.customers.nodes);
    for (const id of [...reached, ...data.customers.nodes.map((c: any) => c.legacyId)]) expect(theirs.has(id)).toBe(true);
    // No global id served to them names a demo row: every relation's rows are theirs (ids are
    // shared sequences, so a demo row's id never appears in their answer).
    const demoQuery = `{ customers(first: 15) { nodes { ${Object.values(RELATIONS).join('\n')} } } }`;
    const demo = JSON.stringify((await send(pair.reference, demoQuery)).body.data);
    const ids = (text: string) => new Set([...text.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]));
    const demoIds = ids(demo);
    expect(demoIds.size).toBeGreaterThan(50);
    for (const id of ids(JSON.stringify(data))) expect(demoIds.has(id)).toBe(false);
    // A demo customer looked up by them: nothing, relations included.
    const lookup = await expectSame(`{ customer(legacyId: 1) { name ${RELATIONS.notes} ${RELATIONS.gateway} } }`, {}, 1, other.token);
    expect(lookup.customer).toBeNull();
  });
});
