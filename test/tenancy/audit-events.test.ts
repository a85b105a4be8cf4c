/**
 * The audit trail through GraphQL `auditEvents`: a write on each surface shows up with its
 * surface, operation, staff user, credential and request id (the X-Request-Id reply header),
 * without secrets; filters and paging work; another operator's entries never show; roles
 * without audit.read are refused. (M4 has no write operation, so it cannot appear here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/global-id';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { makeOperator } from '../helpers/fixtures';
import { makeRoleUser, operatorIdOf, type RoleUser } from '../helpers/roles';
import { soapEnvelope } from '../helpers/simpler';

const EVENT_FIELDS = `id legacyId createdAt surface action entityType entityId entityLegacyId
  staffUser { id username } credential { kind legacyId label } changedFields changes requestId`;

interface AuditEventShape {
  id: string;
  legacyId: number;
  createdAt: string;
  surface: string;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLegacyId: number | null;
  staffUser: { id: string; username: string } | null;
  credential: { kind: string; legacyId: number; label: string | null } | null;
  changedFields: string[];
  changes: Record<string, unknown> | null;
  requestId: string | null;
}

interface Connection {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    nodes: AuditEventShape[];
  };
}

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: AuditEventFilterInput) {
  auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { ${EVENT_FIELDS} } } }`;

/** A full IBAN and account number sent to addEFT: only their last four may ever be stored. */
const IBAN = 'IE29AIBK93115212345678';
const ACCOUNT_NUMBER = '12345678';

