/**
 * Reading back what the customer inputs write beside the row's own columns: buckets and sales
 * people by id, group memberships, custom field values and sand settings of many customers at
 * once (the graph's loaders), each scoped to the operator.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { buckets } from '../catalog/bucket.table';
import type { Executor } from '../db/client';
import { customFields, customFieldValues } from './custom-field.table';
import { customers } from './customer.table';
import { customerGroupMembers, customerGroups } from './group.table';
import { salesPeople } from './sales-person.table';
import { customerSandSettings } from './sand-settings.table';

export async function bucketsByIds(db: Executor, operatorId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.select().from(buckets).where(and(eq(buckets.operatorId, operatorId), inArray(buckets.id, [...ids])));
}

export async function salesPeopleByIds(db: Executor, operatorId: number, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.select().from(salesPeople).where(and(eq(salesPeople.operatorId, operatorId), inArray(salesPeople.id, [...ids])));
}

/** The groups of each customer, by name. */
export async function groupsOfCustomers(db: Executor, operatorId: number, customerIds: readonly number[]) {
  if (customerIds.length === 0) return [];
  return db
    .select({ customerId: customerGroupMembers.customerId, id: customerGroups.id, name: customerGroups.name })
    .from(customerGroupMembers)
    .innerJoin(customerGroups, eq(customerGroups.id, customerGroupMembers.groupId))
    .where(and(eq(customerGroups.operatorId, operatorId), inArray(customerGroupMembers.customerId, [...customerIds])))
    .orderBy(asc(customerGroups.name), asc(customerGroups.id));
}

/** Every customer custom field of the operator for each customer, with its value (null when unset), in field order. */
export async function customFieldValuesOfCustomers(db: Executor, operatorId: number, customerIds: readonly number[]) {
  if (customerIds.length === 0) return [];
  return db
    .select({ customerId: customers.id, fieldId: customFields.id, label: customFields.label, type: customFields.type, value: customFieldValues.value })
    .from(customers)
    .innerJoin(customFields, and(eq(customFields.operatorId, customers.operatorId), eq(customFields.scope, 'customer')))
    .leftJoin(customFieldValues, and(eq(customFieldValues.fieldId, customFields.id), eq(customFieldValues.customerId, customers.id)))
    .where(and(eq(customers.operatorId, operatorId), inArray(customers.id, [...customerIds])))
    .orderBy(asc(customers.id), asc(customFields.position), asc(customFields.id));
}

export async function sandOfCustomers(db: Executor, operatorId: number, customerIds: readonly number[]) {
  if (customerIds.length === 0) return [];
  return db.select().from(customerSandSettings).where(and(eq(customerSandSettings.operatorId, operatorId), inArray(customerSandSettings.customerId, [...customerIds])));
}
