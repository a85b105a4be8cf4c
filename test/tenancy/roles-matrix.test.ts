/**
 * Each role does what the matrix (src/tenancy/permissions.ts) lets it, and nothing more: one
 * representative GraphQL call per permission, by a user of every role. Allowed calls succeed
 * (their input is valid); refused ones are FORBIDDEN and write nothing. The same refusal holds
 * on a legacy surface (SIMPLer), because the check lives in the services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { invoices } from '../../src/billing/invoice.table';
import { auditLog } from '../../src/tenancy/audit-log.table';
import type { StaffRole } from '../../src/shared/context';
import { authorize, can, type Permission } from '../../src/tenancy/permissions';
import { ForbiddenError } from '../../src/shared/errors';
import { toGlobalId } from '../../src/graphql/global-id';
import { startTestApp, type TestApp } from '../helpers/app';
import { enabledEngines } from '../helpers/engines';
import { makeRoleUser, operatorIdOf, type RoleUser } from '../helpers/roles';
import { rest } from '../helpers/simpler';

const ROLES: StaffRole[] = ['admin', 'manager', 'staff', 'collector', 'installer', 'api', 'readonly'];

interface Outcome {
  /** The userErrors codes of a mutation, or the top-level error code of a query; [] when it worked. */
  codes: string[];
}