for (const engine of enabledEngines()) {
  describe(`auditEvents on ${engine}`, () => {
    let t: TestApp;
    let demoId: number;
    let writer: RoleUser;
    let auditor: RoleUser;
    let readonly: RoleUser;
    let api: RoleUser;
    let other: RoleUser;
    /** Request id of each surface's write, from the X-Request-Id reply header. */
    const requestIds: Record<string, string> = {};
    let customerId: string;

    const list = (variables: Record<string, unknown>, token = auditor.token) => t.gql<Connection>(LIST, variables, token);

    beforeAll(async () => {
      t = await startTestApp(engine);
      const db = t.database.handle.db;
      demoId = await operatorIdOf(db, 'demo');
      // The writer has every write permission of the surfaces below but cannot read the trail.
      writer = await makeRoleUser(db, demoId, 'api');
      auditor = await makeRoleUser(db, demoId, 'manager');
      readonly = await makeRoleUser(db, demoId, 'readonly');
      api = writer;
      other = await makeRoleUser(db, await makeOperator(db, 'other'), 'admin');

      // GraphQL: a customer.
      const gqlRes = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${writer.token}` },
        body: JSON.stringify({
          query: 'mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { message } } }',
          variables: { input: { name: 'Audit Trail', nickname: 'audittrail', invoicingId: 'AUDIT-1' } },
        }),
      });
      const created = (await gqlRes.json()) as { data: { customerCreate: { customer: { id: string }; userErrors: unknown[] } } };
      expect(created.data.customerCreate.userErrors).toEqual([]);
      customerId = created.data.customerCreate.customer.id;
      requestIds.graphql = gqlRes.headers.get('x-request-id')!;
      const legacyCustomerId = Buffer.from(customerId, 'base64url').toString().split(':')[1]!;

      // SIMPLer SOAP: a community code.
      const soapRes = await fetch(`${t.url}/API/operatorapi.pl`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"http://127.0.0.1/OperatorAPI#addCommunityCode"' },
        body: soapEnvelope('addCommunityCode', { ...writer.simpler, code: 'AUDIT-SOAP' }),
      });
      expect(await soapRes.text()).toContain('>OK<');
      requestIds.soap = soapRes.headers.get('x-request-id')!;

      // SIMPLer REST: full bank details, whose numbers must not reach the trail.
      const restRes = await fetch(`${t.url}/API/addEFT`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...writer.simpler, customerid: legacyCustomerId, bankaccountnumber: ACCOUNT_NUMBER, eft_sepa_iban: IBAN }),
      });
      expect(((await restRes.json()) as { result: string }).result).toMatch(/^OK/);
      requestIds.rest = restRes.headers.get('x-request-id')!;

      // Jaze: an area.
      const jazeRes = await fetch(`${t.url}/api/v1/add_area`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ areaName: 'Audit Area' }).toString(),
      });
      expect(((await jazeRes.json()) as { status: string }).status).toBe('success');
      requestIds.jaze = jazeRes.headers.get('x-request-id')!;

      // CRM: a reseller.
      const crmRes = await fetch(`${t.url}/api/reseller/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...writer.crm,
          invoice_by: 'ISP',
          payment_by: 'ISP',
          type: 'Reseller',
          name: 'Audit Reseller',
          code: 'AUDIT-R',
          mobile: '0861234567',
          email: 'audit@reseller.example',
        }),
      });
      expect(((await crmRes.json()) as { error: unknown }).error).toBeNull();
      requestIds.crm = crmRes.headers.get('x-request-id')!;

      // Another operator writes too; none of it may show to the demo operator.
      const otherRes = await t.gql<{ customerCreate: { userErrors: unknown[] } }>(
        'mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { userErrors { message } } }',
        { input: { name: 'Elsewhere', nickname: 'elsewhere', invoicingId: 'ELSE-1' } },
        other.token,
      );
      expect(otherRes.data.customerCreate.userErrors).toEqual([]);
    }, 120_000);
    afterAll(() => t?.stop());

    it('shows each surface’s write with its operation, staff user, credential and request id', async () => {
      const res = await list({ first: 10, filter: { actor: toGlobalId('StaffUser', writer.staffUserId) } });
      expect(res.errors).toBeUndefined();
      const bySurface = new Map(res.data.auditEvents.nodes.map((e) => [e.surface, e]));
      const expected = [
        { surface: 'GRAPHQL', action: 'customer.create', entityType: 'customer', credential: { kind: 'API_TOKEN', legacyId: writer.tokenId, label: 'api test token' } },
        { surface: 'SOAP', action: 'communityCode.create', entityType: 'community_code', credential: { kind: 'API_CREDENTIAL', legacyId: writer.simplerCredentialId, label: `SIMPLer api_username ${writer.simpler.api_username}` } },
        { surface: 'REST', action: 'bankAccount.addDetails', entityType: 'bank_account', credential: { kind: 'API_CREDENTIAL', legacyId: writer.simplerCredentialId, label: `SIMPLer api_username ${writer.simpler.api_username}` } },
        { surface: 'JAZE', action: 'area.create', entityType: 'area', credential: { kind: 'API_TOKEN', legacyId: writer.tokenId, label: 'api test token' } },
        { surface: 'CRM', action: 'reseller.create', entityType: 'reseller', credential: { kind: 'API_CREDENTIAL', legacyId: writer.crmCredentialId, label: `CRM userid ${writer.staffUserId}` } },
      ];
      expect([...bySurface.keys()].sort()).toEqual(expected.map((e) => e.surface).sort());
      for (const want of expected) {
        const event = bySurface.get(want.surface)!;
        expect(event, want.surface).toMatchObject({
          action: want.action,
          entityType: want.entityType,
          staffUser: { id: toGlobalId('StaffUser', writer.staffUserId), username: writer.username },
          credential: want.credential,
          requestId: requestIds[want.surface.toLowerCase()],
        });
        expect(event.requestId, want.surface).toMatch(/\S/);
        expect(event.changedFields.length, want.surface).toBeGreaterThan(0);
        expect(Object.keys(event.changes ?? {}).sort()).toEqual([...event.changedFields].sort());
        // Every entity here is a Node: its global id is given, and names the same number.
        expect(event.entityId).toBe(toGlobalId(event.entityType.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase()), event.entityLegacyId!));
      }
      expect(bySurface.get('GRAPHQL')!.entityId).toBe(customerId);
      expect(bySurface.get('GRAPHQL')!.changes).toMatchObject({ name: 'Audit Trail', nickname: 'audittrail', invoicingId: 'AUDIT-1' });
    });

    it('records no secret: bank numbers and credentials never appear in changes', async () => {
      const res = await list({ first: 100 });
      const text = JSON.stringify(res.data.auditEvents.nodes.map((e) => e.changes));
      for (const secret of [IBAN, ACCOUNT_NUMBER, writer.token, writer.simpler.api_password, writer.crm.api_key]) expect(text).not.toContain(secret);
      const bank = res.data.auditEvents.nodes.find((e) => e.action === 'bankAccount.addDetails')!;
      expect(JSON.stringify(bank.changes)).not.toMatch(/\d{6,}/);
    });

    it('filters by actor, surface, action, entity and time', async () => {
      const ids = (r: { data: Connection }) => r.data.auditEvents.nodes.map((e) => e.action);
      expect(ids(await list({ first: 10, filter: { surface: 'JAZE' } }))).toEqual(['area.create']);
      expect(ids(await list({ first: 10, filter: { action: 'reseller.create', surface: 'CRM' } }))).toEqual(['reseller.create']);
      const forCustomer = await list({ first: 10, filter: { entityId: customerId } });
      expect(forCustomer.data.auditEvents.nodes.map((e) => [e.action, e.entityId])).toEqual([['customer.create', customerId]]);
      const asEntity = await list({ first: 10, filter: { entityType: 'customer', entityLegacyId: forCustomer.data.auditEvents.nodes[0]!.entityLegacyId } });
      expect(asEntity.data.auditEvents.nodes.map((e) => e.id)).toEqual(forCustomer.data.auditEvents.nodes.map((e) => e.id));
      const mismatch = await list({ first: 10, filter: { entityType: 'reseller', entityId: customerId } });
      expect(mismatch.errors?.[0]?.extensions?.code).toBe('INVALID');

      // Time: the entries of the writes above lie between the first one and now.
      const mine = await list({ first: 10, filter: { actor: toGlobalId('StaffUser', writer.staffUserId) } });
      const times = mine.data.auditEvents.nodes.map((e) => Date.parse(e.createdAt));
      const oldest = Math.min(...times);
      const newest = Math.max(...times);
      const since = await list({ first: 10, filter: { actor: toGlobalId('StaffUser', writer.staffUserId), since: new Date(oldest).toISOString() } });
      expect(since.data.auditEvents.totalCount).toBe(5);
      const until = await list({ first: 10, filter: { actor: toGlobalId('StaffUser', writer.staffUserId), until: new Date(oldest).toISOString() } });
      expect(until.data.auditEvents.totalCount).toBe(0);
      const after = await list({ first: 10, filter: { actor: toGlobalId('StaffUser', writer.staffUserId), since: new Date(newest + 1).toISOString() } });
      expect(after.data.auditEvents.totalCount).toBe(0);
      const backwards = await list({ first: 10, filter: { since: new Date(newest).toISOString(), until: new Date(oldest).toISOString() } });
      expect(backwards.errors?.[0]?.extensions?.code).toBe('INVALID');
    });

    it('pages newest first, forwards and backwards, without gaps or repeats', async () => {
      const filter = { actor: toGlobalId('StaffUser', writer.staffUserId) };
      const all = (await list({ first: 100, filter })).data.auditEvents.nodes;
      expect(all).toHaveLength(5);
      const stamps = all.map((e) => [Date.parse(e.createdAt), e.legacyId] as const);
      for (let i = 1; i < stamps.length; i++) {
        const [t0, id0] = stamps[i - 1]!;
        const [t1, id1] = stamps[i]!;
        expect(t0 > t1 || (t0 === t1 && id0 > id1)).toBe(true);
      }
      // The CRM write came last and is first.
      expect(all[0]!.surface).toBe('CRM');

      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { data: Connection } = await list({ first: 2, after, filter });
        seen.push(...page.data.auditEvents.nodes.map((e) => e.id));
        expect(page.data.auditEvents.totalCount).toBe(5);
        if (!page.data.auditEvents.pageInfo.hasNextPage) break;
        after = page.data.auditEvents.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.map((e) => e.id));

      const tail = await list({ last: 2, filter });
      expect(tail.data.auditEvents.nodes.map((e) => e.id)).toEqual(all.slice(3).map((e) => e.id));
      const before = await list({ last: 2, before: tail.data.auditEvents.pageInfo.startCursor, filter });
      expect(before.data.auditEvents.nodes.map((e) => e.id)).toEqual(all.slice(1, 3).map((e) => e.id));
    });

    it('never shows another operator’s entries, in lists or through node(id:)', async () => {
      const mine = await list({ first: 100, filter: { action: 'customer.create' } });
      expect(mine.data.auditEvents.nodes.every((e) => e.changes?.nickname !== 'elsewhere')).toBe(true);
      const theirs = await list({ first: 100, filter: { action: 'customer.create' } }, other.token);
      const foreign = theirs.data.auditEvents.nodes.find((e) => e.changes?.nickname === 'elsewhere')!;
      expect(foreign).toBeDefined();
      expect(theirs.data.auditEvents.totalCount).toBe(1);
      const viaNode = await t.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: foreign.id }, auditor.token);
      expect(viaNode.errors).toBeUndefined();
      expect(viaNode.data.node).toBeNull();
      const own = await t.gql<{ node: { id: string; action: string } }>('query($id: ID!) { node(id: $id) { id ... on AuditEvent { action } } }', { id: mine.data.auditEvents.nodes[0]!.id }, auditor.token);
      expect(own.data.node).toEqual({ id: mine.data.auditEvents.nodes[0]!.id, action: 'customer.create' });
    });

    it('refuses roles without audit.read (readonly, api) with FORBIDDEN, also through node(id:)', async () => {
      for (const user of [readonly, api]) {
        const res = await list({ first: 1 }, user.token);
        expect(res.errors?.[0]?.extensions?.code, user.role).toBe('FORBIDDEN');
        expect(res.data).toEqual({ auditEvents: null }); // root connections are nullable: only this field is refused
      }
      const some = (await list({ first: 1 })).data.auditEvents.nodes[0]!;
      const viaNode = await t.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', { id: some.id }, readonly.token);
      expect(viaNode.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
}
