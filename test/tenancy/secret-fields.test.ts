/**
 * Secrets stored in clear because devices need them — RADIUS passwords, SNMP communities — are
 * masked in the graph unless asked for with `reveal: true`, which needs the secrets.read
 * permission and leaves an entry in the audit trail naming what was read (never the value).
 * Collectors and read-only users get FORBIDDEN and nothing is recorded; the Jaze password read
 * follows the same rule. The SIMPLer reads that list logins and check rows (listRADIUSdetails,
 * customerRadius list) serve passwords as their documents show to the roles that may read them
 * (audited), and null to the others.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/tenancy/audit-log.table';
import { can } from '../../src/tenancy/permissions';
import type { StaffRole } from '../../src/shared/context';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { makeRoleUser, operatorIdOf, type RoleUser } from '../helpers/roles';
import { rest } from '../helpers/simpler';

const ROLES: StaffRole[] = ['admin', 'manager', 'staff', 'collector', 'installer', 'api', 'readonly'];

interface Attribute {
  attribute: string | null;
  value: string | null;
  masked: boolean;
}

for (const engine of enabledEngines()) {
  describe(`secret fields in the graph, on ${engine}`, () => {
    let t: TestApp;
    const users = new Map<StaffRole, RoleUser>();
    let customerId: number;
    let equipmentId: string;
    let equipmentLegacyId: number;

    beforeAll(async () => {
      t = await startTestApp(engine);
      const demoId = await operatorIdOf(t.database.handle.db, 'demo');
      for (const role of ROLES) users.set(role, await makeRoleUser(t.database.handle.db, demoId, role));
      // a demo customer whose RADIUS check rows hold a password
      const found = await t.gql<{ customers: { nodes: { legacyId: number; radiusAttributes: Attribute[] }[] } }>(
        '{ customers(first: 20) { nodes { legacyId radiusAttributes(table: CHECK) { attribute value masked } } } }',
      );
      const withPassword = found.data.customers.nodes.find((c) => c.radiusAttributes.some((a) => a.attribute === 'Cleartext-Password'));
      expect(withPassword, 'a demo customer with a RADIUS password').toBeDefined();
      customerId = withPassword!.legacyId;
      const created = await t.gql<{ equipmentCreate: { equipment: { id: string; legacyId: number } } }>(
        'mutation { equipmentCreate(input: { nickname: "secret-switch", snmpCommunity: "s3cret-community" }) { equipment { id legacyId } userErrors { message } } }',
      );
      equipmentId = created.data.equipmentCreate.equipment.id;
      equipmentLegacyId = created.data.equipmentCreate.equipment.legacyId;
    }, 120_000);
    afterAll(() => t?.stop());

    const attributes = (reveal: boolean, token?: string) =>
      t.gql<{ customer: { radiusAttributes: Attribute[] } | null }>(
        'query($id: Int!, $reveal: Boolean!) { customer(legacyId: $id) { radiusAttributes(table: CHECK, reveal: $reveal) { attribute value masked } } }',
        { id: customerId, reveal },
        token,
      );
    const secretReads = async (role: StaffRole) =>
      t.database.handle.db
        .select({ entityType: auditLog.entityType, entityId: auditLog.entityId, changes: auditLog.changes })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'secret.read'), eq(auditLog.staffUserId, users.get(role)!.staffUserId)));

    it('masks RADIUS passwords by default, for every role, and keeps the other values', async () => {
      for (const role of ROLES) {
        const res = await attributes(false, users.get(role)!.token);
        expect(res.errors, role).toBeUndefined();
        const rows = res.data.customer!.radiusAttributes;
        const password = rows.find((a) => a.attribute === 'Cleartext-Password')!;
        expect(password, role).toEqual({ attribute: 'Cleartext-Password', value: null, masked: true });
        for (const other of rows.filter((a) => !/password/i.test(a.attribute ?? ''))) {
          expect(other.masked).toBe(false);
          expect(other.value).not.toBeNull();
        }
      }
      expect(await secretReads('admin')).toEqual([]);
    });

    it('serves them in clear with reveal to the roles that may, and audits each read without the value', async () => {
      for (const role of ROLES) {
        const res = await attributes(true, users.get(role)!.token);
        if (can(role, 'secrets.read')) {
          expect(res.errors, role).toBeUndefined();
          const password = res.data.customer!.radiusAttributes.find((a) => a.attribute === 'Cleartext-Password')!;
          expect(password.masked).toBe(false);
          expect(password.value).toMatch(/.+/);
          const reads = await secretReads(role);
          expect(reads).toHaveLength(1);
          expect(reads[0]).toMatchObject({ entityType: 'customer', entityId: customerId, changes: { read: ['radcheck:Cleartext-Password'] } });
          expect(JSON.stringify(reads[0]!.changes)).not.toContain(password.value!);
        } else {
          expect(res.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
          expect(JSON.stringify(res.data ?? null)).not.toMatch(/Cleartext-Password/);
          expect(await secretReads(role)).toEqual([]);
        }
      }
      // the roles the matrix promises
      expect(ROLES.filter((role) => can(role, 'secrets.read'))).toEqual(['admin', 'manager', 'staff', 'installer', 'api']);
    });

    it('masks an SNMP community the same way', async () => {
      const read = (reveal: boolean, role: StaffRole) =>
        t.gql<{ node: { hasSnmpCommunity: boolean; snmpCommunity: string | null } | null }>(
          'query($id: ID!, $reveal: Boolean!) { node(id: $id) { ... on Equipment { hasSnmpCommunity snmpCommunity(reveal: $reveal) } } }',
          { id: equipmentId, reveal },
          users.get(role)!.token,
        );
      for (const role of ['staff', 'readonly'] as const) {
        const masked = await read(false, role);
        expect(masked.errors).toBeUndefined();
        expect(masked.data.node).toEqual({ hasSnmpCommunity: true, snmpCommunity: null });
      }
      const clear = await read(true, 'staff');
      expect(clear.errors).toBeUndefined();
      expect(clear.data.node!.snmpCommunity).toBe('s3cret-community');
      const reads = await secretReads('staff');
      expect(reads.filter((r) => r.entityType === 'equipment')).toEqual([{ entityType: 'equipment', entityId: equipmentLegacyId, changes: { read: ['snmpCommunity'] } }]);
      const refused = await read(true, 'readonly');
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(refused)).not.toContain('s3cret-community');
    });

    it('refuses the Jaze password read to a role without secrets.read', async () => {
      const get = (role: StaffRole) =>
        fetch(`${t.url}/api/v1/get_user_password/${customerId}`, { headers: { authorization: `Bearer ${users.get(role)!.token}` } }).then((r) => r.json() as Promise<{ status: string; errorCode: number; message: unknown }>);
      const refused = await get('collector');
      expect(refused).toMatchObject({ status: 'failure', errorCode: 403 });
      const served = await get('installer');
      expect(served).toMatchObject({ status: 'success' });
    });

    it('serves SIMPLer login and check-row passwords only to roles with secrets.read, and audits the read once per call', async () => {
      const logins = (role: StaffRole, params: Record<string, string | number> = {}) =>
        rest(t.url, 'listRADIUSdetails', { ...users.get(role)!.simpler, customerid: customerId, ...params });
      const checkRows = (role: StaffRole) => rest(t.url, 'customerRadius', { ...users.get(role)!.simpler, customerid: customerId, table: 'radcheck', action: 'list' });
      type Login = { username: string; password: string | null };
      type Row = { attribute: string; value: string | null };

      const before = (await secretReads('collector')).length;
      const hidden = await logins('collector');
      expect(hidden.status).toBe(200);
      const hiddenLogins = (hidden.result as { radius_usernames: Login[] }).radius_usernames;
      expect(hiddenLogins.length).toBeGreaterThan(0);
      for (const login of hiddenLogins) expect(login.password).toBeNull();
      const hiddenRows = (await checkRows('collector')).result as { results: Row[] };
      expect(hiddenRows.results.find((r) => r.attribute === 'Cleartext-Password')!.value).toBeNull();
      expect(await secretReads('collector')).toHaveLength(before);
      // Filtering by password would tell which login has it: refused to the same role.
      const probed = await logins('collector', { password: 'guess' });
      expect(probed.result).toBe('ERROR: the collector role may not read stored device and access secrets in clear (RADIUS passwords, SNMP communities)');

      const served = await logins('staff');
      const servedLogins = (served.result as { radius_usernames: Login[] }).radius_usernames;
      expect(servedLogins.some((login) => typeof login.password === 'string' && login.password.length > 0)).toBe(true);
      const rows = (await checkRows('staff')).result as { results: Row[] };
      const password = rows.results.find((r) => r.attribute === 'Cleartext-Password')!.value!;
      expect(password).toMatch(/.+/);
      const reads = (await secretReads('staff')).filter((r) => r.entityType === 'radius_account' || (r.entityType === 'customer' && r.entityId === customerId));
      expect(reads.map((r) => r.entityType).sort()).toEqual(['customer', 'customer', 'radius_account']);
      for (const read of reads) expect(JSON.stringify(read.changes)).not.toContain(password);
    });
  });
}