for (const engine of enabledEngines()) {
  describe(`each role may do what the matrix says, on ${engine}`, () => {
    let t: TestApp;
    let demoId: number;
    const users = new Map<StaffRole, RoleUser>();
    let customerId: string;
    let invoiceId: string;
    let invoiceNumber: number;
    let serial = 0;

    beforeAll(async () => {
      t = await startTestApp(engine);
      const db = t.database.handle.db;
      demoId = await operatorIdOf(db, 'demo');
      for (const role of ROLES) users.set(role, await makeRoleUser(db, demoId, role));
      const c = await t.gql<{ customerCreate: { customer: { id: string } } }>(
        'mutation { customerCreate(input: { name: "Matrix Customer", nickname: "matrix", invoicingId: "MATRIX-1" }) { customer { id } } }',
      );
      customerId = c.data.customerCreate.customer.id;
      const [open] = await db
        .select({ id: invoices.id, number: invoices.number })
        .from(invoices)
        .where(and(eq(invoices.operatorId, demoId), eq(invoices.status, 'open')))
        .orderBy(invoices.id)
        .limit(1);
      invoiceId = toGlobalId('Invoice', open!.id);
      invoiceNumber = open!.number;
    }, 120_000);
    afterAll(() => t?.stop());

    async function mutation(role: StaffRole, query: string, input: Record<string, unknown>, field: string): Promise<Outcome> {
      const res = await t.gql<Record<string, { userErrors: { code: string }[] }>>(query, { input }, users.get(role)!.token);
      expect(res.errors, `${role} ${field}`).toBeUndefined();
      return { codes: res.data[field]!.userErrors.map((e) => e.code) };
    }

    /** One representative call per permission that has a GraphQL field today. */
    const REPRESENTATIVES: [Permission, string, (role: StaffRole) => Promise<Outcome>][] = [
      [
        'customers.write',
        'customerCreate',
        (role) =>
          mutation(
            role,
            'mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { code } } }',
            { name: `By ${role}`, nickname: `by${role}${++serial}`, invoicingId: `BY-${role}-${serial}` },
            'customerCreate',
          ),
      ],
      [
        'payments.collect',
        'invoicePay',
        (role) =>
          mutation(
            role,
            'mutation($input: InvoicePayInput!) { invoicePay(input: $input) { payment { id } userErrors { code } } }',
            { invoiceId, amount: '0.01', method: 'CASH' },
            'invoicePay',
          ),
      ],
      [
        'billing.write',
        'invoicesGenerate',
        (role) =>
          mutation(
            role,
            'mutation($input: InvoicesGenerateInput!) { invoicesGenerate(input: $input) { invoices { id } userErrors { code } } }',
            { customerId, kind: 'RECURRING' },
            'invoicesGenerate',
          ),
      ],
      [
        'network.write',
        'siteCreate',
        (role) => mutation(role, 'mutation($input: SiteCreateInput!) { siteCreate(input: $input) { site { id } userErrors { code } } }', { name: `Site of ${role} ${++serial}` }, 'siteCreate'),
      ],
      [
        'support.write',
        'maintenanceTicketCreate',
        (role) =>
          mutation(
            role,
            'mutation($input: MaintenanceTicketCreateInput!) { maintenanceTicketCreate(input: $input) { maintenanceTicket { id } userErrors { code } } }',
            { customerId, title: `Visit by ${role}` },
            'maintenanceTicketCreate',
          ),
      ],
      [
        'audit.read',
        'auditEvents',
        async (role) => {
          const res = await t.gql('{ auditEvents(first: 1) { totalCount } }', {}, users.get(role)!.token);
          return { codes: (res.errors ?? []).map((e) => String(e.extensions?.code)) };
        },
      ],
    ];

    it('a representative call per permission works for exactly the roles that have it', async () => {
      const table: Record<string, Record<string, string>> = {};
      for (const [permission, name, call] of REPRESENTATIVES) {
        table[name] = {};
        for (const role of ROLES) {
          const { codes } = await call(role);
          table[name]![role] = codes.length === 0 ? 'ok' : codes.join(',');
          expect(codes, `${role} ${name}`).toEqual(can(role, permission) ? [] : ['FORBIDDEN']);
        }
      }
      // The matrix's promises, spelled out, so a change to it shows here.
      expect(table.customerCreate).toMatchObject({ staff: 'ok', collector: 'FORBIDDEN', installer: 'FORBIDDEN', readonly: 'FORBIDDEN' });
      expect(table.invoicePay).toMatchObject({ collector: 'ok', staff: 'ok', installer: 'FORBIDDEN', readonly: 'FORBIDDEN' });
      expect(table.invoicesGenerate).toMatchObject({ manager: 'ok', api: 'ok', staff: 'FORBIDDEN', collector: 'FORBIDDEN', installer: 'FORBIDDEN' });
      expect(table.siteCreate).toMatchObject({ installer: 'ok', staff: 'ok', collector: 'FORBIDDEN' });
      expect(table.maintenanceTicketCreate).toMatchObject({ installer: 'ok', collector: 'FORBIDDEN', readonly: 'FORBIDDEN' });
      expect(table.auditEvents).toMatchObject({ admin: 'ok', manager: 'ok', api: 'FORBIDDEN', staff: 'FORBIDDEN', readonly: 'FORBIDDEN' });
      for (const name of Object.keys(table)) expect(table[name]!.admin, name).toBe('ok');
    }, 120_000);

    it('a refused call writes nothing: no audit entry by a refused role', async () => {
      for (const role of ['readonly', 'collector'] as const) {
        const rows = await t.database.handle.db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.staffUserId, users.get(role)!.staffUserId));
        // The collector's only writes are its payments.
        expect(rows.map((r) => r.action), role).toEqual(role === 'collector' ? ['invoice.pay'] : []);
      }
    });

    it('administration belongs to admin alone; manager and api have everything else but it (api also lacks audit.read)', () => {
      const actor = (role: StaffRole) => ({ operatorId: demoId, staffUserId: null, role, surface: 'cli' as const });
      for (const role of ROLES) {
        if (role === 'admin') expect(() => authorize(actor(role), 'admin')).not.toThrow();
        else expect(() => authorize(actor(role), 'admin'), role).toThrow(ForbiddenError);
      }
      for (const permission of ['customers.write', 'payments.collect', 'billing.write', 'catalog.write', 'network.write', 'support.write'] as const) {
        expect(can('manager', permission) && can('api', permission), permission).toBe(true);
      }
      expect(can('manager', 'audit.read')).toBe(true);
      expect(can('api', 'audit.read')).toBe(false);
    });

    it('the same refusal on a legacy surface: a collector may pay an invoice over SIMPLer, not add a customer', async () => {
      const collector = users.get('collector')!;
      const paid = await rest(t.url, 'payInvoice', { ...collector.simpler, invoiceNo: invoiceNumber, amount: '0.01', paymentType: 'cash' });
      expect(paid.result).toMatch(/^OK/);
      const refused = await rest(t.url, 'addCustomer', { ...collector.simpler, name: 'Not Allowed', nickname: 'notallowed', invoicingid: 'NOPE-1' });
      expect(refused.result).toMatch(/^ERROR: the collector role may not create, change or delete customers/);
      const installer = users.get('installer')!;
      const noInvoices = await rest(t.url, 'generateInvoices', { ...installer.simpler });
      expect(noInvoices.result).toMatch(/^ERROR: the installer role may not issue invoices/);
    });
  });
}
