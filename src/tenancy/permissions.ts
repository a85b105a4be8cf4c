/**
 * What each staff role may do: one matrix, checked in the service layer, so GraphQL, SOAP, REST,
 * Jaze, the CRM API and M4 refuse the same things for the same reasons. A service write starts
 * with `authorize(ctx.actor, '<permission>')`; adapters never check roles themselves.
 *
 * Roles (staff_users.role):
 * - admin: everything, including staff users, credentials and operator settings;
 * - manager: runs the business (customers, billing, catalogue, network), reads the audit trail;
 *   M4's "show only assigned users" option narrows what a manager sees on that surface;
 * - staff: front-line support: customers, tickets, network tasks, payments taken at the desk;
 * - collector: collects payments in the field (Jaze collection admins), reads everything else;
 * - installer: equipment, sites and tickets on installations;
 * - api: a machine account for integrations: everything but administration;
 * - readonly: reads only.
 *
 * Secrets stored in clear because devices need them (RADIUS passwords for PAP/CHAP, SNMP
 * communities) are a read of their own, `secrets.read`: support staff, installers, managers,
 * integrations and admins configure routers with them; collectors and read-only users never
 * see them. Each read in clear is written to the audit trail (secret-reads.ts).
 */
import type { Actor, StaffRole } from '../shared/context';
import { ForbiddenError } from '../shared/errors';

export const PERMISSIONS = {
  read: 'read the operator’s data',
  'customers.write': 'create, change or delete customers, their contacts, notes, subscriptions, plan moves, locations, sub-accounts, community codes, portal logins and custom data',
  'payments.collect': 'record payments (paying an invoice, collecting in the field, asking for a collection)',
  'billing.write': 'issue invoices, reverse or refund payments, approve collections, change billing settings (grace periods, cards and bank accounts, collector rounds) and resellers with their wallets',
  'catalog.write': 'change plans, tax zones and bandwidth templates',
  'network.write': 'change equipment, sites, areas, streets and buildings, IP space and RADIUS settings (accounts, attributes, overrides, CoA)',
  'support.write': 'open, change or close tickets, installer tracking and sales tasks, and message customers',
  'audit.read': 'read the audit trail',
  'secrets.read': 'read stored device and access secrets in clear (RADIUS passwords, SNMP communities)',
  admin: 'manage staff users, credentials and operator settings',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  admin: ALL,
  manager: ALL.filter((p) => p !== 'admin'),
  staff: ['read', 'customers.write', 'payments.collect', 'network.write', 'support.write', 'secrets.read'],
  collector: ['read', 'payments.collect'],
  installer: ['read', 'network.write', 'support.write', 'secrets.read'],
  api: ALL.filter((p) => p !== 'admin' && p !== 'audit.read'),
  readonly: ['read'],
};

export function can(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

/**
 * Throws ForbiddenError unless the actor's role has the permission. The seed, the worker and
 * the admin CLI act with role `admin`, so they pass.
 */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new ForbiddenError(`the ${actor.role} role may not ${PERMISSIONS[permission]}`);
  }
}
